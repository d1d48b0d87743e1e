-- The version of each bureau's users list (GET /api/sync/users): a new random tag whenever one of the
-- bureau's users is added, removed, or changed in what the list carries (username, name, roles, 执法证,
-- password, disabled), or the bureau's row changes. Kept by triggers in the same transaction as the
-- change, so every API process reads the same tag with one primary-key lookup and answers 304 Not
-- Modified to a workstation that already holds it. A random tag rather than a counter: a database
-- restored from a backup never hands out again a tag some desk holds for other contents.
CREATE TABLE user_list_versions (
  bureau_id text PRIMARY KEY REFERENCES bureaus(id) ON DELETE CASCADE,
  tag uuid NOT NULL DEFAULT gen_random_uuid()
);
INSERT INTO user_list_versions (bureau_id) SELECT id FROM bureaus;

CREATE FUNCTION bump_user_list_version(bureau text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO user_list_versions (bureau_id) VALUES (bureau)
  ON CONFLICT (bureau_id) DO UPDATE SET tag = gen_random_uuid()
$$;

CREATE FUNCTION user_list_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE user_list_versions SET tag = gen_random_uuid();
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM bump_user_list_version(OLD.bureau_id);
  END IF;
  IF TG_OP = 'INSERT' OR NEW.bureau_id IS DISTINCT FROM OLD.bureau_id THEN
    PERFORM bump_user_list_version(NEW.bureau_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER user_list_insert_delete AFTER INSERT OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION user_list_changed();
-- Not on a login's throttle columns (login_failures, locked_until): those are not in the list.
CREATE TRIGGER user_list_update AFTER UPDATE ON users FOR EACH ROW
  WHEN ((OLD.bureau_id, OLD.username, OLD.name, OLD.roles, OLD.certificate_no, OLD.certificate_valid_until,
         OLD.password_hash, OLD.disabled_at)
    IS DISTINCT FROM (NEW.bureau_id, NEW.username, NEW.name, NEW.roles, NEW.certificate_no,
         NEW.certificate_valid_until, NEW.password_hash, NEW.disabled_at))
  EXECUTE FUNCTION user_list_changed();
CREATE TRIGGER user_list_truncate AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION user_list_changed();

CREATE FUNCTION bureau_list_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_user_list_version(NEW.id);
  RETURN NULL;
END
$$;
CREATE TRIGGER bureau_user_list AFTER INSERT OR UPDATE ON bureaus
  FOR EACH ROW EXECUTE FUNCTION bureau_list_changed();
