/**
 * The law library's tables (migration 20261127T0300): laws, law_versions, law_articles and the
 * trigram full-text index. Each imported file is one version of one law; importing the same file
 * again writes nothing, a corrected file replaces its version's articles, and a new version closes
 * the previous one (effective_to = the day before the new one takes effect). A law repealed on data
 * (resources/laws/repeals.json, given as `lastDay`) ends the day before its repeal.
 */
import type { Db } from './db.js';
import type { ParsedLaw, LawParagraph } from '../domain/laws/types.js';
import type { LawArticleView, LawInfo, LawVersionInfo } from '#common/schemas/laws.js';
import { closePeriods } from '../domain/laws/inForce.js';
import { divisionsOf, type LawDivision } from '../domain/laws/divisions.js';

export interface VersionRow {
  id: number;
  law_id: string;
  part: string;
  version_date: string;
  effective_from: string;
  effective_from_source: LawVersionInfo['effectiveFromSource'];
  effective_to: string | null;
  history: string;
  preamble: string;
  source_name: string;
  source_hash: string;
  article_count: number;
  imported_at: string;
}

interface ArticleRow {
  id: number;
  version_id: number;
  law_id: string;
  number: number;
  sub: number;
  label: string;
  chapter: string;
  text: string;
  paragraphs: string;
  effective_from: string;
  effective_to: string | null;
}

/** An article of one version, with that version's facts. */
export interface StoredArticle extends LawArticleView {
  lawId: string;
  fullName: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  version: LawVersionInfo;
}

export interface ImportMeta {
  sourceName: string;
  sourceHash: string;
  importedAt: string;
}
export interface ImportOutcome {
  status: 'added' | 'updated' | 'unchanged';
  lawId: string;
  versionDate: string;
  articleCount: number;
  closed: { versionDate: string; effectiveTo: string } | null;
}

export function versionInfo(v: VersionRow): LawVersionInfo {
  return {
    versionDate: v.version_date,
    part: v.part,
    effectiveFrom: v.effective_from,
    effectiveFromSource: v.effective_from_source,
    effectiveTo: v.effective_to,
    articleCount: v.article_count,
    sourceName: v.source_name,
    importedAt: v.imported_at,
  };
}

/** divisionsOf, once per heading string (a law has a few hundred at most; the code 1,242 articles). */
function divisionsCached(cache: Map<string, LawDivision[]>, chapter: string): LawDivision[] {
  let d = cache.get(chapter);
  if (!d) {
    d = divisionsOf(chapter);
    cache.set(chapter, d);
  }
  return d;
}

function articleView(a: ArticleRow, cache = new Map<string, LawDivision[]>()): LawArticleView {
  return {
    number: a.number,
    sub: a.sub,
    label: a.label,
    chapter: a.chapter,
    text: a.text,
    paragraphs: JSON.parse(a.paragraphs) as LawParagraph[],
    divisions: divisionsCached(cache, a.chapter),
  };
}

export class LawLibrary {
  constructor(private readonly db: Db) {}

