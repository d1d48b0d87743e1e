/**
 * Pushes of different bureaus run at once (an advisory lock per bureau), and what the single lock gave
 * still holds: a bureau's pushes one at a time, a pull that never passes an event committed later, one
 * owner per case — against a real PostgreSQL over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import {
  addUser,
  adminToken,
  chain,
  enrolDevice,
  opened,
  type Actor,
  type EnrolledDevice,
} from '../testing/fixtures.js';
import type { WireEvent } from '#common/sync/events.js';
import { pushLockClass, pushLockSql } from './push.js';

let s: TestServer;
let nanming: EnrolledDevice;
let nanming2: EnrolledDevice;
let yunyan: EnrolledDevice;
let nmOfficer: Actor;
let yyOfficer: Actor;
const mutation = new Map<string, number>();

const push = (d: EnrolledDevice, caseId: string, events: WireEvent[]) => {
  const m = (mutation.get(d.deviceId) ?? 0) + 1;
  mutation.set(d.deviceId, m);
  return s.request('POST', '/api/sync/push', {
    token: d.credential,
    body: { mutations: [{ mutationId: m, caseId, events }] },
  });
};
const lastMutation = async (d: EnrolledDevice): Promise<number> =>
  Number(
    (await s.pool.query('SELECT last_mutation_id FROM devices WHERE id = $1', [d.deviceId])).rows[0].last_mutation_id,
  );

beforeAll(async () => {
  s = await startTestServer();
  const token = await adminToken(s);
  nmOfficer = { id: await addUser(s, token, '520102', 'nm-officer', ['officer']), name: '南明办案员' };
  yyOfficer = { id: await addUser(s, token, '520103', 'yy-officer', ['officer']), name: '云岩办案员' };
  nanming = await enrolDevice(s, token, '520102'); // 案号 1–500 of 2026
  nanming2 = await enrolDevice(s, token, '520102', '执法二科工作站'); // 501–1000
  yunyan = await enrolDevice(s, token, '520103'); // 1–500 of 云岩
});
afterAll(async () => {
  await s?.close();
});

describe('pushes of different bureaus in parallel', () => {
  it("lets 云岩 push while 南明's lock is held, and 南明's push waits for it", async () => {
    const holder = await s.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(pushLockSql, [pushLockClass, '520102']);
      let nmDone = false;
      const nm = push(nanming, 'par-nm-1', chain('par-nm-1', nmOfficer, [opened('南环罚〔2026〕1号')])).then((r) => {
        nmDone = true;
        return r;
      });
      const yy = await push(yunyan, 'par-yy-1', chain('par-yy-1', yyOfficer, [opened('云环罚〔2026〕1号')]));
      expect(yy.status).toBe(200);
      expect(yy.body.applied).toEqual([1]);
      await new Promise((r) => setTimeout(r, 100));
      expect(nmDone).toBe(false);
      await holder.query('COMMIT');
      const r = await nm;
      expect(r.status).toBe(200);
      expect(r.body.applied).toEqual([1]);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
  });

  it('gives a new case to the first bureau when two push the same case id at once; the other is refused and keeps its counter', async () => {
    const before = await lastMutation(yunyan);
    const waiting = async (n: number) => {
      for (let i = 0; i < 200; i++) {
        const r = await s.pool.query("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'");
        if (Number(r.rows[0].n) >= n) return;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`${n} pushes never waited`);
    };
    // Hold 南明's push after it created the case and before its events go in, so that 云岩's push reads no
    // case of that id and creates one too: the race the single lock used to prevent.
    const holder = await s.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE case_events IN SHARE MODE');
      const nm = push(nanming, 'par-same', chain('par-same', nmOfficer, [opened('南环罚〔2026〕2号')]));
      await waiting(1);
      const yy = push(yunyan, 'par-same', chain('par-same', yyOfficer, [opened('云环罚〔2026〕2号')]));
      await waiting(2);
      await holder.query('COMMIT');
      const [a, b] = await Promise.all([nm, yy]);
      expect(a.status).toBe(200);
      expect(b.status).toBe(403);
      expect(b.body.error.code).toBe('FORBIDDEN_CASE');
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
    expect((await s.pool.query('SELECT bureau_id FROM cases WHERE id = $1', ['par-same'])).rows[0].bureau_id).toBe(
      '520102',
    );
    const events = await s.pool.query('SELECT bureau_id FROM case_events WHERE case_id = $1', ['par-same']);
    expect(events.rows).toEqual([{ bureau_id: '520102' }]);
    // 云岩's counter did not move: the clerk's case is still waiting to be pushed, under the same mutation id.
    expect(await lastMutation(yunyan)).toBe(before);
    mutation.set(yunyan.deviceId, before);
  });

  it('never lets a pull pass an event that commits later, while desks of two bureaus push at once', async () => {
    const pulled: string[] = [];
    let cursor = 0;
    const pullOnce = async () => {
      const r = await s.request('GET', `/api/sync/pull?cursor=${cursor}&refCursor=1000000&limit=500`, {
        token: nanming.credential,
      });
      expect(r.status).toBe(200);
      pulled.push(...r.body.events.map((e: WireEvent) => e.id));
      cursor = r.body.cursor;
    };
    let pushing = true;
    const puller = (async () => {
      while (pushing) await pullOnce();
    })();
    const desk = async (d: EnrolledDevice, officer: Actor, prefix: string, first: number) => {
      for (let i = 0; i < 8; i++) {
        const id = `par-${d.deviceId}-${i}`;
        const r = await push(d, id, chain(id, officer, [opened(`${prefix}〔2026〕${first + i}号`)]));
        expect(r.status).toBe(200);
      }
    };
    await Promise.all([
      desk(nanming, nmOfficer, '南环罚', 10),
      desk(nanming2, nmOfficer, '南环罚', 510),
      desk(yunyan, yyOfficer, '云环罚', 10),
    ]);
    pushing = false;
    await puller;
    await pullOnce();
    const all = (
      await s.pool.query<{ id: string }>("SELECT id FROM case_events WHERE bureau_id = '520102' ORDER BY server_seq")
    ).rows.map((r) => r.id);
    expect(all.length).toBeGreaterThanOrEqual(17);
    // Every event of 南明 arrived exactly once and in server order: none was skipped by a cursor that ran ahead.
    expect(pulled).toEqual(all);
  });
});
