/** One line per figure: `bench <name>: <value> <unit> (target <op> <value>) ok|MISS`. */
export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  op: '<' | '>=' | '=';
  target: number;
  note?: string;
  /** The figure is not yet the one the issue names (e.g. fewer documents than required): never ok. */
  forceMiss?: boolean;
}

export function line(f: Figure): string {
  const ok =
    !f.forceMiss &&
    f.value !== null &&
    (f.op === '<' ? f.value < f.target : f.op === '=' ? f.value === f.target : f.value >= f.target);
  const v =
    f.value === null ? 'n/a' : Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(f.value < 10 ? 2 : 1);
  return `bench ${f.name}: ${v} ${f.unit} (target ${f.op} ${f.target}) ${ok ? 'ok' : 'MISS'}${f.note ? `  # ${f.note}` : ''}`;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function timeIt(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
