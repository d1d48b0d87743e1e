/**
 * A recording's or video's length as people read it on a listing page and in the 证据 tab: “3分07秒”,
 * “1时02分05秒”. Shared so the dossier and the screen say the same words.
 */

/** Whole seconds (rounded), minutes always shown, hours only from one hour on. */
export function durationText(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}时${String(m).padStart(2, '0')}分${s}秒` : `${m}分${s}秒`;
}

/** What a recorded length says: its text, or “无法读取” when the file's length could not be read (null). */
export function durationLabel(seconds: number | null): string {
  return seconds === null ? '无法读取' : durationText(seconds);
}
