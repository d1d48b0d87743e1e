/**
 * 电子档案包 exported from a case's dossier: the package is a stored file (blobs) made from the bound
 * 正卷 (`source_hash`), so it is read through the case like the dossier itself (store/fileRefs.ts
 * `sourcesOf`), and who made it when is kept.
 */
export const sql = `
CREATE TABLE dossier_packages (
  package_hash TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  source_hash TEXT NOT NULL,
  made_at TEXT NOT NULL,
  made_by TEXT NOT NULL
);
CREATE INDEX dossier_packages_case ON dossier_packages (case_id);
`;
