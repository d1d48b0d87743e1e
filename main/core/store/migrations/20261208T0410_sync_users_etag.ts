/**
 * The ETag of the last users reply this desk applied (GET /api/sync/users): sent back as If-None-Match,
 * so a round where nothing changed on the server is answered 304 with no body. A 304 leaves the local
 * cache as it is, which is right only while nobody changed the cache here: a local change to an account
 * or to a cached user's 执法证 (a password changed at this desk, an account disabled by the local
 * administrator, a local account renamed out of a server user's way) forgets the ETag, so the next round
 * takes the full list again and the server's users win, as they did before there was an ETag.
 */
export const sql = `
ALTER TABLE sync_enrolment ADD COLUMN users_etag TEXT;

CREATE TRIGGER users_forget_sync_etag_insert AFTER INSERT ON users
BEGIN UPDATE sync_enrolment SET users_etag = NULL WHERE users_etag IS NOT NULL; END;
CREATE TRIGGER users_forget_sync_etag_delete AFTER DELETE ON users
BEGIN UPDATE sync_enrolment SET users_etag = NULL WHERE users_etag IS NOT NULL; END;
CREATE TRIGGER users_forget_sync_etag_update AFTER UPDATE ON users
WHEN OLD.username IS NOT NEW.username OR OLD.name IS NOT NEW.name OR OLD.roles IS NOT NEW.roles
  OR OLD.password_hash IS NOT NEW.password_hash OR OLD.officer_id IS NOT NEW.officer_id
  OR OLD.disabled_at IS NOT NEW.disabled_at
BEGIN UPDATE sync_enrolment SET users_etag = NULL WHERE users_etag IS NOT NULL; END;
CREATE TRIGGER officers_forget_sync_etag_update AFTER UPDATE ON officers
WHEN OLD.id LIKE 'off-%' AND (OLD.name IS NOT NEW.name OR OLD.certificate_no IS NOT NEW.certificate_no
  OR OLD.certificate_valid_until IS NOT NEW.certificate_valid_until)
BEGIN UPDATE sync_enrolment SET users_etag = NULL WHERE users_etag IS NOT NULL; END;
`;
