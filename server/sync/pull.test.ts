/** Pull (the bureau's cases only, a cursor that pages), reference data and number blocks. */
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
let province: string;
let nanming: EnrolledDevice;
let yunyan: EnrolledDevice;
let nmOfficer: Actor;
let yyOfficer: Actor;

beforeAll(async () => {
  // The protocol's rules on bare steps; the guards of pushed events: guards.test.ts.
  s = await startTestServer({ judgeGuards: false });
  province = await adminToken(s);
  nmOfficer = { id: await addUser(s, province, '520102', 'nm-officer', ['officer']), name: '南明办案员' };
  yyOfficer = { id: await addUser(s, province, '520103', 'yy-officer', ['officer']), name: '云岩办案员' };
  nanming = await enrolDevice(s, province, '520102');
  yunyan = await enrolDevice(s, province, '520103');
  // 南明: two cases of two events each; 云岩: one case.
  let m = 0;
  for (const id of ['nm-1', 'nm-2']) {
    const events = chain(id, nmOfficer, [
      opened(`南环罚〔2026〕${id.slice(3)}号`),
      action('submitFiling', 'filing.draft', 'filing.review'),
    ]);
    const r = await s.request('POST', '/api/sync/push', {
      token: nanming.credential,
      body: { mutations: [{ mutationId: ++m, caseId: id, events }] },
    });
    expect(r.body.applied).toEqual([m]);
  }
  const yy = chain('yy-1', yyOfficer, [opened('云环罚〔2026〕1号')]);
  expect(
    (
      await s.request('POST', '/api/sync/push', {
        token: yunyan.credential,
        body: { mutations: [{ mutationId: 1, caseId: 'yy-1', events: yy }] },
      })
    ).status,
  ).toBe(200);
});
afterAll(async () => {
  await s?.close();
});

const pull = (d: EnrolledDevice, query: string) => s.request('GET', `/api/sync/pull?${query}`, { token: d.credential });

describe('pull', () => {
  it("returns only the bureau's cases, in order, page by page with a working cursor", async () => {
    const first = await pull(nanming, 'cursor=0&limit=3');
    expect(first.status).toBe(200);
    expect(first.body.events).toHaveLength(3);
    expect(first.body.more).toBe(true);
    const second = await pull(nanming, `cursor=${first.body.cursor}&limit=3`);
    expect(second.body.events).toHaveLength(1);
    expect(second.body.more).toBe(false);
    const all: WireEvent[] = [...first.body.events, ...second.body.events];
    expect(all.map((e) => `${e.caseId}#${e.seq}`)).toEqual(['nm-1#1', 'nm-1#2', 'nm-2#1', 'nm-2#2']);
    expect(all.some((e) => e.caseId === 'yy-1')).toBe(false);
    // Nothing new after the last cursor; the cursor stays.
    const none = await pull(nanming, `cursor=${second.body.cursor}`);
    expect(none.body).toMatchObject({ events: [], cursor: second.body.cursor, more: false });
    const yy = await pull(yunyan, 'cursor=0');
    expect(yy.body.events.map((e: WireEvent) => e.caseId)).toEqual(['yy-1']);
  });

  it('hands events back exactly as pushed: their hashes still recompute on the workstation', async () => {
    const { eventHash } = await import('#core/store/eventHash.js');
    const r = await pull(nanming, 'cursor=0');
    for (const e of r.body.events as WireEvent[]) {
      const { hash, ...rest } = e;
      expect(eventHash(rest as never)).toBe(hash);
    }
  });

  it('returns reference data published after the reference cursor; a version once published is never replaced', async () => {
    const pub = (version: string, payload: unknown) =>
      s.request('POST', '/api/admin/reference', { token: province, body: { kind: 'procedures', version, payload } });
    // 一般程序 versions written as changes to the shipped one (the server checks them as a workstation would).
    const ordinary = (version: string) => ({ extends: 'ordinary@2026.2', changes: { version } });
    expect((await pub('2026.3', ordinary('2026.3'))).status).toBe(201);
    expect((await pub('2026.4', ordinary('2026.4'))).status).toBe(201);
    const again = await pub('2026.4', ordinary('2026.5'));
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('发布后不能修改');
    const r1 = await pull(nanming, 'cursor=0&refCursor=0');
    expect(r1.body.reference.map((x: { version: string }) => x.version)).toEqual(['2026.3', '2026.4']);
    const r2 = await pull(nanming, `cursor=0&refCursor=${r1.body.reference[0].seq}`);
    expect(r2.body.reference).toHaveLength(1);
    expect(r2.body.reference[0]).toMatchObject({
      kind: 'procedures',
      version: '2026.4',
      payload: ordinary('2026.4'),
    });
    // Only the province publishes.
    await addUser(s, province, '520100', 'gy-admin', ['admin']);
    const gy = await adminToken(s, 'gy-admin', 'Banan-renyuan-2026');
    const refused = await s.request('POST', '/api/admin/reference', {
      token: gy,
      body: { kind: 'procedures', version: '9', payload: {} },
    });
    expect(refused.status).toBe(403);
  });

  it("lists a prefecture's cases to its administrator, not another prefecture's", async () => {
    const gy = await adminToken(s, 'gy-admin', 'Banan-renyuan-2026');
    const r = await s.request('GET', '/api/cases', { token: gy });
    expect(r.status).toBe(200);
    expect(r.body.cases.map((c: { id: string }) => c.id).sort()).toEqual(['nm-1', 'nm-2', 'yy-1']);
    const nm = await s.request('GET', '/api/cases?bureauId=520102', { token: gy });
    expect(nm.body.cases.map((c: { id: string }) => c.id)).toEqual(['nm-1', 'nm-2']);
    expect(nm.body.cases[0]).toMatchObject({ bureauId: '520102', number: '南环罚〔2026〕1号', events: 2 });
    const zunyi = await s.request('GET', '/api/cases?bureauId=520302', { token: gy });
    expect(zunyi.status).toBe(403);
  });
});

