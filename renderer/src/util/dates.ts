/** Calendar dates as the law counts them (YYYY-MM-DD, the clerk's local day) and display helpers. */

const pad = (n: number): string => String(n).padStart(2, '0');

export function isoDateOf(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function todayIso(now: Date = new Date()): string {
  return isoDateOf(now);
}

/** For <input type="datetime-local">: YYYY-MM-DDTHH:mm. */
export function nowLocalDateTime(now: Date = new Date()): string {
  return `${isoDateOf(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** 2026-03-02 → 2026年3月2日 */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/**
 * An instant (ISO with offset) as local 2026-03-02 09:30, or with `seconds` 2026-03-02 09:30:05 (the
 * audit log, where two events a minute apart must be told apart). Every screen shows times this way.
 */
export function formatInstant(iso: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;
  return `${isoDateOf(d)} ${time}`;
}
