/**
 * ocr_files: a scanned evidence file the OCR job has read to its end (its pages are in ocr_pages),
 * with how many pages it has and how many could not be read. A file without a row is read (again)
 * by the next job, from its first page not yet in ocr_pages, so a cancelled job loses nothing.
 */
export const sql = `
CREATE TABLE ocr_files (
  file_hash TEXT PRIMARY KEY,
  pages INTEGER NOT NULL,
  unreadable INTEGER NOT NULL,
  -- why the whole file could not be read (corrupt, encrypted); NULL when its pages were read
  failure TEXT,
  done_at TEXT NOT NULL
);
`;