  /**
   * Files one parsed version in one transaction; see the file comment for what changes when.
   * `lastDay`: the day before the law's repeal, from the data; null while it is not repealed.
   */
  importVersion(law: ParsedLaw, meta: ImportMeta, lastDay: string | null = null): ImportOutcome {
    return this.db
      .transaction((): ImportOutcome => {
        const base = { lawId: law.shortName, versionDate: law.versionDate, articleCount: law.articles.length };
        const existing = this.db
          .prepare('SELECT * FROM law_versions WHERE law_id = ? AND version_date = ? AND part = ?')
          .get(law.shortName, law.versionDate, law.part) as VersionRow | undefined;
        if (
          existing &&
          existing.source_hash === meta.sourceHash &&
          existing.effective_from === law.effectiveFrom &&
          existing.effective_from_source === law.effectiveFromSource
        ) {
          // The same file: nothing to write, unless the repeal data changed since it was imported.
          if (!this.periodsStale(law.shortName, lastDay)) return { ...base, status: 'unchanged', closed: null };
          return {
            ...base,
            status: 'updated',
            closed: this.reperiod(law.shortName, existing.id, this.endsBefore(law.shortName), lastDay),
          };
        }
        this.db
          .prepare('INSERT INTO laws (id, full_name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING')
          .run(law.shortName, law.fullName);
        const before = this.endsBefore(law.shortName);
        const fields = [
          law.effectiveFrom,
          law.effectiveFromSource,
          JSON.stringify(law.history),
          law.preamble,
          meta.sourceName,
          meta.sourceHash,
          law.articles.length,
          meta.importedAt,
        ];
        let versionId: number;
        if (existing) {
          versionId = existing.id;
          this.db.prepare('DELETE FROM law_articles WHERE version_id = ?').run(versionId);
          this.db
            .prepare(`UPDATE law_versions SET effective_from = ?, effective_from_source = ?, history = ?, preamble = ?,
          source_name = ?, source_hash = ?, article_count = ?, imported_at = ? WHERE id = ?`)
            .run(...fields, versionId);
        } else {
          versionId = Number(
            this.db
              .prepare(`INSERT INTO law_versions (law_id, part, version_date, effective_from, effective_from_source,
          history, preamble, source_name, source_hash, article_count, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
              .run(law.shortName, law.part, law.versionDate, ...fields).lastInsertRowid,
          );
        }
        const insert =
          this.db.prepare(`INSERT INTO law_articles (version_id, law_id, number, sub, label, chapter, text, paragraphs, effective_from)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
        for (const a of law.articles) {
          insert.run(
            versionId,
            law.shortName,
            a.number,
            a.sub,
            a.label,
            a.chapter,
            a.text,
            JSON.stringify(a.paragraphs),
            law.effectiveFrom,
          );
        }
        const closed = this.reperiod(law.shortName, versionId, before, lastDay);
        return { ...base, status: existing ? 'updated' : 'added', closed };
      })
      .immediate();
  }

  /**
   * Recomputes every version's period from the whole set (per part), so the order of imports does
   * not matter, and copies it to the articles. Returns the other version this import closed, if any.
   */
  private reperiod(
    lawId: string,
    importedId: number,
    before: Map<number, string | null>,
    lastDay: string | null,
  ): ImportOutcome['closed'] {
    const setVersion = this.db.prepare('UPDATE law_versions SET effective_to = ? WHERE id = ?');
    const setArticles = this.db.prepare(
      'UPDATE law_articles SET effective_from = ?, effective_to = ? WHERE version_id = ?',
    );
    let closed: ImportOutcome['closed'] = null;
    for (const p of this.periods(lawId, lastDay)) {
      setVersion.run(p.effectiveTo, p.id);
      setArticles.run(p.effectiveFrom, p.effectiveTo, p.id);
      if (p.id !== importedId && p.effectiveTo !== null && before.get(p.id) !== p.effectiveTo) {
        closed ??= { versionDate: p.versionDate, effectiveTo: p.effectiveTo };
      }
    }
    return closed;
  }

  /** Every version's period, computed from the whole set (per part) and the repeal. */
  private periods(
    lawId: string,
    lastDay: string | null,
  ): Array<{
    id: number;
    versionDate: string;
    effectiveFrom: string;
    effectiveTo: string | null;
    stored: string | null;
  }> {
    const rows = this.versionRows(lawId);
    const parts = [...new Set(rows.map((r) => r.part))];
    return parts.flatMap((part) =>
      closePeriods(
        rows
          .filter((r) => r.part === part)
          .map((r) => ({
            id: r.id,
            versionDate: r.version_date,
            effectiveFrom: r.effective_from,
            stored: r.effective_to,
          })),
        lastDay,
      ),
    );
  }

  private endsBefore(lawId: string): Map<number, string | null> {
    return new Map(this.versionRows(lawId).map((v) => [v.id, v.effective_to]));
  }

  private periodsStale(lawId: string, lastDay: string | null): boolean {
    return this.periods(lawId, lastDay).some((p) => p.effectiveTo !== p.stored);
  }

  /**
   * Ends a law on the repeal data (lastDay = the day before the repeal; null: not repealed), for a
   * law already in the library when the data changed. Writes nothing when the periods are right.
   * Returns the version it closed, if any.
   */
  endLaw(lawId: string, lastDay: string | null): ImportOutcome['closed'] | false {
    if (!this.hasLaw(lawId) || !this.periodsStale(lawId, lastDay)) return false;
    return this.db.transaction(() => this.reperiod(lawId, -1, this.endsBefore(lawId), lastDay)).immediate();
  }

  private versionRows(lawId: string): VersionRow[] {
    return this.db
      .prepare('SELECT * FROM law_versions WHERE law_id = ? ORDER BY effective_from, version_date, part')
      .all(lawId) as VersionRow[];
  }

  laws(): LawInfo[] {
    // Pinyin order (Intl's zh-CN collation), as a Chinese index of laws would list them.
    const laws = (
      this.db.prepare('SELECT id, full_name FROM laws').all() as Array<{ id: string; full_name: string }>
    ).sort((a, b) => a.id.localeCompare(b.id, 'zh-CN'));
    const versions = this.db
      .prepare('SELECT * FROM law_versions ORDER BY effective_from DESC, version_date DESC, part')
      .all() as VersionRow[];
    return laws.map((l) => ({
      id: l.id,
      fullName: l.full_name,
      versions: versions.filter((v) => v.law_id === l.id).map(versionInfo),
    }));
  }

  fullName(lawId: string): string | null {
    return (
      (this.db.prepare('SELECT full_name FROM laws WHERE id = ?').get(lawId) as { full_name: string } | undefined)
        ?.full_name ?? null
    );
  }

  /** A version by its date, or the newest (latest commencement). */
  version(lawId: string, versionDate?: string): VersionRow | null {
    const row = versionDate
      ? this.db
          .prepare('SELECT * FROM law_versions WHERE law_id = ? AND version_date = ? ORDER BY part LIMIT 1')
          .get(lawId, versionDate)
      : this.db
          .prepare(
            'SELECT * FROM law_versions WHERE law_id = ? ORDER BY effective_from DESC, version_date DESC LIMIT 1',
          )
          .get(lawId);
    return (row as VersionRow | undefined) ?? null;
  }

  /** Every article of a version date (all its parts), in order. */
  articlesOf(lawId: string, versionDate: string): LawArticleView[] {
    const rows = this.db
      .prepare(`SELECT a.* FROM law_articles a JOIN law_versions v ON v.id = a.version_id
      WHERE v.law_id = ? AND v.version_date = ? ORDER BY a.number, a.sub`)
      .all(lawId, versionDate) as ArticleRow[];
    const cache = new Map<string, LawDivision[]>();
    return rows.map((r) => articleView(r, cache));
  }

  /** The law ids in the library. */
  lawIds(): string[] {
    return (this.db.prepare('SELECT id FROM laws ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  }

  /** One article in every loaded version, oldest first: the input of the law-in-force choice. */
  articleVersions(lawId: string, number: number, sub: number): StoredArticle[] {
    const rows = this.db
      .prepare(`SELECT a.*, l.full_name AS full_name, v.version_date AS v_version_date, v.part AS v_part,
        v.effective_from_source AS v_source, v.article_count AS v_count, v.source_name AS v_source_name, v.imported_at AS v_imported_at
      FROM law_articles a JOIN law_versions v ON v.id = a.version_id JOIN laws l ON l.id = a.law_id
      WHERE a.law_id = ? AND a.number = ? AND a.sub = ? ORDER BY a.effective_from, v.version_date`)
      .all(lawId, number, sub) as Array<
      ArticleRow & {
        full_name: string;
        v_version_date: string;
        v_part: string;
        v_source: LawVersionInfo['effectiveFromSource'];
        v_count: number;
        v_source_name: string;
        v_imported_at: string;
      }
    >;
    return rows.map((r) => ({
      ...articleView(r),
      lawId: r.law_id,
      fullName: r.full_name,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
      version: {
        versionDate: r.v_version_date,
        part: r.v_part,
        effectiveFrom: r.effective_from,
        effectiveFromSource: r.v_source,
        effectiveTo: r.effective_to,
        articleCount: r.v_count,
        sourceName: r.v_source_name,
        importedAt: r.v_imported_at,
      },
    }));
  }

  hasLaw(lawId: string): boolean {
    return Boolean(this.db.prepare('SELECT 1 FROM laws WHERE id = ?').get(lawId));
  }

  counts(): { laws: number; versions: number; articles: number } {
    const n = (table: string): number =>
      (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { laws: n('laws'), versions: n('law_versions'), articles: n('law_articles') };
  }
}
