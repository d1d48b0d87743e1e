/**
 * A case between two desks through the provincial server, in the browser: a real server (embedded
 * PostgreSQL) and two workstation web hosts of 天柱县, each on its own data directory, enrolled with
 * one-time codes. The officer on desk A opens a case and submits it for 立案审批, then 立即同步; the head
 * on desk B (a second browser context) 立即同步, finds the case in 待我审批 and approves it, syncs; A
 * syncs and sees the case at 调查取证. The case then goes on to 归档: each time it waits for the head,
 * the officer submits it on A's page and syncs, the head syncs on B, approves on B's page and syncs, and
 * A syncs — 审查, 告知, 决定, 结案. The officer's work between the handoffs (records, photos, report,
 * service, payment, the dossier) goes through the same operations A's page calls, by A's /api.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../server/testing/testServer.js';
import { adminToken, userPassword } from '../server/testing/fixtures.js';
import { startHost, stopHost, type HostProcess } from './hostProcess.js';
import { act, actWithForm, addOfficer, expectNode, generate } from './caseSteps.js';
import { chinaDate, login } from './support.js';
import { expectDialogFits, expectNoSmallText } from './fit.js';
import { CaseRunner, type Caller } from '../main/core/testing/caseRunner.js';
import { sampleActionData } from '../main/core/testing/actionData.js';

const county = '522627';
const officer = { username: 'zhao.jun', name: '赵军', cert: '贵环执字522627201' };
const colleague = { username: 'qian.fang', name: '钱芳', cert: '贵环执字522627202' };
const head = { username: 'sun.head', name: '孙立新' };

let server: TestServer;
const hosts: HostProcess[] = [];
const dirs: string[] = [];

async function addUser(token: string, u: { username: string; name: string; cert?: string }, roles: string[]) {
  const r = await server.request('POST', '/api/admin/users', {
    token,
    body: {
      bureauId: county,
      username: u.username,
      name: u.name,
      roles,
      password: userPassword,
      ...(u.cert ? { certificateNo: u.cert, certificateValidUntil: '2030-12-31' } : {}),
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

/** A workstation host on its own data directory, enrolled through its /api as the 系统管理员 would. */
async function desk(token: string, deviceName: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-e2e-desk-'));
  dirs.push(dir);
  const host = startHost(dir);
  hosts.push(host);
  const url = await host.ready;
  const code = (await server.request('POST', '/api/admin/enrolment-codes', { token, body: { bureauId: county } })).body
    .code as string;
  const call = async (op: string, input: unknown, t: string | null) => {
    const res = await fetch(`${url}api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ op, input, token: t }),
    });
    const r = (await res.json()) as { ok: boolean; value?: { token?: string }; error?: { message: string } };
    if (!r.ok) throw new Error(`${op}: ${r.error?.message}`);
    return r.value;
  };
  const admin = (await call('session.login', { username: 'admin', password: 'admin123' }, null))!.token!;
  await call('sync.enrol', { serverUrl: server.url, code, deviceName }, admin);
  return url;
}

/** A desk's /api as the scripted case's caller (the operations its page sends). */
function apiOf(url: string): Caller {
  const call = async (token: string | null, op: string, input: unknown): Promise<unknown> => {
    const res = await fetch(`${url}api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ op, input, token }),
    });
    const r = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!r.ok) throw new Error(`${op}: ${r.error?.message}`);
    return r.value;
  };
  return { call } as unknown as Caller;
}

/** The case page again on this page's own desk, read afresh (after a sync or work through the /api). */
async function showCase(page: Page, caseUrl: string): Promise<void> {
  await page.getByTestId('nav-work').click();
  await page.goto(`/${new URL(caseUrl).hash}`);
  await expect(page.getByTestId('case-page')).toBeVisible();
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

/** 本局设置 → 同步 → 立即同步, until the round is over with nothing waiting and no error. */
async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  const section = page.getByTestId('settings-sync');
  await expect(section.getByTestId('sync-now')).toBeEnabled({ timeout: 60_000 });
  await section.getByTestId('sync-now').click();
  await expect(section.getByTestId('sync-progress')).toBeHidden({ timeout: 60_000 });
  await expect(section.getByTestId('sync-now')).toBeEnabled({ timeout: 60_000 });
  await expect(section.getByTestId('sync-pending')).toContainText('待上传 0 条');
  await expect(section.getByTestId('sync-error')).toHaveCount(0);
  await expect(section.getByTestId('sync-failure')).toHaveCount(0);
}

/**
 * The 同步冲突 at 1366×768, as the officer on desk A reads it (not his: no discard) and as the head whose
 * send-back it is: on the case page and in 本局设置 → 同步, then its 丢弃 dialog, confirmed.
 */
