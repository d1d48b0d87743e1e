/**
 * The sync client against the real provincial server (embedded PostgreSQL + HTTP on loopback, one per
 * file): two workstations of 天柱县 enrol, carry a case between desks, act on one case while apart
 * (first wins; the other re-applies what is still lawful and keeps the rest as a conflict), lose a
 * push reply after the server committed, meet a drifting clock, a server that looks empty and a
 * revoked credential. Nothing is lost or duplicated: every case's events are compared across desks
 * and the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/testing/testServer.js';
import { addUser, adminToken, userPassword } from '../../../server/testing/fixtures.js';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { CaseRunner, openCase } from '../testing/caseRunner.js';
import { makePng } from '../testing/png.js';
import { officerIdOf } from '../store/syncUsers.js';
import { nextDelayMs } from './client.js';
import type { FetchFn } from './http.js';
import { enrolWithServer } from '../../../server/testing/enrolWithServer.js';

const county = '522627'; // 天柱县: the demo bureau's county
const today = '2026-12-07';

interface Faults {
  /** The next push with mutations reaches the server, which commits; its reply is lost. */
  losePushReply: boolean;
  /** Pulls answer as an emptied server would. */
  emptyServer: boolean;
}

interface Desk {
  t: TestCore;
  faults: Faults;
  admin: string;
}

let server: TestServer;
let province: string;
const users = { zhang: '', li: '', head: '' };
const desks: Desk[] = [];

