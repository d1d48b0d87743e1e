/**
 * The search index across the workstation's cases (migration 20261207T2350_search_index): written
 * with each case's projection, in its transaction (application/searchIndexing.ts says what a case
 * holds); read by `search.query`. A row is segmented again only when what it was made from changed
 * (its content hash), so saving a case after an action costs a few lookups.
 */
import type { Db } from './db.js';
import { indexColumns } from '../domain/search/segment.js';

export type SearchKind = 'case' | 'party' | 'document' | 'evidence' | 'ocr';

/** What a case's row of a source holds once built (only built when new or changed). */
export interface SourceContent {
  kind: SearchKind;
  ref: string | null;
  title: string;
  page: number | null;
  text: string;
}

/** A source the case should have: its key within the case, the hash of what it is made from, how to build it. */
export interface WantedSource {
  key: string;
  hash: string;
  /** null: cannot be built now (a document's file not on this PC yet) — left out, tried at the next save. */
  build(): SourceContent | null;
}

export interface SearchCaseRow {
  caseId: string;
  bureauId: string;
  officerIds: string;
  closed: boolean;
  year: number;
  violationId: string;
  violationName: string;
  partyName: string;
  number: string;
  filedOn: string;
}

/** Which cases a search covers (application/caseAccess.ts `caseScope`). */
export interface SearchScope {
  bureauId: string;
  officerId?: string | null;
}

export interface SearchFilters {
  year?: number | undefined;
  state?: 'open' | 'closed' | undefined;
  violationId?: string | undefined;
  officerId?: string | undefined;
  /** A fragment of the party's name. */
  party?: string | undefined;
}

export interface StoredHit {
  id: number;
  caseId: string;
  number: string;
  partyName: string;
  violationName: string;
  filedOn: string;
  closed: boolean;
  kind: SearchKind;
  ref: string | null;
  title: string;
  page: number | null;
  text: string;
}

/** An officer's token in the `scope` column: hex, so no tokenizer splits an id like off-01. */
const officerToken = (id: string): string => `o${Buffer.from(id).toString('hex')}`;
const scopeTokens = (officerIds: string): string => officerIds.split(',').filter(Boolean).map(officerToken).join(' ');

const escapeLike = (t: string): string => t.replace(/[\\%_]/g, (c) => `\\${c}`);

export class SearchIndex {
  private readonly upsertCase;
  private readonly sourcesOf;
  private readonly officersOf;
  private readonly insertDoc;
  private readonly insertText;
  private readonly insertFts;
  private readonly deleteDoc;
  private readonly deleteText;
  private readonly deleteFts;

  constructor(private readonly db: Db) {
    this.upsertCase =
      db.prepare(`INSERT INTO search_cases (case_id, bureau_id, officer_ids, closed, year, violation_id, violation_name, party_name, number, filed_on)
      VALUES (@caseId, @bureauId, @officerIds, @closed, @year, @violationId, @violationName, @partyName, @number, @filedOn)
      ON CONFLICT(case_id) DO UPDATE SET bureau_id=excluded.bureau_id, officer_ids=excluded.officer_ids, closed=excluded.closed,
        year=excluded.year, violation_id=excluded.violation_id, violation_name=excluded.violation_name,
        party_name=excluded.party_name, number=excluded.number, filed_on=excluded.filed_on`);
    this.sourcesOf = db.prepare('SELECT id, source, content_hash FROM search_docs WHERE case_id = ?');
    this.officersOf = db.prepare('SELECT officer_ids FROM search_cases WHERE case_id = ?').pluck();
    this.insertDoc = db.prepare(`INSERT INTO search_docs (case_id, source, kind, ref, title, page, content_hash, length)
      VALUES (@caseId, @source, @kind, @ref, @title, @page, @hash, @length)`);
    this.insertText = db.prepare('INSERT INTO search_texts (doc_id, text) VALUES (?, ?)');
    this.insertFts = db.prepare('INSERT INTO search_fts (rowid, words, chars, scope) VALUES (?, ?, ?, ?)');
    this.deleteDoc = db.prepare('DELETE FROM search_docs WHERE id = ?');
    this.deleteText = db.prepare('DELETE FROM search_texts WHERE doc_id = ?');
    this.deleteFts = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
  }

