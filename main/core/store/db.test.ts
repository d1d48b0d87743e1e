import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, schemaDump } from './db.js';

const snapshotFile = join(import.meta.dirname, 'schema.snapshot.sql');

describe('database schema', () => {
  it('matches the committed snapshot (migrations are additive; update the snapshot on purpose)', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'anjuan-db-')), 'a.sqlite'));
    const dump = schemaDump(db);
    if (!existsSync(snapshotFile) || process.env.UPDATE_SCHEMA_SNAPSHOT) writeFileSync(snapshotFile, dump);
    expect(dump).toBe(readFileSync(snapshotFile, 'utf8'));
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
    expect(() => db.prepare("UPDATE case_events SET payload = '{\"x\":1}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM case_events').run()).toThrow(/append-only/);
  });
});
