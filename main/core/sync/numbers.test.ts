/**
 * 案号 from the server's number blocks (docs/decisions.md "Number blocks"), against the real provincial
 * server: two desks of 天柱县 opening cases while both offline never give the same 案号; a desk whose
 * block is spent refuses in Chinese and writes nothing until a sync refills it; the numbers a desk gave
 * before enrolment stay its own; a desk without a server keeps its own counter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/testing/testServer.js';
import { addUser, adminToken, userPassword } from '../../../server/testing/fixtures.js';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';
import { officerIdOf } from '../store/syncUsers.js';
import { SyncBlocks } from '../store/syncBlocks.js';
import type { FetchFn } from './http.js';
import { blockSize, refillBelow, stockedSequences } from './numbers.js';
import { enrolWithServer } from '../../../server/testing/enrolWithServer.js';

const county = '522627';
const today = '2026-12-07';
let server: TestServer;
let province: string;
const users = { zhang: '', li: '' };
const cores: TestCore[] = [];

interface Desk {
  t: TestCore;
  net: { offline: boolean };
}

async function desk(name: string, before?: (t: TestCore) => Promise<void>): Promise<Desk> {
  const net = { offline: false };
  const fetchFn: FetchFn = async (url, init) => {
    if (net.offline) throw new TypeError('fetch failed');
    return fetch(url, init);
  };
  const t = await createTestCore({ today, core: { sync: { fetch: fetchFn } } });
  cores.push(t);
  await before?.(t);
  await enrolWithServer(t, server, province, name);
  return { t, net };
}

const open = async (d: Desk) =>
  openCase(d.t, await d.t.login('zhang.wei', userPassword), {
    officerIds: [officerIdOf(users.zhang), officerIdOf(users.li)],
    discoveredOn: '2026-12-01',
    filedOn: '2026-12-02',
  });
const seqOf = (n: string) => Number(/〔2026〕(\d+)号$/.exec(n)![1]);

beforeAll(async () => {
  server = await startTestServer();
  province = await adminToken(server);
  users.zhang = await addUser(server, province, county, 'zhang.wei', ['officer'], '贵环执字522627101');
  users.li = await addUser(server, province, county, 'li.na', ['officer'], '贵环执字522627102');
}, 120_000);

afterAll(async () => {
  for (const t of cores) await t.close();
  await server?.close();
});

describe('number blocks on the workstation', () => {
  it('stocks the 案号 and every numbered document type, and last year too in January', () => {
    expect(stockedSequences(['penalty-decision', 'hearing-notice'], '2026-12-07')).toEqual([
      { kind: 'case', year: 2026 },
      { kind: 'hearing-notice', year: 2026 },
      { kind: 'penalty-decision', year: 2026 },
    ]);
    expect(stockedSequences([], '2027-01-03').map((s) => s.year)).toEqual([2027, 2026]);
  });

  it('keeps the numbers a desk gave before enrolment as its own, and numbers on after them', async () => {
    const a = await desk('执法一科工作站', async (t) => {
      await openCase(t, await t.login('officer'), { discoveredOn: '2026-12-01', filedOn: '2026-12-02' });
    });
    const held = new SyncBlocks(a.t.core.services.db).all().filter((b) => b.kind === 'case');
    expect(held).toEqual([
      { kind: 'case', year: 2026, start: 1, end: 1, next: 2 },
      { kind: 'case', year: 2026, start: 2, end: 1 + blockSize, next: 2 },
    ]);
    expect(seqOf((await open(a)).state.number)).toBe(2);
  });

  it('two desks opening cases while both are offline never give the same 案号; the server takes them all', async () => {
    const a = await desk('执法一科工作站（二）');
    const b = await desk('执法二科工作站');
    a.net.offline = true;
    b.net.offline = true;
    const numbers: string[] = [];
    for (const d of [a, b, a, b, b]) numbers.push((await open(d)).state.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    a.net.offline = false;
    b.net.offline = false;
    expect(await a.t.core.services.sync.round()).toMatchObject({ ok: true, pushed: 2 }); // one mutation a case
    expect(await b.t.core.services.sync.round()).toMatchObject({ ok: true, pushed: 3 });
    const onServer = (
      await server.pool.query<{ number: string }>("SELECT number FROM cases WHERE bureau_id = '522627'")
    ).rows.map((r) => r.number);
    for (const n of numbers) expect(onServer).toContain(n);
  });

  it('a desk whose block is spent offline refuses in Chinese, writes nothing, and numbers again after a sync', async () => {
    const d = await desk('局长室工作站');
    const s = d.t.core.services;
    const blocks = new SyncBlocks(s.db);
    expect(blocks.remaining('case', 2026)).toBeGreaterThanOrEqual(refillBelow);
    // Other cases took the rest of the block while the desk was offline.
    d.net.offline = true;
    s.db.transaction(() => {
      while (blocks.remaining('case', 2026) > 0) s.sequences.next(s.bureau().id, 'case', 2026);
    })();
    const before = s.cases.projection.list({ query: '', state: 'all', offset: 0, limit: 1 }, (n) => n).total;
    const refused = await expectFailure(open(d));
    expect(refused).toMatchObject({ code: 'NUMBERS_EXHAUSTED', message: '本机预留的案号已用完，请联网同步后再立案' });
    expect(s.cases.projection.list({ query: '', state: 'all', offset: 0, limit: 1 }, (n) => n).total).toBe(before);
    expect((await s.sync.round()).ok).toBe(false);
    d.net.offline = false;
    expect((await s.sync.round()).ok).toBe(true);
    expect(blocks.remaining('case', 2026)).toBe(blockSize);
    const n = (await open(d)).state.number;
    const last = blocks
      .all()
      .filter((b) => b.kind === 'case')
      .at(-1)!;
    expect(seqOf(n)).toBe(last.start);
  });

  it('a desk without a server keeps its own counter', async () => {
    const t = await createTestCore({ today });
    cores.push(t);
    const officer = await t.login('officer');
    const first = await openCase(t, officer, { discoveredOn: '2026-12-01', filedOn: '2026-12-02' });
    const second = await openCase(t, officer, { discoveredOn: '2026-12-01', filedOn: '2026-12-02' });
    expect([seqOf(first.state.number), seqOf(second.state.number)]).toEqual([1, 2]);
  });
});
