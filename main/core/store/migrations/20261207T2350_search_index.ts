/**
 * One search box across the workstation's cases (store/searchIndex.ts). Derived data, like
 * derived_pdfs: everything here is rebuilt from the projections and the blobs (core.ts
 * `searchIndexVersion`: the job that fills it runs again when the version changes).
 * - search_cases: the few case columns the filters and the access rule read (one row per case,
 *   written with the projection), so a search never parses a case's JSON;
 * - search_docs: one row per thing found — the case, its party, each current document's text
 *   (superseded versions are removed), each evidence caption, each OCR'd page — with the hash of
 *   what it was made from (unchanged: not segmented again); search_texts: the text excerpts are cut from;
 * - search_fts: the segmented text (domain/search/segment.ts), contentless: the text is kept once,
 *   in search_texts; `scope` holds a token per officer of the case, so an officer's search walks
 *   his own rows only (FTS5 intersects the doclists) instead of every match of the bureau;
 * - ocr_pages: the text an OCR engine read from a scanned page, by file hash and page. Nothing
 *   fills it yet (OCR is not built); the index already reads it, as source kind `ocr`.
 */
export const sql = `
CREATE TABLE search_cases (
  case_id TEXT PRIMARY KEY, bureau_id TEXT NOT NULL, officer_ids TEXT NOT NULL, closed INTEGER NOT NULL,
  year INTEGER NOT NULL, violation_id TEXT NOT NULL, party_name TEXT NOT NULL, number TEXT NOT NULL,
  violation_name TEXT NOT NULL, filed_on TEXT NOT NULL
);
CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL,
  source TEXT NOT NULL,               -- unique within the case: case | party | doc:<id> | evidence:<id> | ocr:<evidence id>:<page>
  kind TEXT NOT NULL CHECK (kind IN ('case', 'party', 'document', 'evidence', 'ocr')),
  ref TEXT,                           -- the document's or the evidence item's id
  title TEXT NOT NULL,                -- 《行政处罚决定书》, a file name …
  page INTEGER,                       -- an OCR'd page
  content_hash TEXT NOT NULL,         -- what the row was made from (a DOCX's hash, a caption's)
  length INTEGER NOT NULL,            -- characters of the text (the order's length normalisation)
  UNIQUE (case_id, source)
);
-- The text apart: a search joins every candidate to search_docs, and a narrow row is read in one page.
CREATE TABLE search_texts (doc_id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE VIRTUAL TABLE search_fts USING fts5(words, chars, scope, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE ocr_pages (
  file_hash TEXT NOT NULL, page INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('read', 'unreadable')),
  text TEXT NOT NULL, engine TEXT NOT NULL, read_at TEXT NOT NULL,
  PRIMARY KEY (file_hash, page)
);
`;
