/** `search.query`: one search box across the workstation's cases (application/searchCases.ts). */
import { z } from 'zod';
import { key, searchText } from './primitives.js';
import { highlightSegment } from './laws.js';

export const searchQueryInput = z.object({
  text: searchText(100, '检索词').pipe(z.string().min(1, '请输入检索词')),
  /** 立案 year. */
  year: z.number().int().min(2000, '年份无效').max(2100, '年份无效').optional(),
  state: z.enum(['open', 'closed']).optional(),
  violationId: key(100, '违法行为类型').optional(),
  officerId: key(64, '执法人员').optional(),
  /** A fragment of the party's name. */
  party: searchText(100, '当事人').optional(),
  offset: z.number().int().min(0).max(1999).default(0),
  limit: z.number().int().min(1).max(50).default(20),
});

export const searchSourceKind = z.enum(['case', 'party', 'document', 'evidence', 'ocr']);
export type SearchSourceKind = z.infer<typeof searchSourceKind>;

/** Where a hit opens: the case, its tab, the document or evidence item, the page when known. */
export const searchTarget = z.object({
  caseId: z.string(),
  tab: z.enum(['documents', 'evidence']),
  documentId: z.string().optional(),
  evidenceId: z.string().optional(),
  page: z.number().int().optional(),
});
export type SearchTarget = z.infer<typeof searchTarget>;

export const searchHit = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  partyName: z.string(),
  violationName: z.string(),
  filedOn: z.string(),
  closed: z.boolean(),
  kind: searchSourceKind,
  /** 案件, 当事人, 文书《…》, 证据说明, OCR 第n页. */
  source: z.string(),
  /** The excerpt, the searched words marked (data, not HTML). */
  snippet: z.array(highlightSegment),
  open: searchTarget,
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchQueryOutput = z.object({
  /** Matches found (at most `capped`+). */
  total: z.number().int(),
  /** More matches than were looked at: only the newest were ordered. */
  capped: z.boolean(),
  /** relevance: by how well each matches; recent: too many to weigh, the newest of each kind first. */
  order: z.enum(['relevance', 'recent']),
  rows: z.array(searchHit),
});
export type SearchQueryOutput = z.infer<typeof searchQueryOutput>;
