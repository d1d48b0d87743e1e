/**
 * The SQL behind OCR of scanned evidence (application/ocrScans.ts): which scans are still to read,
 * which pages of a file are done, and a file's result. The pages themselves are written by
 * SearchIndex.putOcrPage (ocr_pages), which the search index reads.
 */
import type { Db } from './db.js';

/** A scanned file some case holds, not read to its end yet. */
export interface PendingScan {
  fileHash: string;
  mimeType: string;
  caseIds: string[];
}

export interface OcrFileRow {
  fileHash: string;
  pages: number;
  unreadable: number;
  failure: string | null;
}

export class OcrFiles {
  constructor(private readonly db: Db) {}

  /**
   * Scans (evidence of kind scan) of any case with no ocr_files row, oldest case first, at most
   * `limit` files. The cheap instr() test skips the states of cases without a scan before any JSON is parsed.
   */
  pending(limit: number, onlyCases?: readonly string[]): PendingScan[] {
    const rows = this.db
      .prepare(
        `SELECT json_extract(e.value, '$.hash') AS hash, json_extract(e.value, '$.mimeType') AS mime, c.id AS case_id
         FROM cases c, json_each(c.state, '$.evidence') e
         WHERE instr(c.state, '"kind":"scan"') > 0 AND json_extract(e.value, '$.kind') = 'scan'
           ${onlyCases ? 'AND c.id IN (SELECT value FROM json_each(@only))' : ''}
           AND NOT EXISTS (SELECT 1 FROM ocr_files f WHERE f.file_hash = json_extract(e.value, '$.hash'))
         ORDER BY c.id`,
      )
      .all(onlyCases ? { only: JSON.stringify(onlyCases) } : {}) as Array<{
      hash: string;
      mime: string;
      case_id: string;
    }>;
    const byHash = new Map<string, PendingScan>();
    for (const r of rows) {
      const p = byHash.get(r.hash);
      if (p) {
        if (!p.caseIds.includes(r.case_id)) p.caseIds.push(r.case_id);
      } else if (byHash.size < limit) byHash.set(r.hash, { fileHash: r.hash, mimeType: r.mime, caseIds: [r.case_id] });
    }
    return [...byHash.values()];
  }

  /** The pages of a file already in ocr_pages (read or not), to go on after a cancel. */
  pagesDone(fileHash: string): number {
    return this.db.prepare('SELECT COUNT(*) FROM ocr_pages WHERE file_hash = ?').pluck().get(fileHash) as number;
  }

  unreadableCount(fileHash: string): number {
    return this.db
      .prepare("SELECT COUNT(*) FROM ocr_pages WHERE file_hash = ? AND status = 'unreadable'")
      .pluck()
      .get(fileHash) as number;
  }

  finish(row: OcrFileRow & { doneAt: string }): void {
    this.db
      .prepare(`INSERT INTO ocr_files (file_hash, pages, unreadable, failure, done_at)
        VALUES (@fileHash, @pages, @unreadable, @failure, @doneAt)
        ON CONFLICT(file_hash) DO UPDATE SET pages=excluded.pages, unreadable=excluded.unreadable,
          failure=excluded.failure, done_at=excluded.done_at`)
      .run(row);
  }

  /** The result for some files (by hash); a file not in it is still waiting for OCR. */
  results(fileHashes: readonly string[]): Map<string, OcrFileRow & { unreadablePages: number[] }> {
    const out = new Map<string, OcrFileRow & { unreadablePages: number[] }>();
    if (!fileHashes.length) return out;
    const json = JSON.stringify(fileHashes);
    const files = this.db
      .prepare(
        'SELECT file_hash, pages, unreadable, failure FROM ocr_files WHERE file_hash IN (SELECT value FROM json_each(?))',
      )
      .all(json) as Array<{ file_hash: string; pages: number; unreadable: number; failure: string | null }>;
    for (const f of files)
      out.set(f.file_hash, {
        fileHash: f.file_hash,
        pages: f.pages,
        unreadable: f.unreadable,
        failure: f.failure,
        unreadablePages: [],
      });
    const bad = this.db
      .prepare(`SELECT file_hash, page FROM ocr_pages WHERE status = 'unreadable'
        AND file_hash IN (SELECT value FROM json_each(?)) ORDER BY file_hash, page`)
      .raw()
      .all(json) as Array<[string, number]>;
    for (const [hash, page] of bad) out.get(hash)?.unreadablePages.push(page);
    return out;
  }
}
