/**
 * The enterprise directory: the fields of the provincial export, and search.
 * Search: FTS5 over the name, legal representative, address and pinyin initials, each stored with
 * a space between characters so that unicode61 makes every character a token and a phrase query
 * finds any fragment, of one character or more (trigram cannot find two-character words such as
 * 化工). The index is contentless and kept by store/enterpriseStore.ts in the same transaction as
 * the row; its rowid is `search_seq`, a column of ours, because the implicit rowid of a table with a
 * TEXT primary key may change on VACUUM. Cases find their party's enterprise through a generated
 * column over the projection's JSON, so the projection code does not change.
 */
export const sql = `
ALTER TABLE enterprises ADD COLUMN county_code TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN industry_code TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN longitude REAL;
ALTER TABLE enterprises ADD COLUMN latitude REAL;
ALTER TABLE enterprises ADD COLUMN permit_numbers TEXT NOT NULL DEFAULT '[]';
ALTER TABLE enterprises ADD COLUMN key_polluter TEXT NOT NULL DEFAULT '[]';
ALTER TABLE enterprises ADD COLUMN initials TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN imported_at TEXT;
ALTER TABLE enterprises ADD COLUMN search_seq INTEGER;
CREATE UNIQUE INDEX enterprises_search_seq ON enterprises(search_seq);
CREATE INDEX enterprises_county_code ON enterprises(county_code);
CREATE VIRTUAL TABLE enterprises_fts USING fts5(
  name, legal_representative, address, initials, rep_initials,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
);
ALTER TABLE cases ADD COLUMN enterprise_id TEXT GENERATED ALWAYS AS (json_extract(state, '$.party.enterpriseId')) VIRTUAL;
CREATE INDEX cases_enterprise ON cases(enterprise_id, filed_on);
`;
