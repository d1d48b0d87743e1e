/** Push against a real PostgreSQL over real HTTP: idempotence, gaps, bureaus, hashes, conflicts, clocks, the law. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import {
  action,
  addUser,
  adminToken,
  chain,
  enrolDevice,
  opened,
  type Actor,
  type EnrolledDevice,
} from '../testing/fixtures.js';
import type { WireEvent } from '#common/sync/events.js';

let s: TestServer;
let nanming: EnrolledDevice;
let nanming2: EnrolledDevice;
let yunyan: EnrolledDevice;
let officer: Actor;
let head: Actor;
let yunyanOfficer: Actor;

const count = async (sql: string, params: unknown[] = []): Promise<number> =>
  Number((await s.pool.query(sql, params)).rows[0].n);
const lastMutation = async (d: EnrolledDevice): Promise<number> =>
  Number(
    (await s.pool.query('SELECT last_mutation_id FROM devices WHERE id = $1', [d.deviceId])).rows[0].last_mutation_id,
  );
const push = (d: EnrolledDevice, mutations: Array<{ mutationId: number; caseId: string; events: WireEvent[] }>) =>
  s.request('POST', '/api/sync/push', { token: d.credential, body: { mutations } });
const head0 = (events: WireEvent[]) => ({ seq: events.at(-1)!.seq, hash: events.at(-1)!.hash });

beforeAll(async () => {
  // The protocol's rules on bare steps; the guards of pushed events: guards.test.ts.
  s = await startTestServer({ judgeGuards: false });
  const token = await adminToken(s);
  officer = { id: await addUser(s, token, '520102', 'nm-officer', ['officer'], '52010201'), name: '南明办案员' };
  head = { id: await addUser(s, token, '520102', 'nm-head', ['head'], '52010202'), name: '南明负责人' };
  yunyanOfficer = { id: await addUser(s, token, '520103', 'yy-officer', ['officer'], '52010301'), name: '云岩办案员' };
  nanming = await enrolDevice(s, token, '520102');
  nanming2 = await enrolDevice(s, token, '520102', '执法二科工作站');
  yunyan = await enrolDevice(s, token, '520103');
});
afterAll(async () => {
  await s?.close();
});

describe('push', () => {
  it('applies a mutation once: the same mutation again is acknowledged and writes nothing', async () => {
    const events = chain('case-idem', officer, [
      opened('南环罚〔2026〕1号'),
      action('submitFiling', 'filing.draft', 'filing.review'),
    ]);
    const first = await push(nanming, [{ mutationId: 1, caseId: 'case-idem', events }]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ lastMutationId: 1, applied: [1], conflict: null });
    const again = await push(nanming, [{ mutationId: 1, caseId: 'case-idem', events }]);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ lastMutationId: 1, applied: [], conflict: null });
    expect(await count('SELECT count(*) AS n FROM case_events WHERE case_id = $1', ['case-idem'])).toBe(2);
    expect(await lastMutation(nanming)).toBe(1);
    // The projection is the workstation's reducer's: the case stands where submitFiling took it.
    const c = (await s.pool.query('SELECT bureau_id, head_seq, state FROM cases WHERE id = $1', ['case-idem'])).rows[0];
    expect(c).toMatchObject({ bureau_id: '520102', head_seq: 2 });
    expect(c.state.node).toBe('filing.review');
  });

  it('acknowledges events the server already holds under a new mutation id (same hash) without a second copy', async () => {
    const events = chain('case-known', officer, [opened('南环罚〔2026〕2号')]);
    expect((await push(nanming, [{ mutationId: 2, caseId: 'case-known', events }])).body.applied).toEqual([2]);
    const more = chain('case-known', officer, [action('submitFiling', 'filing.draft', 'filing.review')], head0(events));
    const r = await push(nanming, [{ mutationId: 3, caseId: 'case-known', events: [...events, ...more] }]);
    expect(r.body).toMatchObject({ lastMutationId: 3, applied: [3], conflict: null });
    expect(await count('SELECT count(*) AS n FROM case_events WHERE case_id = $1', ['case-known'])).toBe(2);
  });

  it('refuses a gap in the mutation ids and writes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM case_events');
    const r = await push(nanming, [
      { mutationId: 6, caseId: 'case-gap', events: chain('case-gap', officer, [opened('南环罚〔2026〕3号')]) },
    ]);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('MUTATION_GAP');
    expect(r.body.error.message).toContain('请从第4项起');
    expect(r.body.error.details).toEqual({ lastMutationId: 3 });
    expect(await count('SELECT count(*) AS n FROM case_events')).toBe(before);
    expect(await lastMutation(nanming)).toBe(3);
  });

  it("refuses another bureau's case and changes nothing", async () => {
    const before = await count('SELECT count(*) AS n FROM case_events');
    const more = chain('case-idem', yunyanOfficer, [action('approveFiling', 'filing.review', 'investigation')], {
      seq: 2,
      hash: (await s.pool.query('SELECT head_hash FROM cases WHERE id = $1', ['case-idem'])).rows[0].head_hash,
    });
    const r = await push(yunyan, [{ mutationId: 1, caseId: 'case-idem', events: more }]);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'FORBIDDEN_CASE' });
    expect(r.body.error.message).toMatch(/其他单位/);
    expect(await count('SELECT count(*) AS n FROM case_events')).toBe(before);
    expect(await lastMutation(yunyan)).toBe(0);
  });

  it('refuses a forged event (hash does not recompute) and a forged chain, writing nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM case_events');
    const events = chain('case-forged', officer, [
      opened('南环罚〔2026〕4号'),
      action('submitFiling', 'filing.draft', 'filing.review'),
    ]);
    const tampered = [events[0]!, { ...events[1]!, payload: { ...events[1]!.payload, on: '2026-12-03' } }];
    const r = await push(nanming, [{ mutationId: 4, caseId: 'case-forged', events: tampered }]);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('HASH_MISMATCH');
    expect(r.body.error.message).toContain('第2条事件');
    // Each event hashes right, but the second does not link to the first: the chain is forged.
    const other = chain('case-forged', officer, [opened('南环罚〔2026〕4号')]);
    const relinked = chain(
      'case-forged',
      officer,
      [action('submitFiling', 'filing.draft', 'filing.review')],
      head0(other),
    );
    const broken = await push(nanming, [{ mutationId: 4, caseId: 'case-forged', events: [events[0]!, relinked[0]!] }]);
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('HASH_CHAIN');
    expect(await count('SELECT count(*) AS n FROM case_events')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM cases WHERE id = $1', ['case-forged'])).toBe(0);
    expect(await lastMutation(nanming)).toBe(3);
  });

  it('answers a conflict when another desk was first: nothing written, the server head and the missing events returned', async () => {
    const opening = chain('case-race', officer, [opened('南环罚〔2026〕5号')]);
    expect((await push(nanming, [{ mutationId: 4, caseId: 'case-race', events: opening }])).body.applied).toEqual([4]);
    // Desk 2 pulled the opening (its mutation 1 carries it again, a no-op) and submits first.
    const desk2 = chain(
      'case-race',
      officer,
      [action('submitFiling', 'filing.draft', 'filing.review')],
      head0(opening),
    );
    expect((await push(nanming2, [{ mutationId: 1, caseId: 'case-race', events: desk2 }])).body.applied).toEqual([1]);
    // Desk 1 acts on the state it had: its event continues the opening, not the server's head.
    const before = await count('SELECT count(*) AS n FROM case_events');
    const desk1 = chain(
      'case-race',
      officer,
      [action('submitFiling', 'filing.draft', 'filing.review')],
      head0(opening),
    );
    const r = await push(nanming, [{ mutationId: 5, caseId: 'case-race', events: desk1 }]);
    expect(r.status).toBe(200);
    expect(r.body.applied).toEqual([]);
    expect(r.body.lastMutationId).toBe(4);
    expect(r.body.conflict).toMatchObject({ mutationId: 5, caseId: 'case-race', serverHead: head0(desk2) });
    expect(r.body.conflict.missing.map((e: WireEvent) => e.id)).toEqual([desk2[0]!.id]);
    expect(r.body.conflict.missing[0]).toEqual(desk2[0]);
    expect(await count('SELECT count(*) AS n FROM case_events')).toBe(before);
    expect(await lastMutation(nanming)).toBe(4);
  });

  it('keeps the mutations before a conflict and stops at it', async () => {
    const a = chain('case-before', officer, [opened('南环罚〔2026〕6号')]);
    const stale = chain('case-race', officer, [action('submitFiling', 'filing.draft', 'filing.review')], {
      seq: 1,
      hash: (await s.pool.query("SELECT hash FROM case_events WHERE case_id = 'case-race' AND seq = 1")).rows[0].hash,
    });
    const r = await push(nanming, [
      { mutationId: 5, caseId: 'case-before', events: a },
      { mutationId: 6, caseId: 'case-race', events: stale },
    ]);
    expect(r.body).toMatchObject({ lastMutationId: 5, applied: [5] });
    expect(r.body.conflict.mutationId).toBe(6);
    expect(await lastMutation(nanming)).toBe(5);
  });

  it('refuses stamps more than 5 minutes ahead of the server, saying by how much the PC is off', async () => {
    const future = Date.now() + 2 * 3600_000;
    const events = chain('case-future', officer, [opened('南环罚〔2026〕7号')], undefined, future);
    const r = await push(nanming, [{ mutationId: 6, caseId: 'case-future', events }]);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('CLOCK_DRIFT');
    expect(r.body.error.message).toMatch(/本机时钟比服务器快约(1小时59分|2小时)/);
    expect(r.body.error.message).toContain('5分钟');
    expect(await count('SELECT count(*) AS n FROM cases WHERE id = $1', ['case-future'])).toBe(0);
    // Two minutes ahead is within the bound.
    const near = chain('case-near', officer, [opened('南环罚〔2026〕8号')], undefined, Date.now() + 2 * 60_000);
    expect((await push(nanming, [{ mutationId: 6, caseId: 'case-near', events: near }])).body.applied).toEqual([6]);
  });

  it('refuses events the law forbids: an action from the wrong node, by the wrong role, or an unknown procedure', async () => {
    const open = chain('case-law', officer, [opened('南环罚〔2026〕9号')]);
    // 批准立案 only at 立案审批, and only by a 负责人.
    const skip = chain(
      'case-law',
      head,
      [action('approveFiling', 'filing.review', 'investigation', { approval: true })],
      head0(open),
    );
    const r1 = await push(nanming, [{ mutationId: 7, caseId: 'case-law', events: [...open, ...skip] }]);
    expect(r1.status).toBe(422);
    expect(r1.body.error.code).toBe('PROCEDURE_VIOLATION');
    expect(r1.body.error.message).toMatch(/第2条事件（程序操作）不符合法定程序：案件当前处于“.+”，“.+”仅在“.+”时可用/);
    const submitted = chain(
      'case-law',
      officer,
      [action('submitFiling', 'filing.draft', 'filing.review')],
      head0(open),
    );
    const byOfficer = chain(
      'case-law',
      officer,
      [action('approveFiling', 'filing.review', 'investigation', { approval: true })],
      head0(submitted),
    );
    const r2 = await push(nanming, [
      { mutationId: 7, caseId: 'case-law', events: [...open, ...submitted, ...byOfficer] },
    ]);
    expect(r2.status).toBe(422);
    expect(r2.body.error.message).toContain('须由负责人执行');
    // A user of another bureau is no actor here.
    const stranger = chain('case-law2', yunyanOfficer, [opened('南环罚〔2026〕10号')]);
    const r3 = await push(nanming, [{ mutationId: 7, caseId: 'case-law2', events: stranger }]);
    expect(r3.body.error.message).toContain('不是本单位在服务器登记的用户');
    const unknown = chain('case-law3', officer, [
      {
        type: 'case.opened',
        payload: { ...opened('南环罚〔2026〕11号').payload, procedure: { id: 'ordinary', version: '1999.1' } },
      },
    ]);
    const r4 = await push(nanming, [{ mutationId: 7, caseId: 'case-law3', events: unknown }]);
    expect(r4.body.error.message).toContain('未知的程序定义');
    expect(await count("SELECT count(*) AS n FROM cases WHERE id LIKE 'case-law%'")).toBe(0);
    // The lawful path goes through.
    const approved = chain(
      'case-law',
      head,
      [action('approveFiling', 'filing.review', 'investigation', { approval: true })],
      head0(submitted),
    );
    const ok = await push(nanming, [
      { mutationId: 7, caseId: 'case-law', events: [...open, ...submitted, ...approved] },
    ]);
    expect(ok.body).toMatchObject({ applied: [7], conflict: null });
  });

  it('refuses a case number the bureau already uses, an event id reused with other content, and a case that never opened', async () => {
    const dup = chain('case-dup', officer, [opened('南环罚〔2026〕1号')]);
    const r1 = await push(nanming, [{ mutationId: 8, caseId: 'case-dup', events: dup }]);
    expect(r1.status).toBe(409);
    expect(r1.body.error).toMatchObject({ code: 'DUPLICATE_NUMBER' });
    const stored = (await s.pool.query("SELECT id FROM case_events WHERE case_id = 'case-idem' AND seq = 1")).rows[0]
      .id as string;
    const reused = chain('case-reuse', officer, [opened('南环罚〔2026〕12号')]).map((e) => ({ ...e, id: stored }));
    const r2 = await push(nanming, [{ mutationId: 8, caseId: 'case-reuse', events: reused }]);
    expect(r2.body.error.code).toMatch(/EVENT_ID_REUSED|HASH_MISMATCH/);
    const orphan = chain('case-orphan', officer, [action('submitFiling', 'filing.draft', 'filing.review')]);
    const r3 = await push(nanming, [{ mutationId: 8, caseId: 'case-orphan', events: orphan }]);
    expect(r3.status).toBe(422);
    expect(r3.body.error.code).toBe('EVENT_INVALID');
    expect(await lastMutation(nanming)).toBe(7);
  });

  it('refuses wrong types with a Chinese message and without a device credential', async () => {
    const bad = await s.request('POST', '/api/sync/push', {
      token: nanming.credential,
      body: { mutations: [{ mutationId: '9', caseId: 1, events: 'x' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION');
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(bad.body.error.message).toContain('mutations.0.mutationId');
    const nul = chain('case-nul', officer, [
      { type: 'case.opened', payload: { ...opened('南环罚〔2026〕13号').payload, summary: 'a\u0000b' } },
    ]);
    const r = await push(nanming, [{ mutationId: 8, caseId: 'case-nul', events: nul }]);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('空字符');
    const anonymous = await s.request('POST', '/api/sync/push', { body: { mutations: [] } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('DEVICE_UNKNOWN');
  });
});

describe('numbers from blocks', () => {
  it("refuses a 案号 outside the device's blocks (another desk's, or never reserved), and a malformed one", async () => {
    const m = await lastMutation(nanming2);
    const before = await count('SELECT count(*) AS n FROM case_events');
    // nanming holds 1–500 of 2026, nanming2 501–1000: 20号 is nanming's.
    for (const number of ['南环罚〔2026〕20号', '南环罚〔2026〕5000号', '南环罚〔2025〕501号', '南环罚2026-501']) {
      const events = chain(`case-nr-${number.length}-${number.at(-2)}`, officer, [opened(number)]);
      const r = await push(nanming2, [{ mutationId: m + 1, caseId: events[0]!.caseId, events }]);
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('NUMBER_NOT_RESERVED');
      expect(r.body.error.message).toMatch(/号段|格式不正确/);
    }
    expect(await count('SELECT count(*) AS n FROM case_events')).toBe(before);
    const own = chain('case-nr-own', officer, [opened('南环罚〔2026〕501号')]);
    expect((await push(nanming2, [{ mutationId: m + 1, caseId: 'case-nr-own', events: own }])).body.applied).toEqual([
      m + 1,
    ]);
  });

  it('keeps the numbers a desk gave before enrolment as its own, unless the bureau already handed them out', async () => {
    const token = await adminToken(s);
    const island = await enrolDevice(s, token, '520111'); // 花溪区: its 2026 case block is 1–500
    const reserve = (body: unknown) => s.request('POST', '/api/sync/number-block', { token: island.credential, body });
    // A first request for 2027 declaring 1–7 used as an island: 1–7 recorded as the device's, the block follows.
    const r = await reserve({ kind: 'case', year: 2027, size: 10, usedBefore: 7 });
    expect(r.body).toEqual({ sequenceKey: '2027/case', start: 8, end: 17, claimed: { start: 1, end: 7 } });
    // Declared again (not the first request): nothing claimed, nothing skipped.
    expect((await reserve({ kind: 'case', year: 2027, size: 10, usedBefore: 30 })).body).toEqual({
      sequenceKey: '2027/case',
      start: 18,
      end: 27,
    });
    // Numbers already handed out (2026: 1–500 to the fixture's block) are never claimed twice.
    const other = await enrolDevice(s, token, '520111', '二科');
    const r2 = await s.request('POST', '/api/sync/number-block', {
      token: other.credential,
      body: { kind: 'notice', year: 2026, size: 5, usedBefore: 0 },
    });
    expect(r2.body).toMatchObject({ start: 1, end: 5 });
    const r3 = await s.request('POST', '/api/sync/number-block', {
      token: other.credential,
      body: { kind: 'case', year: 2025, size: 5, usedBefore: 3 },
    });
    expect(r3.body).toMatchObject({ start: 4, end: 8, claimed: { start: 1, end: 3 } });
    const r4 = await reserve({ kind: 'case', year: 2025, size: 5, usedBefore: 2 });
    expect(r4.body).toEqual({ sequenceKey: '2025/case', start: 9, end: 13 });
  });
});

describe('hostile pushes change nothing', () => {
  const total = async () => ({
    events: await count('SELECT count(*) AS n FROM case_events'),
    cases: await count('SELECT count(*) AS n FROM cases'),
  });
  const firstCaseNumber = async (d: EnrolledDevice) =>
    `南环罚〔2026〕${(await s.pool.query("SELECT min(start_no) AS n FROM number_blocks WHERE device_id = $1 AND sequence_key = '2026/case'", [d.deviceId])).rows[0].n}号`;

  it('refuses a push over 16 MB with 413 in Chinese; nothing is written and the counter stays', async () => {
    const token = await adminToken(s);
    const d = await enrolDevice(s, token, '520102', '大包工作站');
    const before = await total();
    const big = chain('case-huge', officer, [
      {
        type: 'case.opened',
        payload: { ...opened(await firstCaseNumber(d)).payload, summary: '超'.repeat(6_000_000) },
      },
    ]);
    const r = await push(d, [{ mutationId: 1, caseId: 'case-huge', events: big }]);
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'REQUEST_TOO_LARGE', message: expect.stringContaining('请求内容过大') });
    expect(await total()).toEqual(before);
    expect(await lastMutation(d)).toBe(0);
  });

  it('refuses a revoked credential that pushes a real case, and a replayed mutation id with other content', async () => {
    const token = await adminToken(s);
    const d = await enrolDevice(s, token, '520102', '撤销工作站');
    const number = await firstCaseNumber(d);
    const events = chain('case-replay', officer, [opened(number)]);
    expect((await push(d, [{ mutationId: 1, caseId: 'case-replay', events }])).body.applied).toEqual([1]);
    const before = await total();
    // The same mutation id again, its content changed (a captured request replayed and edited): skipped, never applied.
    const edited = chain(
      'case-replay',
      officer,
      [action('submitFiling', 'filing.draft', 'filing.review')],
      head0(events),
    );
    const replayed = await push(d, [{ mutationId: 1, caseId: 'case-replay', events: [...events, ...edited] }]);
    expect(replayed.body).toMatchObject({ lastMutationId: 1, applied: [], conflict: null });
    expect(await total()).toEqual(before);
    // Revoked: the next mutation, lawful as it is, is refused and writes nothing.
    expect((await s.request('POST', `/api/devices/${d.deviceId}/revoke`, { token })).status).toBe(200);
    const r = await push(d, [{ mutationId: 2, caseId: 'case-replay', events: edited }]);
    expect(r.status).toBe(401);
    expect(r.body.error).toMatchObject({ code: 'DEVICE_REVOKED', message: expect.stringContaining('已被管理员撤销') });
    expect(await total()).toEqual(before);
    expect(await lastMutation(d)).toBe(1);
  });
});
