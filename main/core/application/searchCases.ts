/**
 * `search.query`: one search box across the cases this user may see (caseAccess.ts `caseScope`:
 * an officer his own, reviewers and heads their bureau's, an administrator none). The index finds
 * the newest matches (store/searchIndex.ts); they are ordered here (domain/search/rank.ts) and each
 * hit gets its excerpt with the words marked, its source in Chinese and where it opens.
 */
import { AppError } from '#common/errors.js';
import type { OpParsedInput } from '#common/operations.js';
import type { SearchHit, SearchQueryOutput } from '#common/schemas/search.js';
import { highlightSnippet } from '#core/domain/laws/highlight.js';
import { hitScore, kindWeights, termCounts } from '#core/domain/search/rank.js';
import { searchPlan, withoutLayoutSpaces } from '#core/domain/search/segment.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import type { StoredHit } from '#core/store/searchIndex.js';
import { caseScope } from './caseAccess.js';
import { searchIndexOf } from './searchIndexing.js';

/** Matches looked at: the newest this many the user may see. */
export const candidateCap = 2000;
/** Up to this many matches are weighed one by one (their texts read); beyond, the newest of each kind come first. */
export const weighedCap = 300;

export function searchCases(
  services: Services,
  user: UserRow,
  input: OpParsedInput<'search.query'>,
): SearchQueryOutput {
  const plan = searchPlan(input.text);
  if (!plan.match) throw new AppError('VALIDATION', '检索词须包含汉字、字母或数字');
  const scope = caseScope(user);
  const empty: SearchQueryOutput = { total: 0, capped: false, order: 'relevance', rows: [] };
  if (!scope) return empty;
  const index = searchIndexOf(services.db);
  const found = index.candidates(
    plan.match,
    scope,
    {
      year: input.year,
      state: input.state,
      violationId: input.violationId,
      officerId: input.officerId,
      party: input.party?.trim() || undefined,
    },
    candidateCap,
  );
  if (!found.length) return empty;
  const capped = found.length >= candidateCap;
  let page: StoredHit[];
  let order: SearchQueryOutput['order'];
  if (found.length <= weighedCap) {
    order = 'relevance';
    const all = index.hits(found.map((f) => f.id));
    const whole = plan.wordMatch
      ? index.alsoMatching(
          plan.wordMatch,
          all.map((h) => h.id),
        )
      : new Set<number>();
    const averageLength = found.reduce((sum, f) => sum + f.length, 0) / found.length;
    const lengths = new Map(found.map((f) => [f.id, f.length]));
    const scored = all.map((h) => ({
      h,
      score: hitScore({
        kind: h.kind,
        counts: termCounts(h.text, plan.terms),
        length: lengths.get(h.id) ?? h.text.length,
        averageLength,
        wholeWords: whole.has(h.id),
      }),
    }));
    // Best first; equal scores newest first (ids grow with indexing).
    scored.sort((a, b) => b.score - a.score || b.h.id - a.h.id);
    page = scored.slice(input.offset, input.offset + input.limit).map((x) => x.h);
  } else {
    order = 'recent';
    const sorted = [...found].sort((a, b) => kindWeights[b.kind] - kindWeights[a.kind] || b.id - a.id);
    page = index.hits(sorted.slice(input.offset, input.offset + input.limit).map((f) => f.id));
  }
  return { total: found.length, capped, order, rows: page.map((h) => toHit(h, plan.terms)) };
}

function toHit(h: StoredHit, terms: string[]): SearchHit {
  return {
    caseId: h.caseId,
    caseNumber: h.number,
    partyName: h.partyName,
    violationName: h.violationName,
    filedOn: h.filedOn,
    closed: h.closed,
    kind: h.kind,
    source: sourceName(h),
    snippet: highlightSnippet(withoutLayoutSpaces(h.text), terms),
    open: target(h),
  };
}

function sourceName(h: StoredHit): string {
  if (h.kind === 'case') return '案件';
  if (h.kind === 'party') return '当事人';
  if (h.kind === 'document') return `文书${h.title}`;
  if (h.kind === 'evidence') return '证据说明';
  return `OCR 第${h.page ?? 1}页（${h.title}）`;
}

function target(h: StoredHit): SearchHit['open'] {
  if (h.kind === 'document' && h.ref) return { caseId: h.caseId, tab: 'documents', documentId: h.ref };
  if ((h.kind === 'evidence' || h.kind === 'ocr') && h.ref)
    return { caseId: h.caseId, tab: 'evidence', evidenceId: h.ref, ...(h.page ? { page: h.page } : {}) };
  return { caseId: h.caseId, tab: 'documents' };
}
