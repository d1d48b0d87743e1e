/**
 * the append-only logs (case_events, auth_audit) refuse every write path that would change
 * or remove a row — UPDATE, DELETE, INSERT OR REPLACE, REPLACE INTO, INSERT … ON CONFLICT DO UPDATE —
 * from another connection, as someone with the file and the sqlite3 tool would write. With the
 * triggers dropped, the hash chain finds a changed row; a chain recomputed after the change is found
 * only against a head kept outside the PC (the printed 备考表, docs/security.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from './sqlite.js';
import { join } from 'node:path';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/scenario.js';
import { eventHash, verifyChain } from './eventLog.js';
import { genesisHash } from './hashing.js';
import type { CaseEvent } from '../domain/events.js';

let t: TestCore;
let caseId: string;
beforeAll(async () => {
  t = await createTestCore();
  const officer = await t.login('officer');
  caseId = (await openCase(t, officer)).state.id;
  await t.login('nobody-such', 'wrong-password').catch(() => undefined); // an audit row
}, 60_000);
afterAll(async () => t?.close());

type Row = Record<string, unknown>;
const raw = (): Database.Database => new Database(join(t.dir, 'anjuan.sqlite'));
const rowsOf = (table: string): Row[] =>
  t.core.services.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Row[];

function attempts(table: 'case_events' | 'auth_audit', first: Row): Array<[string, string, unknown[]]> {
  const cols = Object.keys(first);
  const marks = cols.map(() => '?').join(', ');
  const changed = {
    ...first,
    [table === 'case_events' ? 'payload' : 'detail']: table === 'case_events' ? '{"forged":true}' : '伪造',
  };
  const values = cols.map((c) => changed[c]);
  const key = table === 'case_events' ? 'seq' : 'id';
  const textCol = table === 'case_events' ? 'payload' : 'detail';
  const out: Array<[string, string, unknown[]]> = [
    ['INSERT OR REPLACE', `INSERT OR REPLACE INTO ${table} (${cols.join(', ')}) VALUES (${marks})`, values],
    ['REPLACE INTO', `REPLACE INTO ${table} (${cols.join(', ')}) VALUES (${marks})`, values],
    [
      'INSERT … ON CONFLICT DO UPDATE',
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${marks}) ON CONFLICT(${key}) DO UPDATE SET ${textCol} = excluded.${textCol}`,
      values,
    ],
    [
      'INSERT OR IGNORE is harmless but still refused',
      `INSERT OR IGNORE INTO ${table} (${cols.join(', ')}) VALUES (${marks})`,
      values,
    ],
    ['UPDATE', `UPDATE ${table} SET ${textCol} = ? WHERE ${key} = ?`, [changed[textCol], first[key]]],
    ['DELETE', `DELETE FROM ${table} WHERE ${key} = ?`, [first[key]]],
  ];
  if (table === 'case_events') {
    // The other unique keys: a new seq but the same event id, or the same (case_id, case_seq).
    const noSeq = cols.filter((c) => c !== 'seq');
    const sameId = noSeq.map((c) => (c === 'case_seq' ? 999 : changed[c]));
    const samePlace = noSeq.map((c) => (c === 'id' ? 'FORGED0000000000000000000' : changed[c]));
    const sql = (verb: string) =>
      `${verb} INTO case_events (${noSeq.join(', ')}) VALUES (${noSeq.map(() => '?').join(', ')})`;
    out.push(['INSERT OR REPLACE on the event id', sql('INSERT OR REPLACE'), sameId]);
    out.push(['INSERT OR REPLACE on (case_id, case_seq)', sql('INSERT OR REPLACE'), samePlace]);
    out.push(['REPLACE INTO on (case_id, case_seq)', sql('REPLACE'), samePlace]);
  }
  return out;
}

describe.each(['case_events', 'auth_audit'] as const)('%s is append-only on every write path', (table) => {
  it('refuses each one from another connection and leaves every row as it was', () => {
    const before = rowsOf(table);
    expect(before.length).toBeGreaterThan(0);
    const db = raw();
    try {
      for (const [name, sql, params] of attempts(table, before[0]!)) {
        expect(() => db.prepare(sql).run(...params), name).toThrow(`${table} is append-only`);
      }
      // Also with recursive triggers on: REPLACE's delete is then a DELETE, refused as well.
      db.pragma('recursive_triggers = ON');
      expect(() => db.prepare(attempts(table, before[0]!)[0]![1]).run(...attempts(table, before[0]!)[0]![2])).toThrow(
        `${table} is append-only`,
      );
    } finally {
      db.close();
    }
    expect(rowsOf(table)).toEqual(before);
  });
});

describe('the hash chain with the triggers dropped', () => {
  it('finds a changed event (verifyChain, cases.history)', async () => {
    const events = t.core.services.cases.log.forCase(caseId);
    expect(verifyChain(events)).toEqual({ valid: true, brokenAt: null });
    const db = raw();
    for (const tr of ['case_events_no_replace', 'case_events_no_update', 'case_events_no_delete'])
      db.exec(`DROP TRIGGER ${tr}`);
    db.prepare(
      "UPDATE case_events SET payload = replace(payload, '天柱', '凯里') WHERE case_id = ? AND case_seq = 1",
    ).run(caseId);
    const changed = t.core.services.cases.log.forCase(caseId);
    expect(verifyChain(changed)).toEqual({ valid: false, brokenAt: 1 });
    const officer = await t.login('officer');
    expect((await t.call(officer, 'cases.history', { caseId })).chainValid).toBe(false);

    // Not detected by the chain alone: whoever has the file recomputes every hash (plain SHA-256).
    let prev = genesisHash;
    const forged: CaseEvent[] = changed.map((e) => {
      const { hash: _old, ...rest } = e;
      const next = { ...rest, prevHash: prev } as Omit<CaseEvent, 'hash'>;
      prev = eventHash(next);
      return { ...next, hash: prev } as CaseEvent;
    });
    expect(verifyChain(forged).valid).toBe(true);
    // … but the head differs from the one printed on the 备考表 at binding: the anchor outside the PC.
    expect(forged.at(-1)!.hash).not.toBe(events.at(-1)!.hash);
    db.close();
  });
});