  /**
   * Brings one case's rows in line with what it should hold; runs inside the caller's transaction
   * (the projection's save). Returns how many rows were (re)built.
   */
  syncCase(row: SearchCaseRow, wanted: readonly WantedSource[]): number {
    // Other officers on the case: every row's scope tokens change, so every row is written again.
    const officersBefore = this.officersOf.get(row.caseId) as string | undefined;
    const rescope = officersBefore !== undefined && officersBefore !== row.officerIds;
    this.upsertCase.run({ ...row, closed: row.closed ? 1 : 0 });
    const scope = scopeTokens(row.officerIds);
    const have = new Map(
      (this.sourcesOf.all(row.caseId) as Array<{ id: number; source: string; content_hash: string }>).map((r) => [
        r.source,
        r,
      ]),
    );
    const keep = new Set<string>();
    let built = 0;
    for (const w of wanted) {
      const old = have.get(w.key);
      if (old && old.content_hash === w.hash && !rescope) {
        keep.add(w.key);
        continue;
      }
      const content = w.build();
      if (!content) continue;
      if (old) this.remove(old.id);
      const { text, ...rest } = content;
      const { lastInsertRowid } = this.insertDoc.run({
        caseId: row.caseId,
        source: w.key,
        hash: w.hash,
        length: [...text].length,
        ...rest,
      });
      this.insertText.run(lastInsertRowid, text);
      const cols = indexColumns(`${content.title}\n${text}`);
      this.insertFts.run(lastInsertRowid, cols.words, cols.chars, scope);
      keep.add(w.key);
      built++;
    }
    for (const [key, old] of have) if (!keep.has(key)) this.remove(old.id);
    return built;
  }

  private remove(id: number): void {
    this.deleteFts.run(id);
    this.deleteText.run(id);
    this.deleteDoc.run(id);
  }