async function expectConflictFits(a: Page, browser: Browser, urlA: string, caseUrl: string): Promise<void> {
  const list = a.getByTestId('sync-conflicts');
  const item = list.getByTestId('sync-conflict');
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('conflict-theirs')).toContainText('批准立案');
  await expect(item.getByTestId('conflict-discard')).toHaveCount(0);
  await expectNoSmallText(a, list);

  const context = await browser.newContext({ baseURL: urlA, viewport: { width: 1366, height: 768 } });
  const h = await context.newPage();
  await h.goto('/');
  await login(h, head.username, userPassword, head.name);
  await showCase(h, caseUrl);
  const onCase = h.getByTestId('case-sync-conflicts');
  await expect(onCase.getByTestId('conflict-typed')).toContainText('请补充现场检查照片');
  await expect(onCase.getByTestId('conflict-reason')).toBeInViewport();
  await expectNoSmallText(h, onCase);

  await h.getByTestId('nav-settings').click();
  const mine = h.getByTestId('sync-conflicts').getByTestId('sync-conflict');
  await expectNoSmallText(h, h.getByTestId('sync-conflicts'));
  await mine.getByTestId('conflict-discard').click();
  const confirm = h.getByTestId('conflict-discard-confirm');
  await expectDialogFits(h, confirm, '丢弃此操作');
  await confirm.getByTestId('confirm-ok').click();
  await expect(confirm).toBeHidden();
  await expect(mine).toHaveCount(0);
  await context.close();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startTestServer();
});

