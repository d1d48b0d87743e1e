/** What a clerk types as an amount; amounts shown are written by `#common/money`. */

/** Parses what a clerk typed ("40000", "4,0000.5") into yuan, or null when it is not a number. */
export function parseYuan(text: string): number | null {
  const t = text.replace(/[,，\s元]/g, '');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
