/** Reserved but unused 案号/文号 at year end: blocks minus the numbers pushed, per device, over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import {
  addUser,
  adminToken,
  chain,
  enrolDevice,
  opened,
  userPassword,
  type EnrolledDevice,
} from '../testing/fixtures.js';
import { unusedRanges } from './unused.js';

describe('unusedRanges', () => {
  it('lists the numbers of a block not used, as ranges in order', () => {
    expect(unusedRanges(1, 10, new Set([1, 2, 4, 8, 9]))).toEqual([
      { start: 3, end: 3 },
      { start: 5, end: 7 },
      { start: 10, end: 10 },
    ]);
    expect(unusedRanges(51, 55, new Set([51, 52, 53, 54, 55]))).toEqual([]);
    expect(unusedRanges(51, 55, new Set([7]))).toEqual([{ start: 51, end: 55 }]);
  });
});

let s: TestServer;
let province: string;
let nanming: EnrolledDevice;
let nanming2: EnrolledDevice;

beforeAll(async () => {
  s = await startTestServer();
  province = await adminToken(s);
  const officer = { id: await addUser(s, province, '520102', 'nm-officer', ['officer']), name: '南明办案员' };
  await addUser(s, province, '520103', 'yy-head', ['head']);
  nanming = await enrolDevice(s, province, '520102'); // 案号 1–500 of 2026
  nanming2 = await enrolDevice(s, province, '520102', '执法二科工作站'); // 501–1000
  let m = 0;
  for (const n of [1, 2, 4]) {
    const id = `un-${n}`;
    const r = await s.request('POST', '/api/sync/push', {
      token: nanming.credential,
      body: {
        mutations: [{ mutationId: ++m, caseId: id, events: chain(id, officer, [opened(`南环罚〔2026〕${n}号`)]) }],
      },
    });
    expect(r.body.applied).toEqual([m]);
  }
  // A 决定书 block of nanming, and its 文号 2 given (written as push writes a document.generated event).
  const block = await s.request('POST', '/api/sync/number-block', {
    token: nanming.credential,
    body: { kind: 'decision', year: 2026, size: 5 },
  });
  expect(block.body).toMatchObject({ start: 1, end: 5 });
  await s.pool.query(
    `INSERT INTO case_events (id, case_id, seq, type, payload, actor_id, actor_name, device, hlc, at, prev_hash, hash, bureau_id, device_id, received_at)
     VALUES ('un-doc', 'un-1', 2, 'document.generated', $1, $2, '南明办案员', 'ws', 'h', '2026-12-07T00:00:00Z', 'p', 'h', '520102', $3, now())`,
    [JSON.stringify({ type: 'decision', number: '南环罚决〔2026〕2号' }), officer.id, nanming.deviceId],
  );
  expect((await s.request('POST', `/api/devices/${nanming2.deviceId}/revoke`, { token: province })).status).toBe(200);
});
afterAll(async () => {
  await s?.close();
});

describe('GET /api/supervision/numbers/unused', () => {
  it('lists each block with the numbers never given, its device and whether the device is revoked', async () => {
    const r = await s.request('GET', '/api/supervision/numbers/unused?year=2026&bureauId=520102', { token: province });
    expect(r.status).toBe(200);
    const blocks = r.body.blocks as Array<Record<string, unknown>>;
    expect(blocks.map((b) => [b.kind, b.start, b.end, b.deviceId, b.revoked, b.unused, b.unusedCount])).toEqual([
      [
        'case',
        1,
        500,
        nanming.deviceId,
        false,
        [
          { start: 3, end: 3 },
          { start: 5, end: 500 },
        ],
        497,
      ],
      ['case', 501, 1000, nanming2.deviceId, true, [{ start: 501, end: 1000 }], 500],
      [
        'decision',
        1,
        5,
        nanming.deviceId,
        false,
        [
          { start: 1, end: 1 },
          { start: 3, end: 5 },
        ],
        4,
      ],
    ]);
    expect(blocks[0]).toMatchObject({ bureauName: '贵阳市生态环境局南明区分局', deviceName: '执法一科工作站' });
    expect(r.body.total).toBe(497 + 500 + 4);
    // The province's subtree holds the same blocks; another year none.
    expect((await s.request('GET', '/api/supervision/numbers/unused?year=2026', { token: province })).body.total).toBe(
      1001,
    );
    expect((await s.request('GET', '/api/supervision/numbers/unused?year=2025', { token: province })).body).toEqual({
      year: 2025,
      blocks: [],
      total: 0,
    });
  });

  it("refuses another county's numbers, a bad year and no session, in Chinese", async () => {
    const login = await s.request('POST', '/api/supervision/login', {
      body: { username: 'yy-head', password: userPassword },
    });
    expect(login.status).toBe(200);
    const head = login.body.token as string;
    const other = await s.request('GET', '/api/supervision/numbers/unused?year=2026&bureauId=520102', { token: head });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain('只能查看本单位及下级单位');
    expect((await s.request('GET', '/api/supervision/numbers/unused?year=2026', { token: head })).body.total).toBe(0);
    const bad = await s.request('GET', '/api/supervision/numbers/unused?year=abc', { token: province });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/年份|数字/);
    expect((await s.request('GET', '/api/supervision/numbers/unused?year=2026')).status).toBe(401);
  });
});
