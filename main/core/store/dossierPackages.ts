/**
 * The SQL of 电子档案包: which package was made from which case's dossier (so it is read through the
 * case, fileRefs.ts), and the look-ups an import needs before it writes anything.
 */
import type { Db } from './db.js';

export class DossierPackages {
  constructor(private readonly db: Db) {}

  record(p: { packageHash: string; caseId: string; sourceHash: string; madeAt: string; madeBy: string }): void {
    this.db
      .prepare(
        `INSERT INTO dossier_packages (package_hash, case_id, source_hash, made_at, made_by)
        VALUES (@packageHash, @caseId, @sourceHash, @madeAt, @madeBy) ON CONFLICT DO NOTHING`,
      )
      .run(p);
  }

  /** The case that has this 案号 on this workstation, if any. */
  caseIdOfNumber(number: string): string | null {
    const r = this.db.prepare('SELECT id FROM cases WHERE number = ?').get(number) as { id: string } | undefined;
    return r?.id ?? null;
  }
}
