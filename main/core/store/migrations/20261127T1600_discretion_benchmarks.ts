/**
 * Discretion benchmarks: every version loaded, kept whole as validated JSON, because a case
 * records the version its fine was calculated with and must be able to show that calculation again
 * after the province has loaded a newer table. The newest row (highest seq) is the one in use.
 */
export const sql = `
CREATE TABLE discretion_benchmarks (
  seq INTEGER PRIMARY KEY,
  version TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  source TEXT NOT NULL,              -- file names of the import, or 随软件发布
  shipped INTEGER NOT NULL,          -- 1: resources/discretion/violations.json of this release
  content_hash TEXT NOT NULL,        -- SHA-256 of the canonical JSON: the same table again changes nothing
  content TEXT NOT NULL,             -- the benchmark as JSON (common/schemas/discretion.ts)
  type_count INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
);
`;