function faultyFetch(faults: Faults): FetchFn {
  return async (url, init) => {
    if (faults.emptyServer && url.includes('/api/sync/pull')) {
      const body = {
        events: [],
        cursor: 0,
        reference: [],
        refCursor: 0,
        more: false,
        serverTime: new Date().toISOString(),
      };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    const res = await fetch(url, init);
    if (faults.losePushReply && url.endsWith('/api/sync/push') && String(init.body).includes('"events"')) {
      faults.losePushReply = false;
      await res.text();
      throw new TypeError('fetch failed');
    }
    return res;
  };
}

async function code(): Promise<string> {
  const r = await server.request('POST', '/api/admin/enrolment-codes', { token: province, body: { bureauId: county } });
  return r.body.code as string;
}

async function desk(name: string): Promise<Desk> {
  const faults: Faults = { losePushReply: false, emptyServer: false };
  const t = await createTestCore({ today, core: { sync: { fetch: faultyFetch(faults) } } });
  const admin = await enrolWithServer(t, server, province, name, `${server.url}/`);
  const d = { t, faults, admin };
  desks.push(d);
  return d;
}

const sync = async (d: Desk) => d.t.core.services.sync.round();
const login = (d: Desk, username: string) => d.t.login(username, userPassword);
const hashes = (d: Desk, caseId: string) => d.t.core.services.cases.log.forCase(caseId).map((e) => e.hash);

async function serverEvents(caseId: string): Promise<Array<{ id: string; hash: string }>> {
  return (await server.pool.query('SELECT id, hash FROM case_events WHERE case_id = $1 ORDER BY seq', [caseId])).rows;
}

/** A case opened by 张伟 on the desk, its 立案审批表 made and submitted: it waits at 立案审批. */
async function caseAtFilingReview(d: Desk): Promise<string> {
  const officer = await login(d, 'zhang.wei');
  const view = await openCase(d.t, officer, {
    officerIds: [officerIdOf(users.zhang), officerIdOf(users.li)],
    discoveredOn: '2026-12-01',
    filedOn: '2026-12-02',
  });
  const run = new CaseRunner(d.t, { setDate: (x) => d.t.clock.setDate(x) }, officer, '', '');
  run.caseId = view.state.id;
  run.today = today;
  await run.gen('filing-approval');
  await run.act(officer, 'submitFiling');
  return view.state.id;
}

const photo = (caseId: string) => ({
  caseId,
  kind: 'photo' as const,
  fileName: '排气筒.png',
  contentBase64: makePng(64, 48, 3).toString('base64'),
  description: '1号排气筒排放状况',
  takenOn: today,
});

beforeAll(async () => {
  server = await startTestServer();
  province = await adminToken(server);
  users.zhang = await addUser(server, province, county, 'zhang.wei', ['officer'], '贵环执字522627101');
  users.li = await addUser(server, province, county, 'li.na', ['officer'], '贵环执字522627102');
  users.head = await addUser(server, province, county, 'yang.head', ['head']);
}, 120_000);

afterAll(async () => {
  for (const d of desks) await d.t.close();
  await server?.close();
});

describe('sync client', () => {
  it('backs off exponentially after failed rounds, and runs every interval when all is well', () => {
    expect([0, 1, 2, 3, 10, 20].map((n) => nextDelayMs(n, 300_000))).toEqual([
      300_000, 30_000, 60_000, 120_000, 1_800_000, 1_800_000,
    ]);
  });

  it('enrols only with an administrator, a valid address and a code of this county; the credential is never shown', async () => {
    const t = await createTestCore({ today });
    desks.push({ t, faults: { losePushReply: false, emptyServer: false }, admin: '' });
    const admin = await t.login('admin');
    const officer = await t.login('officer');
    expect(
      (await expectFailure(t.call(officer, 'sync.enrol', { serverUrl: server.url, code: 'X', deviceName: 'a' }))).code,
    ).toBe('FORBIDDEN_ROLE');
    const badUrl = await expectFailure(
      t.call(admin, 'sync.enrol', { serverUrl: 'ftp://x', code: 'X', deviceName: 'a' }),
    );
    expect(badUrl.message).toContain('服务器地址应形如');
    const badCode = await expectFailure(
      t.call(admin, 'sync.enrol', { serverUrl: server.url, code: 'AAAA-BBBB-CCCC-DDDD', deviceName: '一科' }),
    );
    expect(badCode.message).toContain('登记码无效');
    const other = await server.request('POST', '/api/admin/enrolment-codes', {
      token: province,
      body: { bureauId: '520102' },
    });
    const wrongCounty = await expectFailure(
      t.call(admin, 'sync.enrol', { serverUrl: server.url, code: other.body.code, deviceName: '一科' }),
    );
    expect(wrongCounty.message).toContain('未保存登记');
    expect((await t.call(officer, 'sync.status', {})).enrolled).toBe(false);
    expect((await expectFailure(t.call(officer, 'sync.now', {}))).code).toBe('NOT_ENROLLED');
    const unreachable = await expectFailure(
      t.call(admin, 'sync.enrol', {
        serverUrl: 'http://127.0.0.1:9/',
        code: 'AAAA-BBBB-CCCC-DDDD',
        deviceName: '一科',
      }),
    );
    expect(unreachable.message).toContain('无法连接同步服务器');
  });

  it('carries a case between desks: the officer opens it on A, the head on B sees it and acts, A follows', async () => {
    const a = await desk('执法一科工作站');
    const b = await desk('局长室工作站');
    const status = await a.t.call(a.admin, 'sync.status', {});
    expect(status).toMatchObject({
      enrolled: true,
      server: { bureau: expect.stringContaining('天柱') },
      lastError: null,
    });
    const credential = a.t.core.services.sync.store.enrolment()!.credential;
    expect(JSON.stringify(status)).not.toContain(credential);
    expect(status.changes.join()).toContain('新增用户');

    const caseId = await caseAtFilingReview(a);
    const officer = await login(a, 'zhang.wei');
    expect((await a.t.call(officer, 'sync.status', {})).pending).toBe(3);
    expect(await sync(a)).toMatchObject({ ok: true, pushed: 3 });
    expect((await a.t.call(officer, 'sync.status', {})).pending).toBe(0);

    expect(await sync(b)).toMatchObject({ ok: true, pulled: 3 });
    const head = await login(b, 'yang.head');
    expect((await b.t.call(head, 'cases.list', { query: '', state: 'all', offset: 0, limit: 10 })).total).toBe(1);
    expect((await b.t.call(head, 'cases.get', { caseId })).state.node).toBe('filing.review');
    await b.t.call(head, 'cases.act', {
      caseId,
      action: 'approveFiling',
      data: { comment: '同意立案' },
      track: 'main',
    });
    expect(await sync(b)).toMatchObject({ ok: true, pushed: 1 });

    expect(await sync(a)).toMatchObject({ ok: true, pulled: 1 });
    expect((await a.t.call(officer, 'cases.get', { caseId })).state.node).toBe('investigation');
    const server4 = await serverEvents(caseId);
    expect(server4).toHaveLength(4);
    expect(hashes(a, caseId)).toEqual(server4.map((e) => e.hash));
    expect(hashes(b, caseId)).toEqual(server4.map((e) => e.hash));
  });

  it('two desks act on one case while apart: the first wins, the other re-applies what is still lawful and keeps the rest', async () => {
    const [a, b] = desks.slice(1) as [Desk, Desk];
    const caseId = await caseAtFilingReview(a);
    await sync(a);
    await sync(b);
    // Apart: on A the officer adds a photo and the head sends the filing back; on B the head approves it.
    const officerA = await login(a, 'zhang.wei');
    const headA = await login(a, 'yang.head');
    await a.t.call(officerA, 'evidence.add', photo(caseId));
    await a.t.call(headA, 'cases.act', {
      caseId,
      action: 'rejectFiling',
      data: { comment: '请补充现场检查照片' },
      track: 'main',
    });
    const headB = await login(b, 'yang.head');
    await b.t.call(headB, 'cases.act', {
      caseId,
      action: 'approveFiling',
      data: { comment: '同意立案' },
      track: 'main',
    });
    expect(await sync(b)).toMatchObject({ ok: true, pushed: 1 });

    expect(await sync(a)).toMatchObject({ ok: true, reapplied: 1, conflicts: 1 });
    const onServer = await serverEvents(caseId);
    expect(onServer).toHaveLength(5); // 立案, 审批表, 提交, B's approval, A's photo — once each
    expect(new Set(onServer.map((e) => e.id)).size).toBe(5);
    expect(hashes(a, caseId)).toEqual(onServer.map((e) => e.hash));
    const viewA = await a.t.call(officerA, 'cases.get', { caseId });
    expect(viewA.state.node).toBe('investigation');
    expect(viewA.state.evidence).toHaveLength(1);
    const [conflict, ...more] = await a.t.call(headA, 'sync.conflicts', {});
    expect(more).toEqual([]);
    expect(conflict).toMatchObject({ caseId, kind: 'unlawful', summary: expect.stringContaining('退回立案申请') });
    expect(conflict!.reason).toContain('其他工作站已先办理');
    expect(JSON.stringify(conflict!.kept)).toContain('请补充现场检查照片');
    expect((await a.t.call(officerA, 'sync.status', {})).conflicts).toBe(1);
    // The superseded local events are archived verbatim, never simply gone.
    expect(a.t.core.services.sync.events.superseded(caseId).map((e) => e.type)).toEqual([
      'evidence.added',
      'action.performed',
    ]);

    expect(await sync(b)).toMatchObject({ ok: true, pulled: 1 });
    expect(hashes(b, caseId)).toEqual(onServer.map((e) => e.hash));
  });

  it('a conflict says what the other desk did first, its data is the clerk’s draft, and only he discards it', async () => {
    const [a] = desks.slice(1) as [Desk];
    const headA = await login(a, 'yang.head');
    const officerA = await login(a, 'zhang.wei');
    const [conflict] = await a.t.call(headA, 'sync.conflicts', {});
    const caseId = conflict!.caseId;
    expect(conflict).toMatchObject({
      theirs: expect.stringMatching(/yang\.head：批准立案（\d{4}-\d{2}-\d{2}）/),
      actorId: users.head,
      draft: { action: 'rejectFiling', actionName: '退回立案申请', track: 'main', form: 'action:rejectFiling@main' },
    });
    // The draft of the 退回立案申请 form holds what he typed: opening that form restores it.
    const draft = await a.t.call(headA, 'drafts.get', { caseId, form: 'action:rejectFiling@main' });
    expect(draft?.values).toEqual({ comment: '请补充现场检查照片' });

    const notHis = await expectFailure(a.t.call(officerA, 'sync.discardConflict', { conflictId: conflict!.id }));
    expect(notHis.message).toContain('只有yang.head本人可以丢弃');
    const unknown = await expectFailure(a.t.call(headA, 'sync.discardConflict', { conflictId: 'nope' }));
    expect(unknown.message).toBe('找不到这项同步冲突');
    expect(await a.t.call(headA, 'sync.conflicts', {})).toHaveLength(1);

    expect(await a.t.call(headA, 'sync.discardConflict', { conflictId: conflict!.id })).toEqual({ discarded: true });
    expect(await a.t.call(headA, 'sync.conflicts', {})).toEqual([]);
    expect((await a.t.call(headA, 'sync.status', {})).conflicts).toBe(0);
    expect(await a.t.call(headA, 'drafts.get', { caseId, form: 'action:rejectFiling@main' })).toBeNull();
    // Never dropped: the row and what was typed stay, marked as discarded by him.
    const row = a.t.core.services.db
      .prepare('SELECT resolution, resolved_by, kept FROM sync_conflicts WHERE id = ?')
      .get(conflict!.id) as { resolution: string; resolved_by: string; kept: string };
    expect(row).toMatchObject({ resolution: 'discarded', resolved_by: users.head });
    expect(row.kept).toContain('请补充现场检查照片');
    const again = await expectFailure(a.t.call(headA, 'sync.discardConflict', { conflictId: conflict!.id }));
    expect(again.message).toContain('已经处理过了');
  });

  it('a conflict is redone from its draft: the action performed again resolves it', async () => {
    const [a, b] = desks.slice(1) as [Desk, Desk];
    const caseId = await caseAtFilingReview(a);
    await sync(a);
    await sync(b);
    // Apart: the head approves on A, and sends the filing back on B first.
    const headA = await login(a, 'yang.head');
    await a.t.call(headA, 'cases.act', {
      caseId,
      action: 'approveFiling',
      data: { comment: '同意立案，由张伟、李娜承办。' },
      track: 'main',
    });
    const headB = await login(b, 'yang.head');
    await b.t.call(headB, 'cases.act', {
      caseId,
      action: 'rejectFiling',
      data: { comment: '请补充照片' },
      track: 'main',
    });
    await sync(b);
    expect(await sync(a)).toMatchObject({ ok: true, conflicts: 1 });
    const conflict = (await a.t.call(headA, 'sync.conflicts', {})).find((c) => c.caseId === caseId)!;
    expect(conflict.theirs).toContain('退回立案申请');
    expect(conflict.reason).toContain('不再合法');
    expect((await a.t.call(headA, 'cases.get', { caseId })).state.node).toBe('filing.draft');

    // The officer submits again; the head opens 批准立案 and finds what he typed, and approves.
    const officerA = await login(a, 'zhang.wei');
    await a.t.call(officerA, 'cases.act', { caseId, action: 'submitFiling', data: {}, track: 'main' });
    const draft = await a.t.call(headA, 'drafts.get', { caseId, form: 'action:approveFiling@main' });
    expect(draft?.values).toEqual({ comment: '同意立案，由张伟、李娜承办。' });
    await a.t.call(headA, 'cases.act', {
      caseId,
      action: 'approveFiling',
      data: draft!.values as never,
      track: 'main',
    });
    expect((await a.t.call(headA, 'sync.conflicts', {})).filter((c) => c.caseId === caseId)).toEqual([]);
    const row = a.t.core.services.db
      .prepare('SELECT resolution, resolved_by FROM sync_conflicts WHERE id = ?')
      .get(conflict.id) as { resolution: string; resolved_by: string };
    expect(row).toEqual({ resolution: 'redone', resolved_by: users.head });
    expect(await sync(a)).toMatchObject({ ok: true, pushed: 2, conflicts: 0 });
    expect(hashes(a, caseId)).toEqual((await serverEvents(caseId)).map((e) => e.hash));
  });

  it('takes the stamps of pulled events into its clock: what it records next sorts after them', async () => {
    const [a, b] = desks.slice(1) as [Desk, Desk];
    const officerA = await login(a, 'zhang.wei');
    const officerB = await login(b, 'zhang.wei');
    const [row] = (await a.t.call(officerA, 'cases.list', { query: '', state: 'all', offset: 0, limit: 1 })).rows;
    const caseId = row!.id;
    await sync(a);
    await sync(b);
    // B's PC runs an hour ahead of A's (both behind the server, which refuses only stamps ahead of its own clock).
    b.t.clock.set('2026-12-07T03:00:00Z');
    try {
      await b.t.call(officerB, 'evidence.add', photo(caseId));
      expect(await sync(b)).toMatchObject({ ok: true, pushed: 1 });
    } finally {
      b.t.clock.setDate(today);
    }
    expect(await sync(a)).toMatchObject({ ok: true, pulled: 1 });
    await a.t.call(officerA, 'evidence.add', photo(caseId));
    const [theirs, ours] = a.t.core.services.cases.log.forCase(caseId).slice(-2);
    expect(theirs!.device).toBe(b.t.core.services.device);
    expect(ours!.device).toBe(a.t.core.services.device);
    expect(ours!.at < theirs!.at).toBe(true); // A's clock is behind …
    expect(ours!.hlc > theirs!.hlc).toBe(true); // … yet its event sorts after the one it had seen
    expect(await sync(a)).toMatchObject({ ok: true, pushed: 1 });
  });

  it('a push whose reply is lost after the server committed is not duplicated by the next round', async () => {
    const [a] = desks.slice(1) as [Desk];
    const officer = await login(a, 'zhang.wei');
    const [row] = (await a.t.call(officer, 'cases.list', { query: '', state: 'all', offset: 0, limit: 1 })).rows;
    const caseId = row!.id;
    const before = (await serverEvents(caseId)).length;
    await a.t.call(officer, 'evidence.add', photo(caseId));
    a.faults.losePushReply = true;
    const lost = await sync(a);
    expect(lost.ok).toBe(false);
    expect((await a.t.call(officer, 'sync.status', {})).lastError).toContain('无法连接同步服务器');
    expect(await serverEvents(caseId)).toHaveLength(before + 1); // the server did commit it

    expect(await sync(a)).toMatchObject({ ok: true });
    const after = await serverEvents(caseId);
    expect(after).toHaveLength(before + 1);
    expect(hashes(a, caseId)).toEqual(after.map((e) => e.hash));
    const status = await a.t.call(officer, 'sync.status', {});
    expect(status).toMatchObject({ pending: 0, lastError: null });
    const device = await server.pool.query('SELECT last_mutation_id FROM devices WHERE id = $1', [
      a.t.core.services.sync.store.enrolment()!.deviceId,
    ]);
    expect(Number(device.rows[0].last_mutation_id)).toBe(a.t.core.services.sync.store.enrolment()!.lastMutationId);
  });

  it('a clock far ahead of the server is told in Chinese and nothing is pushed until it is fixed', async () => {
    const [a] = desks.slice(1) as [Desk];
    const officer = await login(a, 'zhang.wei');
    const [row] = (await a.t.call(officer, 'cases.list', { query: '', state: 'all', offset: 0, limit: 1 })).rows;
    await a.t.call(officer, 'evidence.add', photo(row!.id));
    server.clock.offsetMs = a.t.clock.now().getTime() - 2 * 3600_000 - Date.now();
    try {
      expect((await sync(a)).error).toContain('时钟');
      expect((await a.t.call(officer, 'sync.status', {})).pending).toBe(1);
    } finally {
      server.clock.offsetMs = 0;
    }
    expect(await sync(a)).toMatchObject({ ok: true, pushed: 1 });
  });

  it('reports the reference data the province published, and refuses a server that suddenly looks empty', async () => {
    // Not a calendar: refused at publication, with the reason.
    const bad = await server.request('POST', '/api/admin/reference', {
      token: province,
      body: { kind: 'calendar', version: '2027', payload: { year: 2027 } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({
      code: 'REFERENCE_INVALID',
      message: expect.stringContaining('节假日日历内容有误'),
    });
    // 2027-01-04…08 made holidays: the workstation's working days follow the province's calendar.
    const calendar2027 = {
      year: 2027,
      source: '测试用2027年节假日安排',
      holidays: [['2027-01-04', '2027-01-08', '测试假期']],
      workdays: ['2027-01-09'],
    };
    const ok = await server.request('POST', '/api/admin/reference', {
      token: province,
      body: { kind: 'calendar', version: '2027', payload: calendar2027 },
    });
    expect(ok.status).toBe(201);
    // An older server let a broken one through: the workstation refuses it and changes nothing.
    await server.pool.query(
      `INSERT INTO reference_data (kind, version, payload, published_at) VALUES ('calendar', '2028', '{"year": 2028, "source": "x", "holidays": [["2028-13-01", "2028-13-02", "坏"]], "workdays": []}', now())`,
    );
    const c = await desk('法制科工作站');
    const admin = c.admin;
    const changes = (await c.t.call(admin, 'sync.status', {})).changes.join();
    expect(changes).toContain('节假日日历 2027 版已下载');
    expect(changes).toContain('节假日日历 2027 年已启用：1段假期、1个调休上班日');
    expect(changes).toMatch(/节假日日历 2028 版未启用：节假日日历内容有误/);
    expect(c.t.core.services.calendar.isWorkingDay('2027-01-05')).toBe(false);
    expect(c.t.core.services.calendar.isWorkingDay('2027-01-09')).toBe(true);
    const years = (await c.t.call(await c.t.login('head'), 'calendar.list', {})).years;
    expect(years.find((y) => y.year === 2027)).toMatchObject({ added: true, source: '测试用2027年节假日安排' });
    expect(years.find((y) => y.year === 2028)).toBeUndefined();
    const cases = c.t.core.services.cases.projection.list(
      { query: '', state: 'all', offset: 0, limit: 10 },
      (n) => n,
    ).total;
    expect(cases).toBe(3); // every case of the bureau came down to the new desk
    c.faults.emptyServer = true;
    const r = await sync(c);
    expect(r.error).toContain('服务器上的案件数据比本机上次同步时少');
    const status = await c.t.call(admin, 'sync.status', {});
    expect(status.stopped).toContain('同步已停止');
    expect(
      c.t.core.services.cases.projection.list({ query: '', state: 'all', offset: 0, limit: 10 }, (n) => n).total,
    ).toBe(cases);
    expect((await expectFailure(c.t.call(admin, 'sync.now', {}))).message).toContain('同步已停止');
  });

  it('a case the server refuses is held back as a conflict, with its data; the other cases still go', async () => {
    // Opened before enrolment by the demo officer, whom the server does not know: never lawful there.
    const faults = { losePushReply: false, emptyServer: false };
    const t = await createTestCore({ today, core: { sync: { fetch: faultyFetch(faults) } } });
    const d = { t, faults, admin: await t.login('admin') };
    desks.push(d);
    const demoOfficer = await t.login('officer');
    // Filed in 2025 before enrolment: the desk draws 2026 blocks only, so this 案号 lies in none of its blocks either.
    const local = await openCase(t, demoOfficer, {
      discoveredOn: '2025-12-01',
      filedOn: '2025-12-02',
      summary: '本机案件',
    });
    await t.call(d.admin, 'sync.enrol', { serverUrl: server.url, code: await code(), deviceName: '二科工作站' });
    await t.core.services.sync.idle();
    const synced = await caseAtFilingReview(d);
    const r = await sync(d);
    expect(r.error).toBeNull();
    expect(r.ok).toBe(true);
    expect((await serverEvents(synced)).map((e) => e.hash)).toEqual(hashes(d, synced));
    expect(await serverEvents(local.state.id)).toEqual([]);
    const status = await t.call(d.admin, 'sync.status', {});
    expect(status).toMatchObject({ conflicts: 1, pending: 1, lastError: null });
    const head = await t.login('head');
    const [held] = await t.call(head, 'sync.conflicts', {});
    expect(held).toMatchObject({ caseId: local.state.id, kind: 'refused' });
    expect(held!.reason).toContain('服务器拒收');
    expect(JSON.stringify(held!.kept)).toContain('本机案件');
    expect(await sync(d)).toMatchObject({ ok: true, pushed: 0 }); // held back, not refused again and again
  });

  it('a revoked workstation stops syncing and says why', async () => {
    const [, b] = desks.slice(1) as [Desk, Desk];
    const deviceId = b.t.core.services.sync.store.enrolment()!.deviceId;
    expect((await server.request('POST', `/api/devices/${deviceId}/revoke`, { token: province })).status).toBe(200);
    const r = await sync(b);
    expect(r.error).toContain('已被管理员撤销');
    const head = await login(b, 'yang.head');
    const status = await b.t.call(head, 'sync.status', {});
    expect(status.stopped).toContain('已被管理员撤销');
    expect((await expectFailure(b.t.call(head, 'sync.now', {}))).message).toContain('已被管理员撤销');
  });
});
