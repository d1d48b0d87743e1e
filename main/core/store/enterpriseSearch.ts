/**
 * Searching the enterprise directory as a clerk types: a 统一社会信用代码 prefix, pinyin initials
 * (xyhg → 鑫源化工), or a fragment of the name, legal representative or address of any length.
 * Matches come from the FTS5 index (see the migration 20261127T1500); at most `candidateCap` of them
 * are ranked (exact name, name starting with the text, name containing it, legal representative,
 * initials, address; then shorter names first), which keeps a query that matches half the
 * province (有限公司) as fast as a rare one.
 */
import type { Db } from './db.js';
import type { EnterpriseSummary } from '#common/schemas/enterprises.js';

const candidateCap = 3000;
const summaryColumns = `e.id, e.name, e.uscc, e.legal_representative AS legalRepresentative, e.address, e.county,
  e.county_code AS countyCode, e.industry_code AS industryCode, e.key_polluter AS keyPolluter`;

/** One token per character: what the index stores and what a phrase query looks for. */
export function spaced(text: string): string {
  return Array.from(text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')).join(' ');
}

function phrase(word: string): string | null {
  const s = spaced(word);
  return s ? `"${s}"` : null;
}

type Row = Omit<EnterpriseSummary, 'keyPolluter'> & { keyPolluter: string };
const toSummary = (r: Row): EnterpriseSummary => ({ ...r, keyPolluter: JSON.parse(r.keyPolluter) as string[] });

/**
 * The bureau's own county first (its code, or its name for records without a code): a clerk opens
 * cases in his own county; another county's party is the exception (the 立案 warning).
 */
const isOwn = `((@code <> '' AND e.county_code = @code) OR (@name <> '' AND e.county_code = '' AND e.county = @name))`;
const ownFirst = `${isOwn} DESC`;

/** The bureau's county, to list its enterprises first; none: the plain order. */
export interface OwnCounty {
  code: string;
  name: string;
}
const noCounty: OwnCounty = { code: '', name: '' };

const usccLike = /^[0-9A-HJ-NP-RTUW-Y]{2,18}$/;

export class EnterpriseSearch {
  private readonly own;
  private readonly all;
  private readonly prefix;
  private readonly text;

  constructor(db: Db) {
    // The whole directory by name, the bureau's county first: two index reads, never a sort of every row.
    this.own = db.prepare(`SELECT ${summaryColumns} FROM enterprises e WHERE ${isOwn} ORDER BY e.name LIMIT @limit`);
    this.all = db.prepare(
      `SELECT ${summaryColumns} FROM enterprises e WHERE NOT (${isOwn}) ORDER BY e.name LIMIT @limit`,
    );
    // 'Z' sorts after every character of the code's alphabet (which has no Z): a range scan on the unique index.
    this.prefix = db.prepare(
      `SELECT ${summaryColumns} FROM enterprises e WHERE e.uscc >= @from AND e.uscc < @to ORDER BY ${ownFirst}, e.uscc LIMIT @limit`,
    );
    this.text =
      db.prepare(`WITH hits(seq) AS (SELECT rowid FROM enterprises_fts WHERE enterprises_fts MATCH @match LIMIT @cap)
      SELECT ${summaryColumns} FROM hits JOIN enterprises e ON e.search_seq = hits.seq
      ORDER BY e.name = @q DESC, ${ownFirst}, CASE WHEN e.name = @q THEN 0 WHEN instr(e.name, @first) = 1 THEN 1 WHEN instr(e.name, @first) > 0 THEN 2
        WHEN e.legal_representative = @first THEN 3 WHEN instr(e.initials, @lower) = 1 THEN 4 WHEN instr(e.initials, @lower) > 0 THEN 5
        ELSE 6 END, length(e.name), e.name
      LIMIT @limit`);
  }

  search(query: string, limit: number, own: OwnCounty = noCounty): EnterpriseSummary[] {
    const q = query.normalize('NFKC').trim().replace(/\s+/g, ' ');
    const county = { code: own.code, name: own.name };
    if (!q) {
      const own = this.own.all({ limit, ...county }) as Row[];
      const rest = own.length < limit ? (this.all.all({ limit: limit - own.length, ...county }) as Row[]) : [];
      return [...own, ...rest].map(toSummary);
    }
    const upper = q.toUpperCase();
    const out: EnterpriseSummary[] = [];
    if (usccLike.test(upper) && /\d/.test(upper)) out.push(...this.byUsccPrefix(upper, limit, county));
    if (out.length < limit) {
      const seen = new Set(out.map((e) => e.id));
      for (const e of this.byText(q, limit, county)) if (!seen.has(e.id) && out.length < limit) out.push(e);
    }
    return out;
  }

  private byUsccPrefix(prefix: string, limit: number, county: OwnCounty): EnterpriseSummary[] {
    return (this.prefix.all({ from: prefix, to: `${prefix}Z`, limit, ...county }) as Row[]).map(toSummary);
  }

  private byText(q: string, limit: number, county: OwnCounty): EnterpriseSummary[] {
    const words = q.split(' ');
    const phrases = words.map(phrase).filter((p): p is string => p !== null);
    if (!phrases.length) return [];
    const initialsOnly = /^[a-z ]+$/i.test(q);
    const columns = initialsOnly ? '{initials rep_initials name}' : '{name legal_representative address}';
    const match = phrases.map((p) => `${columns} : ${p}`).join(' AND ');
    const first = words[0]!;
    return (
      this.text.all({ match, cap: candidateCap, q, first, lower: first.toLowerCase(), limit, ...county }) as Row[]
    ).map(toSummary);
  }
}
