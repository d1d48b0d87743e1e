/**
 * Which industry checklist an enterprise's inspection is offered: the one naming the most specific
 * beginning of its GB/T 4754 code. Codes are compared on their digits (a directory may write C2614 or
 * 2614); a section letter alone (C) matches the letter. Pure: the checklists come in as data.
 */
import type { IndustryChecklist, IndustryChecklists } from '#common/schemas/industryChecklists.js';

function matchLength(prefix: string, code: string): number {
  const p = prefix.toUpperCase();
  const c = code.trim().toUpperCase();
  if (/^[A-T]$/.test(p)) return c.startsWith(p) ? 1 : 0;
  const pd = p.replace(/^[A-T]/, '');
  const cd = c.replace(/^[A-T]/, '');
  // A letter on both sides must agree; a code without its letter is matched on the digits.
  if (/^[A-T]/.test(p) && /^[A-T]/.test(c) && p[0] !== c[0]) return 0;
  return cd.startsWith(pd) ? 1 + pd.length : 0;
}

export function checklistFor(data: IndustryChecklists, industryCode: string | null): IndustryChecklist | null {
  if (!industryCode?.trim()) return null;
  let best: { list: IndustryChecklist; score: number } | null = null;
  for (const list of data.checklists)
    for (const prefix of list.industries) {
      const score = matchLength(prefix, industryCode);
      if (score > 0 && (!best || score > best.score)) best = { list, score };
    }
  return best?.list ?? null;
}

/** Versions compared as people number them: 2026.12 before 2027.1, 2026.2 before 2026.12. */
export function compareChecklistVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The set offered now: the newest version of those this desk has (shipped, or published since). */
export function newestChecklists(sets: readonly IndustryChecklists[]): IndustryChecklists {
  return sets.reduce((best, s) => (compareChecklistVersions(s.version, best.version) > 0 ? s : best));
}
