/** Versions compare part by part as numbers: 2026.10 is newer than 2026.2. Pure. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
}

/**
 * The version of procedure `id` a case or track started on `on` follows: the newest whose
 * `effectiveFrom` is not after that day (a version without one is in force from the start).
 * Null when there is none. Pure: the day is the date the core was given, never the wall clock.
 */
export function versionInForce<T extends { id: string; version: string; effectiveFrom?: string | undefined }>(
  definitions: Iterable<T>,
  id: string,
  on: string,
): T | null {
  let best: T | null = null;
  for (const d of definitions) {
    if (d.id !== id || (d.effectiveFrom !== undefined && d.effectiveFrom > on)) continue;
    if (!best || compareVersions(d.version, best.version) > 0) best = d;
  }
  return best;
}
