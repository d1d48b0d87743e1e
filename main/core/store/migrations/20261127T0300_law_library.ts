/**
 * The law library: laws, their versions and their articles, each article carrying the
 * period its version was in force so that several versions of one law sit side by side. Chinese
 * full-text search: FTS5 with the trigram tokenizer finds any substring of three characters or
 * more; shorter queries fall back to LIKE over the same rows (a few thousand articles).
 */
export const sql = `
CREATE TABLE laws (
  id TEXT PRIMARY KEY,               -- the short name, e.g. 大气污染防治法 (lawKey)
  full_name TEXT NOT NULL
);
CREATE TABLE law_versions (
  id INTEGER PRIMARY KEY,
  law_id TEXT NOT NULL REFERENCES laws(id),
  part TEXT NOT NULL,                -- subtitle of a law split over several files; '' otherwise
  version_date TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_from_source TEXT NOT NULL,
  effective_to TEXT,                 -- last day in force (inclusive); NULL while in force
  history TEXT NOT NULL,             -- JSON [{date, event}]
  preamble TEXT NOT NULL,
  source_name TEXT NOT NULL,
  source_hash TEXT NOT NULL,         -- SHA-256 of the imported file: the same file again changes nothing
  article_count INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (law_id, version_date, part)
);
CREATE TABLE law_articles (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES law_versions(id),
  law_id TEXT NOT NULL REFERENCES laws(id),
  number INTEGER NOT NULL,
  sub INTEGER NOT NULL,              -- N of 第X条之N; 0 otherwise
  label TEXT NOT NULL,
  chapter TEXT NOT NULL,
  text TEXT NOT NULL,
  paragraphs TEXT NOT NULL,          -- JSON [{text, items: [{number, label, text}]}]
  effective_from TEXT NOT NULL,      -- copied from the version, kept in step by the import
  effective_to TEXT,
  UNIQUE (version_id, number, sub)
);
CREATE INDEX law_articles_by_number ON law_articles(law_id, number, sub, effective_from);
CREATE VIRTUAL TABLE law_articles_fts USING fts5(text, content='law_articles', content_rowid='id', tokenize='trigram');
CREATE TRIGGER law_articles_fts_insert AFTER INSERT ON law_articles BEGIN
  INSERT INTO law_articles_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER law_articles_fts_delete AFTER DELETE ON law_articles BEGIN
  INSERT INTO law_articles_fts (law_articles_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER law_articles_fts_update AFTER UPDATE OF text ON law_articles BEGIN
  INSERT INTO law_articles_fts (law_articles_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO law_articles_fts (rowid, text) VALUES (new.id, new.text);
END;
`;
