/**
 * 现场检查任务 end to end (the supervision issue's done-when): the province's administrator creates a
 * 双随机 task for 天柱县 in the portal and audits its draw; the county's workstation (its own web host,
 * enrolled) syncs, the officer drawn records the inspection and opens a case from it (the 立案 dialog
 * filled from the inspection); after the next sync 黔东南州's administrator sees the task done in the
 * portal and drills down to the case's events.
 */
import { expect, test } from './fixtures.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, testAdminPassword, type TestServer } from '../server/testing/testServer.js';
import { adminToken, userPassword } from '../server/testing/fixtures.js';
import { taskHeader } from '../server/testing/taskFixtures.js';
import { startHost, stopHost, type HostProcess } from './hostProcess.js';
import { chinaDate, login } from './support.js';
import { expectDialogFits } from './fit.js';

const county = '522627';
let server: TestServer;
let host: HostProcess;
let deskUrl: string;
let dir: string;

// biome-ignore lint/suspicious/noExplicitAny: the spec reads the few fields of each answer it checks
async function call(op: string, input: unknown, token: string | null): Promise<any> {
  const res = await fetch(`${deskUrl}api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ op, input, token }),
  });
  const r = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!r.ok) throw new Error(`${op}: ${r.error?.message}`);
  return r.value;
}

/** One sync round of the desk, waited for (the page's 立即同步 does the same). */
async function syncDesk(): Promise<void> {
  const admin = (await call('session.login', { username: 'admin', password: 'admin123' }, null)).token;
  await call('sync.now', {}, admin);
  await expect.poll(async () => (await call('sync.status', {}, admin)).running, { timeout: 60_000 }).toBe(false);
  expect((await call('sync.status', {}, admin)).lastError).toBeNull();
}

test.beforeAll(async () => {
  server = await startTestServer();
  const province = await adminToken(server);
  const user = async (bureauId: string, username: string, name: string, roles: string[], cert?: string) => {
    const r = await server.request('POST', '/api/admin/users', {
      token: province,
      body: {
        bureauId,
        username,
        name,
        roles,
        password: userPassword,
        ...(cert ? { certificateNo: cert, certificateValidUntil: '2030-12-31' } : {}),
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  };
  await user(county, 'zhao.jun', '赵军', ['officer'], '贵环执字522627201');
  await user(county, 'qian.fang', '钱芳', ['officer'], '贵环执字522627202');
  await user('522600', 'qdn-admin', '黔东南州管理员', ['admin']);
  dir = mkdtempSync(join(tmpdir(), 'anjuan-e2e-tasks-'));
  host = startHost(dir);
  deskUrl = await host.ready;
  const code = (
    await server.request('POST', '/api/admin/enrolment-codes', { token: province, body: { bureauId: county } })
  ).body.code;
  const admin = (await call('session.login', { username: 'admin', password: 'admin123' }, null)).token;
  await call('sync.enrol', { serverUrl: server.url, code, deviceName: '执法一科' }, admin);
  // The province's directory holds the county's enterprises this desk also has.
  const ents = (await call('enterprises.search', { query: '天柱', limit: 100 }, admin)) as Array<{
    name: string;
    uscc: string;
  }>;
  const rows = ents.map((e) => [e.name, e.uscc, '', '', county, 'C2614', '', '', '', '否', '']);
  const pub = await server.request('POST', '/api/admin/reference', {
    token: province,
    body: { kind: 'enterprises', version: '2026.12-e2e', payload: { header: taskHeader, rows } },
  });
  expect(pub.status, JSON.stringify(pub.body)).toBe(201);
});

test.afterAll(async () => {
  if (host) await stopHost(host.child);
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a 双随机 task goes down to the county desk, comes back done with a case, and the prefecture drills down to it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const name = '天柱县12月双随机抽查';
  // The province creates the task in the portal and audits the draw.
  const portal = await browser.newPage();
  await portal.goto(`${server.url}/portal/`);
  await portal.getByLabel('用户名').fill('admin');
  await portal.getByLabel('密码').fill(testAdminPassword);
  await portal.getByRole('button', { name: '登录' }).click();
  await portal.getByRole('button', { name: '现场检查任务' }).click();
  await portal.getByRole('button', { name: '新建任务' }).click();
  const form = portal.getByRole('form', { name: '新建现场检查任务' });
  await form.getByLabel('任务名称').fill(name);
  await form.getByLabel('开始日期').fill(chinaDate());
  await form.getByLabel('结束日期').fill(chinaDate(30));
  await form.getByLabel('每县抽取企业数').fill('2');
  await form.getByLabel('检查范围（县、市、区）').fill('天柱');
  await portal.getByRole('option', { name: /天柱县/ }).click();
  await form.getByRole('button', { name: '随机抽取并下达' }).click();
  await expect(portal.getByRole('heading', { name })).toBeVisible();
  const progress = portal.getByRole('table', { name: '各县完成情况' });
  await expect(progress).toContainText('天柱县');
  await portal.getByRole('button', { name: '复核抽取结果' }).click();
  await expect(portal.getByRole('status')).toContainText('结果与任务一致');

  // The county desk syncs; the officer drawn records the inspection and opens a case from it.
  await syncDesk();
  const desk = await browser.newPage();
  await desk.goto(deskUrl);
  await login(desk, 'zhao.jun', userPassword, '赵军');
  await desk.getByTestId('nav-field-tasks').click();
  const row = desk.getByTestId('field-task-row').first();
  await expect(row).toContainText(name);
  await expect(row).toContainText('赵军');
  await row.getByRole('button', { name: '记录检查' }).click();
  await expectDialogFits(desk, desk.getByRole('dialog', { name: '记录现场检查' }), '记录现场检查');
  await desk.getByLabel('检查情况').fill('破碎工段除尘设施未运行，颗粒物超标排放。');
  await desk.getByRole('radio', { name: '发现问题', exact: true }).check();
  await desk.getByRole('button', { name: '保存检查记录' }).click();
  await expect(row).toContainText('已检查，待上报');
  await row.getByRole('button', { name: '立案' }).click();
  const open = desk.getByTestId('open-case-dialog');
  await expect(open.getByTestId('case-summary')).toHaveValue(/颗粒物超标排放/);
  await expect(open.getByTestId('enterprise-input')).not.toHaveValue('');
  await open.getByTestId('case-violation-on').fill(chinaDate());
  await open.getByRole('combobox', { name: /^违法行为/ }).fill('FD-1107');
  await desk.getByRole('option', { name: /超过重点污染物排放总量控制指标/ }).click();
  await open.getByTestId('open-case-submit').click();
  await expect(desk.getByTestId('case-page')).toBeVisible({ timeout: 30_000 });
  await syncDesk();

  // 黔东南州 sees the task done and the case, and opens the case's events.
  const prefecture = await browser.newPage();
  await prefecture.goto(`${server.url}/portal/`);
  await prefecture.getByLabel('用户名').fill('qdn-admin');
  await prefecture.getByLabel('密码').fill(userPassword);
  await prefecture.getByRole('button', { name: '登录' }).click();
  await prefecture.getByRole('button', { name: '现场检查任务' }).click();
  await expect(prefecture.getByRole('table', { name: '任务列表' })).toContainText('已完成 1 / 共 2 家');
  await prefecture.getByRole('button', { name }).click();
  const cases = prefecture.getByRole('table', { name: '抽查企业' });
  await expect(cases).toContainText('发现问题');
  await cases.getByRole('button', { name: /立字/ }).click();
  await expect(prefecture.getByRole('table', { name: '办案记录' })).toContainText('立案');
});
