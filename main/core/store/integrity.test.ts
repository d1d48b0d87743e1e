import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from './sqlite.js';
import { checkAtOpen, DeferredIntegrityCheck, quickCheck } from './integrity.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A database with a small table and a bulky one (`case_events`), whose pages 60 onwards are overwritten. */
function damagedBulkyTable(): { file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-integrity-'));
  dirs.push(dir);
  const file = join(dir, 'a.sqlite');
  const db = new Database(file);
  db.exec(
    'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); CREATE TABLE case_events (id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX ev_body ON case_events(body)',
  );
  db.prepare("INSERT INTO meta VALUES ('device', 'ws-1')").run();
  const insert = db.prepare('INSERT INTO case_events (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`事件${i}`.repeat(20));
  })();
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const eventPages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = 'case_events' AND pagetype = 'leaf' ORDER BY pageno")
    .pluck()
    .all() as number[];
  db.close();
  const bytes = readFileSync(file);
  for (const page of eventPages.slice(5, 15)) bytes.fill(0xa5, (page - 1) * pageSize + 8, page * pageSize);
  writeFileSync(file, bytes);
  return { file };
}

describe('the start check, split around the first answer', () => {
  it('a small file is checked whole at open and finds the damage', () => {
    const { file } = damagedBulkyTable();
    const db = new Database(file);
    const r = checkAtOpen(db, file);
    expect(r.deferred).toEqual([]);
    expect(r.result).not.toBe('ok');
    db.close();
  });

  it('a large file: the non-bulky tables at open, the bulky ones afterwards, which then reports the damage', async () => {
    const { file } = damagedBulkyTable();
    const db = new Database(file);
    const r = checkAtOpen(db, file, 0); // as if the file were larger than the limit
    expect(r).toEqual({ result: 'ok', deferred: ['case_events'] });
    expect(quickCheck(db, 'meta')).toBe('ok');
    const found: string[] = [];
    const check = new DeferredIntegrityCheck(
      db,
      r.deferred,
      () => new Date('2026-12-07T02:00:00Z'),
      (table) => found.push(table),
    );
    expect(check.state.state).toBe('pending');
    await check.start();
    expect(check.state).toMatchObject({
      state: 'damaged',
      table: 'case_events',
      finishedAt: '2026-12-07T02:00:00.000Z',
    });
    expect(found).toEqual(['case_events']);
    db.close();
  });

  it('a sound large file passes at open and afterwards; stopping before the start checks nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-integrity-'));
    dirs.push(dir);
    const file = join(dir, 'a.sqlite');
    const db = new Database(file);
    db.exec("CREATE TABLE meta (k, v); CREATE TABLE cases (id, state); INSERT INTO cases VALUES (1, '{}')");
    const r = checkAtOpen(db, file, 0);
    expect(r).toEqual({ result: 'ok', deferred: ['cases'] });
    const ok = new DeferredIntegrityCheck(
      db,
      r.deferred,
      () => new Date('2026-12-07T02:00:00Z'),
      () => undefined,
    );
    await ok.start();
    expect(ok.state).toEqual({ state: 'ok', finishedAt: '2026-12-07T02:00:00.000Z' });
    const stopped = new DeferredIntegrityCheck(
      db,
      r.deferred,
      () => new Date(),
      () => undefined,
    );
    await stopped.stop();
    await stopped.start();
    expect(stopped.state.state).not.toBe('ok');
    expect(
      new DeferredIntegrityCheck(
        db,
        [],
        () => new Date(),
        () => undefined,
      ).state.state,
    ).toBe('none');
    db.close();
  });
});