test.afterAll(async () => {
  for (const h of hosts) await stopHost(h.child);
  await server?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('the officer on desk A and the head on desk B carry a case from 立案 to 归档 through the server', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const province = await adminToken(server);
  await addUser(province, officer, ['officer']);
  await addUser(province, colleague, ['officer']);
  await addUser(province, head, ['head']);
  const urlA = await desk(province, '执法一科工作站');
  const urlB = await desk(province, '局长室工作站');

  // ── Desk A: the officer opens the case and submits it for 立案审批 ──────────────────────────
  const a = await openPage(browser, urlA);
  await login(a, officer.username, userPassword, officer.name);
  await a.getByTestId('open-case').click();
  const open = a.getByTestId('open-case-dialog');
  await open.getByTestId('case-summary').fill('现场检查发现该公司废气排放口颗粒物浓度超过排放标准。');
  await open.getByTestId('enterprise-input').fill('天柱');
  await a.getByRole('option').filter({ hasText: '天柱' }).first().click();
  // Searched by its number: 超过污染物排放标准排放污染物 (生态环境法典 art. 1107).
  await open.getByRole('combobox', { name: /^违法行为/ }).fill('FD-1107');
  await a
    .getByRole('option', { name: /FD-1107/ })
    .first()
    .click();
  await addOfficer(a, open, colleague.name);
  await expect(open).toContainText(colleague.cert);
  await open.getByTestId('discovered-on').fill(chinaDate(-2));
  await open.getByTestId('filed-on').fill(chinaDate(-1));
  await open.getByTestId('open-case-submit').click();
  await expect(a.getByTestId('case-page')).toBeVisible({ timeout: 30_000 });
  const caseNumber = ((await a.getByTestId('case-number').textContent()) ?? '').trim();
  expect(caseNumber).toMatch(/〔\d{4}〕\d+号/);
  const caseUrl = a.url();
  await generate(a, 'filing-approval');
  await act(a, 'submitFiling');
  await expectNode(a, '立案审批');
  await syncNow(a);
  await expect(a.getByTestId('sync-changes')).toContainText('已上传');
  // While apart, the head on desk A sends the filing back (by A's /api); B's approval reaches the server
  // first, so A keeps the send-back as a 同步冲突 (checked at 1366×768 below).
  const headOnA = (
    (await apiOf(urlA).call(null, 'session.login', { username: head.username, password: userPassword })) as {
      token: string;
    }
  ).token;
  await apiOf(urlA).call(headOnA, 'cases.act', {
    caseId: decodeURIComponent(/#\/cases\/([^/]+)/.exec(caseUrl)![1]!),
    action: 'rejectFiling',
    track: 'main',
    data: { comment: '请补充现场检查照片，核实排放口监测数据后重新提交。' },
  });

  // ── Desk B: the head syncs, finds it in 待我审批 and approves ─────────────────────────────
  const b = await openPage(browser, urlB);
  await login(b, head.username, userPassword, head.name);
  await syncNow(b);
  await expect(b.getByTestId('sync-changes')).toContainText('收到本单位的新案件1件');
  await b.getByTestId('nav-work').click();
  const queue = b.getByTestId('queue-head');
  const row = queue.getByTestId('queue-row').filter({ hasText: caseNumber });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.getByRole('link').first().click();
  await expect(b.getByTestId('case-page')).toBeVisible();
  await expectNode(b, '立案审批');
  await actWithForm(b, 'approveFiling', async (d) => {
    await d.getByTestId('form-comment').fill('同意立案。');
  });
  await expectNode(b, '调查取证');
  await syncNow(b);

  // ── Desk A: syncs and sees the head's approval ─────────────────────────────────────────
  await syncNow(a);
  // B's approval came with the reconciliation that set A's send-back aside.
  await expect(a.getByTestId('sync-changes')).toContainText('1项操作与其他工作站冲突');
  await expectConflictFits(a, browser, urlA, caseUrl);
  await a.goto(caseUrl);
  await expect(a.getByTestId('case-page')).toBeVisible();
  await expectNode(a, '调查取证');

  // ── On to 归档: the officer's work on A, each approval handed to B and back ─────────────────────
  const today = chinaDate(0);
  const apiA = apiOf(urlA);
  const officerToken = (
    (await apiA.call(null, 'session.login', { username: officer.username, password: userPassword })) as {
      token: string;
    }
  ).token;
  const run = new CaseRunner(apiA, { setDate: () => undefined }, officerToken, '', '');
  run.caseId = decodeURIComponent(/#\/cases\/([^/]+)/.exec(caseUrl)![1]!);
  run.today = today;
  /** The officer submits on A's page; the head approves on B's; each desk syncs between. */
  const handOff = async (submit: string, node: string, approve: string, after: string): Promise<void> => {
    await showCase(a, caseUrl);
    await act(a, submit);
    await expectNode(a, node);
    await syncNow(a);
    await syncNow(b);
    await showCase(b, caseUrl);
    await expectNode(b, node);
    await actWithForm(b, approve, async (d) => {
      await d.getByTestId('form-comment').fill('同意。');
    });
    await expectNode(b, after);
    await syncNow(b);
    await syncNow(a);
  };

  await run.gen('inspection-record');
  await run.gen('interview-record');
  await run.photos([]);
  await run.act(officerToken, 'finishInvestigation');
  await run.act(officerToken, 'submitReport', sampleActionData('report', today, 200000));
  await run.gen('internal-approval');
  // 案件审查 by the head on B: no submit step, the report itself hands the case over.
  await syncNow(a);
  await syncNow(b);
  await showCase(b, caseUrl);
  await expectNode(b, '案件审查');
  await actWithForm(b, 'passReview', async (d) => {
    await d.getByTestId('form-comment').fill('事实清楚，证据确凿。');
  });
  await syncNow(b);
  await syncNow(a);

  await run.gen('penalty-notice');
  await handOff('submitNotice', '告知审批', 'approveNotice', '告知送达');

  await run.gen('service-receipt', { servedDocument: '行政处罚事先告知书' });
  await run.act(officerToken, 'serveNotice');
  // The party waives in writing (行政处罚法第四十五条): the period ends early.
  await run.act(officerToken, 'recordDefence', {
    on: today,
    text: '当事人书面放弃陈述申辩和听证权利。',
    newFacts: false,
    waived: true,
  });
  await run.act(officerToken, 'closeDefence');
  await run.gen('penalty-decision');
  await handOff('submitDecision', '决定审批', 'approveDecision', '决定送达');

  await run.finalise('penalty-decision');
  await run.gen('service-receipt', { servedDocument: '行政处罚决定书' });
  await run.act(officerToken, 'serveDecision');
  await run.act(officerToken, 'recordPayment', { amount: 200000, paidOn: today, receiptNo: 'GZFS2026009001' });
  await run.voucher();
  await run.act(officerToken, 'finishExecution');
  await run.gen('closing-approval');
  await handOff('submitClosing', '结案审批', 'approveClosing', '已结案');

  // 组卷 and 归档 on A; B sees the archived case after its next sync.
  await showCase(a, caseUrl);
  await expectNode(a, '已结案');
  const closed = (await apiA.call(officerToken, 'cases.get', { caseId: run.caseId })) as Parameters<
    CaseRunner['buildAndArchive']
  >[0];
  await run.buildAndArchive(closed);
  await syncNow(a);
  await showCase(a, caseUrl);
  await expectNode(a, '已归档');
  await syncNow(b);
  await showCase(b, caseUrl);
  await expectNode(b, '已归档');
  await expect(b.getByTestId('case-number')).toHaveText(caseNumber);
});
