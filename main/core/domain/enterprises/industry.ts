/**
 * 国民经济行业分类 (GB/T 4754-2017) codes: a section letter (门类 A–T) and/or a 2-, 3- or 4-digit
 * division, group or class (大类/中类/小类), e.g. C2614. Stored as letter + digits; the letter is
 * derived from the division when the file leaves it out.
 */
const sections: Array<[string, number, number]> = [
  ['A', 1, 5],
  ['B', 6, 12],
  ['C', 13, 43],
  ['D', 44, 46],
  ['E', 47, 50],
  ['F', 51, 52],
  ['G', 53, 60],
  ['H', 61, 62],
  ['I', 63, 65],
  ['J', 66, 69],
  ['K', 70, 70],
  ['L', 71, 72],
  ['M', 73, 75],
  ['N', 76, 79],
  ['O', 80, 82],
  ['P', 83, 83],
  ['Q', 84, 85],
  ['R', 86, 90],
  ['S', 91, 97],
  ['T', 98, 98],
];

export function sectionOf(division: number): string | null {
  return sections.find(([, lo, hi]) => division >= lo && division <= hi)?.[0] ?? null;
}

export type IndustryCheck = { ok: true; code: string; warning: string | null } | { ok: false; reason: string };

export function checkIndustryCode(raw: string): IndustryCheck {
  const v = raw.trim().toUpperCase().replace(/\s+/g, '').replace(/\.0+$/, '');
  const m = /^([A-T])?(\d{2,4})?$/.exec(v);
  if (!v || !m || (!m[1] && !m[2])) {
    return {
      ok: false,
      reason: `行业代码“${raw.trim()}”格式不正确，应如“C2614”或“2614”（GB/T 4754门类字母加2至4位数字）`,
    };
  }
  const [, letter, digits] = m;
  if (!digits) return { ok: true, code: letter!, warning: null };
  const section = sectionOf(Number(digits.slice(0, 2)));
  if (!section)
    return { ok: false, reason: `行业代码“${raw.trim()}”的大类${digits.slice(0, 2)}不存在（GB/T 4754-2017）` };
  if (letter && letter !== section) {
    return {
      ok: true,
      code: `${section}${digits}`,
      warning: `行业代码${v}的门类应为${section}（大类${digits.slice(0, 2)}），已更正为${section}${digits}`,
    };
  }
  return { ok: true, code: `${section}${digits}`, warning: null };
}
