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

const usccLike = /^[0-9A-HJ-NP-RTUW-Y]{2,18}$/;

export class EnterpriseSearch {
  private readonly all;
  private readonly prefix;
  private readonly text;

  constructor(db: Db) {
    this.all = db.prepare(`SELECT ${summaryColumns} FROM enterprises e ORDER BY e.name LIMIT ?`);
    // 'Z' sorts after every character of the code's alphabet (which has no Z): a range scan on the unique index.
    this.prefix = db.prepare(
      `SELECT ${summaryColumns} FROM enterprises e WHERE e.uscc >= ? AND e.uscc < ? ORDER BY e.uscc LIMIT ?`,
    );
    this.text =
      db.prepare(`WITH hits(seq) AS (SELECT rowid FROM enterprises_fts WHERE enterprises_fts MATCH @match LIMIT @cap)
      SELECT ${summaryColumns} FROM hits JOIN enterprises e ON e.search_seq = hits.seq
      ORDER BY CASE WHEN e.name = @q THEN 0 WHEN instr(e.name, @first) = 1 THEN 1 WHEN instr(e.name, @first) > 0 THEN 2
        WHEN e.legal_representative = @first THEN 3 WHEN instr(e.initials, @lower) = 1 THEN 4 WHEN instr(e.initials, @lower) > 0 THEN 5
        ELSE 6 END, length(e.name), e.name
      LIMIT @limit`);
  }

  search(query: string, limit: number): EnterpriseSummary[] {
    const q = query.normalize('NFKC').trim().replace(/\s+/g, ' ');
    if (!q) {
      return (this.all.all(limit) as Row[]).map(toSummary);
    }
    const upper = q.toUpperCase();
    const out: EnterpriseSummary[] = [];
    if (usccLike.test(upper) && /\d/.test(upper)) out.push(...this.byUsccPrefix(upper, limit));
    if (out.length < limit) {
      const seen = new Set(out.map((e) => e.id));
      for (const e of this.byText(q, limit)) if (!seen.has(e.id) && out.length < limit) out.push(e);
    }
    return out;
  }

  private byUsccPrefix(prefix: string, limit: number): EnterpriseSummary[] {
    return (this.prefix.all(prefix, `${prefix}Z`, limit) as Row[]).map(toSummary);
  }

  private byText(q: string, limit: number): EnterpriseSummary[] {
    const words = q.split(' ');
    const phrases = words.map(phrase).filter((p): p is string => p !== null);
    if (!phrases.length) return [];
    const initialsOnly = /^[a-z ]+$/i.test(q);
    const columns = initialsOnly ? '{initials rep_initials name}' : '{name legal_representative address}';
    const match = phrases.map((p) => `${columns} : ${p}`).join(' AND ');
    const first = words[0]!;
    return (this.text.all({ match, cap: candidateCap, q, first, lower: first.toLowerCase(), limit }) as Row[]).map(
      toSummary,
    );
  }
}
