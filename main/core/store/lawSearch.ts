/**
 * Chinese full-text search over the law library. Words of three characters or more go through the
 * FTS5 trigram index (any substring, ranked by bm25); one- and two-character words (化工, 违反),
 * which trigrams cannot match, are LIKE conditions on the same rows. All words must occur.
 * Without a date, each law's newest version is searched — a repealed law's too, after the laws in
 * force, so an old case's article can still be found (the hit carries its effectiveTo).
 */
import type { Db } from './db.js';
import type { LawSearchHit } from '#common/schemas/laws.js';
import { highlightSnippet, searchTerms } from '../domain/laws/highlight.js';
import { divisionsOf } from '../domain/laws/divisions.js';

export interface LawSearchQuery {
  query: string;
  lawId?: string;
  /** Versions in force on this date; otherwise the newest version of each law. */
  on?: string;
  limit: number;
}

const escapeLike = (t: string): string => t.replace(/[\\%_]/g, (c) => `\\${c}`);
const ftsPhrase = (t: string): string => `"${t.replace(/"/g, '""')}"`;

export function searchLaws(db: Db, q: LawSearchQuery): { total: number; rows: LawSearchHit[] } {
  const terms = searchTerms(q.query);
  if (!terms.length) return { total: 0, rows: [] };
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);

  const where: string[] = [];
  const params: unknown[] = [];
  if (long.length) {
    where.push('law_articles_fts MATCH ?');
    params.push(long.map(ftsPhrase).join(' AND '));
  }
  for (const t of short) {
    where.push("a.text LIKE ? ESCAPE '\\'");
    params.push(`%${escapeLike(t)}%`);
  }
  if (q.lawId) {
    where.push('a.law_id = ?');
    params.push(q.lawId);
  }
  if (q.on) {
    where.push('a.effective_from <= ? AND (a.effective_to IS NULL OR a.effective_to >= ?)');
    params.push(q.on, q.on);
  } else {
    // The newest version of each law (and part): none later takes effect, or one as late but of a later date.
    where.push(`NOT EXISTS (SELECT 1 FROM law_versions n WHERE n.law_id = v.law_id AND n.part = v.part
      AND (n.effective_from > v.effective_from OR (n.effective_from = v.effective_from AND n.version_date > v.version_date)))`);
  }
  const from = `${
    long.length ? 'law_articles_fts JOIN law_articles a ON a.id = law_articles_fts.rowid' : 'law_articles a'
  } JOIN law_versions v ON v.id = a.version_id`;
  const filter = `WHERE ${where.join(' AND ')}`;
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${from} ${filter}`).get(...params) as { n: number }).n;
  // Articles still in force (no end date) first.
  const order = `a.effective_to IS NOT NULL, ${long.length ? 'law_articles_fts.rank, ' : ''}a.law_id, a.number, a.sub`;
  const rows = db
    .prepare(`SELECT a.law_id, a.label, a.number, a.sub, a.chapter, a.text, a.effective_from, a.effective_to,
      l.full_name, v.version_date
    FROM ${from} JOIN laws l ON l.id = a.law_id
    ${filter} ORDER BY ${order} LIMIT ?`)
    .all(...params, q.limit) as Array<{
    law_id: string;
    label: string;
    number: number;
    sub: number;
    chapter: string;
    text: string;
    effective_from: string;
    effective_to: string | null;
    full_name: string;
    version_date: string;
  }>;
  return {
    total,
    rows: rows.map((r) => ({
      law: r.law_id,
      fullName: r.full_name,
      label: r.label,
      number: r.number,
      sub: r.sub,
      chapter: r.chapter,
      versionDate: r.version_date,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
      snippet: highlightSnippet(r.text, terms),
      divisions: divisionsOf(r.chapter),
    })),
  };
}
