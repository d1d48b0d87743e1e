/**
 * Thumbnails of evidence photos (the 证据 tab shows these, not the 4000×3000 originals): each is a
 * blob of its own, content-addressed like every file; this table says which photo it was made from.
 * Derived data like derived_pdfs: a missing row is made again on the first request.
 */
export const sql = `
CREATE TABLE thumbnails (source_hash TEXT PRIMARY KEY, thumb_hash TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL);
CREATE INDEX thumbnails_thumb ON thumbnails (thumb_hash);
`;
