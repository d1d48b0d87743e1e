import { afterEach, describe, expect, it } from 'vitest';
import { Database } from './sqlite.js';
import { join } from 'node:path';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { replay } from '../domain/caseReducer.js';
import { verifyChain } from './eventLog.js';
import { openCase } from '../testing/scenario.js';

let t: TestCore;
afterEach(async () => t?.close());

describe('case store', () => {
  it('replaying the event log gives exactly the stored projections', async () => {
    t = await createTestCore();
    const officer = await t.login('officer');
    for (let i = 0; i < 3; i++) await openCase(t, officer, { requestId: `replay-test-${i}` });
    const { cases } = t.core.services;
    const ids = (t.core.services.db.prepare('SELECT id FROM cases').all() as Array<{ id: string }>).map((r) => r.id);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(replay(cases.log.forCase(id))).toEqual(cases.get(id));
    // A full rebuild changes nothing.
    const before = ids.map((id) => cases.get(id));
    cases.rebuildAll();
    expect(ids.map((id) => cases.get(id))).toEqual(before);
  });

  it('detects a tampered event through the hash chain', async () => {
    t = await createTestCore();
    const officer = await t.login('officer');
    const view = await openCase(t, officer);
    const id = view.state.id;
    expect(verifyChain(t.core.services.cases.log.forCase(id)).valid).toBe(true);
    // Someone with file access edits the log behind the app's back.
    const raw = new Database(join(t.dir, 'anjuan.sqlite'));
    raw.exec('DROP TRIGGER case_events_no_update');
    raw.prepare("UPDATE case_events SET payload = replace(payload, '天柱', '凯里') WHERE case_id = ?").run(id);
    raw.close();
    expect(verifyChain(t.core.services.cases.log.forCase(id))).toEqual({ valid: false, brokenAt: 1 });
    expect((await t.call(officer, 'cases.history', { caseId: id })).chainValid).toBe(false);
  });

  it('a failure inside an action writes nothing (one transaction)', async () => {
    t = await createTestCore();
    const officer = await t.login('officer');
    const view = await openCase(t, officer);
    const count = () => (t.core.services.db.prepare('SELECT COUNT(*) AS n FROM case_events').get() as { n: number }).n;
    const n = count();
    expect(() =>
      t.core.services.cases.write(view.state.id, { id: 'u', name: 'x', device: 'd' }, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(count()).toBe(n);
  });

  it('refuses an action on a version the user did not see', async () => {
    t = await createTestCore();
    const officer = await t.login('officer');
    const view = await openCase(t, officer);
    const err = await expectFailure(
      t.call(officer, 'cases.act', {
        caseId: view.state.id,
        action: 'submitFiling',
        data: {},
        expectedVersion: view.state.version + 5,
      }),
    );
    expect(err.code).toBe('STALE_VERSION');
  });

  it('a full disk gives a clear Chinese error and loses nothing already saved', async () => {
    t = await createTestCore();
    const officer = await t.login('officer');
    const first = await openCase(t, officer, { requestId: 'disk-full-first' });
    const db = t.core.services.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    let err: { code: string; message: string } | null = null;
    for (let i = 0; i < 50 && !err; i++) {
      try {
        await openCase(t, officer, { requestId: `disk-full-${i}`, summary: '很长的案情摘要'.repeat(200) });
      } catch (e) {
        err = e as { code: string; message: string };
      }
    }
    expect(err?.code).toBe('DISK_FULL');
    expect(err?.message).toMatch(/磁盘空间不足/);
    db.pragma('max_page_count = 1073741823');
    expect(t.core.services.cases.get(first.state.id).number).toBe(first.state.number);
    const events = t.core.services.cases.log.forCase(first.state.id);
    expect(verifyChain(events).valid).toBe(true);
  });
});