  /** Every indexed case id (the start job's progress, tests). */
  caseCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM search_cases').get() as { n: number }).n;
  }

  /**
   * The newest matches of a MATCH expression (domain/search/segment.ts `searchPlan`) within a scope
   * and filters, newest first, at most `cap`: FTS5 walks its doclists by rowid, newest first, and
   * stops there, and no ranking function runs in SQLite (bm25 counts every row that holds each
   * phrase, ~100 ms for a common one over 100,000 documents). The order is worked out above the
   * store (domain/search/rank.ts). docs/decisions.md “Search across cases”.
   */
  candidates(
    match: string,
    scope: SearchScope,
    filters: SearchFilters,
    cap: number,
  ): Array<{ id: number; kind: SearchKind; length: number }> {
    // An officer's rows only: his token ANDed into the match (no officer linked: a token no row has).
    const scoped =
      scope.officerId !== undefined ? `(${match}) AND scope : ${officerToken(scope.officerId ?? '')}` : match;
    const params: Record<string, unknown> = { match: scoped, scopeBureau: scope.bureauId, cap };
    const where = ['search_fts MATCH @match', 'c.bureau_id = @scopeBureau'];
    if (scope.officerId !== undefined) {
      // No officer linked to the account: no case (the empty id matches no ",id," entry).
      where.push("instr(c.officer_ids, ',' || @scopeOfficer || ',') > 0");
      params.scopeOfficer = scope.officerId ?? '\u0000';
    }
    if (filters.year !== undefined) {
      where.push('c.year = @year');
      params.year = filters.year;
    }
    if (filters.state) where.push(filters.state === 'open' ? 'c.closed = 0' : 'c.closed = 1');
    if (filters.violationId) {
      where.push('c.violation_id = @violationId');
      params.violationId = filters.violationId;
    }
    if (filters.officerId) {
      where.push("instr(c.officer_ids, ',' || @officerId || ',') > 0");
      params.officerId = filters.officerId;
    }
    if (filters.party) {
      where.push("c.party_name LIKE @party ESCAPE '\\'");
      params.party = `%${escapeLike(filters.party)}%`;
    }
    return (
      this.db
        .prepare(`SELECT d.id, d.kind, d.length FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
          JOIN search_cases c ON c.case_id = d.case_id WHERE ${where.join(' AND ')}
          ORDER BY search_fts.rowid DESC LIMIT @cap`)
        .raw()
        .all(params) as Array<[number, SearchKind, number]>
    ).map(([id, kind, length]) => ({ id, kind, length }));
  }

  /** Which of some rows match an expression too (the whole-word column, for the order). */
  alsoMatching(match: string, ids: readonly number[]): Set<number> {
    if (!ids.length) return new Set();
    return new Set(
      (
        this.db
          .prepare(
            `SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
          )
          .raw()
          .all(match, JSON.stringify(ids)) as Array<[number]>
      ).map(([id]) => id),
    );
  }

  /** Some rows with their case and text, in the order of `ids`. */
  hits(ids: readonly number[]): StoredHit[] {
    if (!ids.length) return [];
    const rows = this.db
      .prepare(`SELECT d.id, d.case_id, c.number, c.party_name, c.violation_name, c.filed_on, c.closed,
        d.kind, d.ref, d.title, d.page, t.text FROM search_docs d JOIN search_cases c ON c.case_id = d.case_id
        JOIN search_texts t ON t.doc_id = d.id WHERE d.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as Array<{
      id: number;
      case_id: string;
      number: string;
      party_name: string;
      violation_name: string;
      filed_on: string;
      closed: number;
      kind: SearchKind;
      ref: string | null;
      title: string;
      page: number | null;
      text: string;
    }>;
    const byId = new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          caseId: r.case_id,
          number: r.number,
          partyName: r.party_name,
          violationName: r.violation_name,
          filedOn: r.filed_on,
          closed: r.closed === 1,
          kind: r.kind,
          ref: r.ref,
          title: r.title,
          page: r.page,
          text: r.text,
        },
      ]),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The pages an OCR engine read of some files (by hash; application/ocrScans.ts writes them). */
  ocrPages(fileHashes: readonly string[]): Array<{ fileHash: string; page: number; text: string }> {
    if (!fileHashes.length) return [];
    return (
      this.db
        .prepare(`SELECT file_hash, page, text FROM ocr_pages WHERE status = 'read'
          AND file_hash IN (SELECT value FROM json_each(?)) ORDER BY file_hash, page`)
        .raw()
        .all(JSON.stringify(fileHashes)) as Array<[string, number, string]>
    ).map(([fileHash, page, text]) => ({ fileHash, page, text }));
  }

  /** Where the OCR job writes a page it read (or could not: `unreadable`, not searchable). */
  putOcrPage(p: {
    fileHash: string;
    page: number;
    status: 'read' | 'unreadable';
    text: string;
    engine: string;
    readAt: string;
  }): void {
    this.db
      .prepare(`INSERT INTO ocr_pages (file_hash, page, status, text, engine, read_at)
        VALUES (@fileHash, @page, @status, @text, @engine, @readAt)
        ON CONFLICT(file_hash, page) DO UPDATE SET status=excluded.status, text=excluded.text, engine=excluded.engine, read_at=excluded.read_at`)
      .run(p);
  }

  /** Cases known to the index (ids), to find those the start job has yet to index. */
  indexedCaseIds(): Set<string> {
    return new Set(
      (this.db.prepare('SELECT case_id FROM search_cases').raw().all() as Array<[string]>).map(([id]) => id),
    );
  }
}
