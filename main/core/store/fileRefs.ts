/**
 * The SQL behind who may read a stored file (api/fileAccess.ts) and behind thumbnails.
 * A file is readable through a case that refers to it: its hash is in the case's state (evidence,
 * document versions, sealed PDFs, dossier volumes), or it was made from such a file — the PDF of a
 * DOCX (derived_pdfs), the thumbnail of a photo (thumbnails) or an 电子档案包 of its dossier (dossier_packages).
 */
import type { Db } from './db.js';

export interface ThumbnailRow {
  thumbHash: string;
  width: number;
  height: number;
}

/** Which cases a user sees (api/caseAccess.ts `caseScope`): the bureau's, or only an officer's own. */
export interface FileScope {
  bureauId: string;
  officerId?: string | null;
}

export class FileRefs {
  constructor(private readonly db: Db) {}

  /** The files `hash` was made from: the DOCX whose cached PDF it is, the photo whose thumbnail it is. */
  sourcesOf(hash: string): string[] {
    const pdfs = this.db
      .prepare('SELECT DISTINCT docx_hash AS h FROM derived_pdfs WHERE pdf_hash = ?')
      .all(hash) as Array<{ h: string }>;
    const thumbs = this.db.prepare('SELECT source_hash AS h FROM thumbnails WHERE thumb_hash = ?').all(hash) as Array<{
      h: string;
    }>;
    // An 电子档案包 is read as the dossier it was made from.
    const packages = this.db
      .prepare('SELECT source_hash AS h FROM dossier_packages WHERE package_hash = ?')
      .all(hash) as Array<{ h: string }>;
    return [...pdfs, ...thumbs, ...packages].map((r) => r.h);
  }

  /**
   * Whether a case in the scope names one of the hashes in its state. The hash is looked for as a
   * whole JSON string ("…"), inside the scope's rows only (the same filter as the case list).
   */
  referencedInScope(hashes: string[], scope: FileScope): boolean {
    const officer = scope.officerId === undefined ? '' : "AND instr(officer_ids, ',' || @officer || ',') > 0";
    const stmt = this.db.prepare(
      `SELECT 1 FROM cases WHERE bureau_id = @bureau ${officer} AND instr(state, @needle) > 0 LIMIT 1`,
    );
    return hashes.some(
      (h) =>
        stmt.get({
          bureau: scope.bureauId,
          needle: `"${h}"`,
          ...(scope.officerId === undefined ? {} : { officer: scope.officerId ?? '\u0000' }),
        }) !== undefined,
    );
  }

  thumbnail(sourceHash: string): ThumbnailRow | null {
    const r = this.db
      .prepare('SELECT thumb_hash, width, height FROM thumbnails WHERE source_hash = ?')
      .get(sourceHash) as { thumb_hash: string; width: number; height: number } | undefined;
    return r ? { thumbHash: r.thumb_hash, width: r.width, height: r.height } : null;
  }

  saveThumbnail(sourceHash: string, t: ThumbnailRow): void {
    this.db
      .prepare(`INSERT INTO thumbnails (source_hash, thumb_hash, width, height) VALUES (?, ?, ?, ?)
      ON CONFLICT(source_hash) DO UPDATE SET thumb_hash = excluded.thumb_hash, width = excluded.width, height = excluded.height`)
      .run(sourceHash, t.thumbHash, t.width, t.height);
  }
}
