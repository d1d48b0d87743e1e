import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { migrate, openDatabase, schemaDump } from './db.js';

const snapshotFile = join(import.meta.dirname, 'schema.snapshot.sql');

/**
 * The committed schema compared with the migrated one. Written only when asked
 * (UPDATE_SCHEMA_SNAPSHOT=1): a missing snapshot fails instead of becoming a fresh baseline that passes.
 */
function checkSnapshot(file: string, dump: string, update: boolean): void {
  if (update) writeFileSync(file, dump);
  if (!existsSync(file)) {
    throw new Error(
      `缺少数据库结构快照 ${basename(file)}：确认迁移无误后，用 UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run main/core/store/db.test.ts 生成并提交`,
    );
  }
  expect(dump).toBe(readFileSync(file, 'utf8'));
}

describe('database schema', () => {
  it('matches the committed snapshot (migrations are additive; update the snapshot on purpose)', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'anjuan-db-')), 'a.sqlite'));
    checkSnapshot(snapshotFile, schemaDump(db), Boolean(process.env.UPDATE_SCHEMA_SNAPSHOT));
  });

  it('fails, writing nothing, when the snapshot is missing and no update was asked', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'anjuan-db-')), 'schema.snapshot.sql');
    expect(() => checkSnapshot(missing, 'CREATE TABLE t (x);\n', false)).toThrow(
      /缺少数据库结构快照 schema\.snapshot\.sql/,
    );
    expect(existsSync(missing)).toBe(false);
    checkSnapshot(missing, 'CREATE TABLE t (x);\n', true);
    expect(readFileSync(missing, 'utf8')).toBe('CREATE TABLE t (x);\n');
    expect(() => checkSnapshot(missing, 'CREATE TABLE t (y);\n', false)).toThrow();
  });

  it('applies each migration once and opens in WAL mode', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'anjuan-db-')), 'a.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(db)).toEqual([]);
    db.close();
    const again = openDatabase(file);
    expect((again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('refuses to update or delete case events (append-only)', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'anjuan-db-')), 'a.sqlite'));
    db.prepare(`INSERT INTO case_events (id, case_id, case_seq, type, payload, actor_id, actor_name, device, hlc, at, prev_hash, hash)
      VALUES ('e1', 'c1', 1, 't', '{}', 'u', 'n', 'd', 'h', 'a', 'p', 'x')`).run();
    expect(() => db.prepare('UPDATE case_events SET payload = \'{"x":1}\'').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM case_events').run()).toThrow(/append-only/);
  });
});