describe('number blocks', () => {
  it("reserves consecutive blocks of a bureau's yearly sequence across its devices, separately per bureau and kind", async () => {
    const second = await enrolDevice(s, province, '520102');
    const reserve = (d: EnrolledDevice, body: unknown) =>
      s.request('POST', '/api/sync/number-block', { token: d.credential, body });
    const a = await reserve(nanming, { kind: 'caseNumber', year: 2026 });
    expect(a.status).toBe(201);
    expect(a.body).toEqual({ sequenceKey: '2026/caseNumber', start: 1, end: 50 });
    expect((await reserve(second, { kind: 'caseNumber', year: 2026, size: 20 })).body).toMatchObject({
      start: 51,
      end: 70,
    });
    expect((await reserve(nanming, { kind: 'caseNumber', year: 2026, size: 5 })).body).toMatchObject({
      start: 71,
      end: 75,
    });
    expect((await reserve(yunyan, { kind: 'caseNumber', year: 2026, size: 5 })).body).toMatchObject({
      start: 1,
      end: 5,
    });
    expect((await reserve(nanming, { kind: 'decision', year: 2026, size: 5 })).body).toMatchObject({
      start: 1,
      end: 5,
    });
    expect((await reserve(nanming, { kind: 'caseNumber', year: 2027, size: 5 })).body).toMatchObject({
      start: 1,
      end: 5,
    });
    // Concurrent requests never overlap and leave no gap.
    const many = await Promise.all(
      Array.from({ length: 8 }, () => reserve(second, { kind: 'notice', year: 2026, size: 3 })),
    );
    const ranges = many.map((r) => [r.body.start, r.body.end] as [number, number]).sort((x, y) => x[0] - y[0]);
    ranges.forEach(([start, end], i) => {
      expect(start).toBe(i * 3 + 1);
      expect(end).toBe(i * 3 + 3);
    });
    const blocks = (
      await s.pool.query(
        "SELECT device_id FROM number_blocks WHERE sequence_key = '2026/caseNumber' AND bureau_id = '520102' ORDER BY start_no",
      )
    ).rows;
    expect(blocks.map((b) => b.device_id)).toEqual([nanming.deviceId, second.deviceId, nanming.deviceId]);
    const bad = await reserve(nanming, { kind: 'caseNumber', year: 2026, size: 100000 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('号段不超过500个号');
  });
});
