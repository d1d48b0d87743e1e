/**
 * The supervision portal in the browser: a real provincial server (embedded PostgreSQL on a free port)
 * started here, cases of 南明区 and 云岩区 pushed by their workstations' devices, then 贵阳市's
 * administrator logs in at /portal/, sees the prefecture's dashboard with its charts, drills down from
 * a figure to the cases behind it and opens a case's events. A county head sees only its own county.
 */
import { expect, test } from './fixtures.js';
import { startTestServer, type TestServer } from '../server/testing/testServer.js';
import { action, addUser, adminToken, chain, enrolDevice, opened, userPassword } from '../server/testing/fixtures.js';

let server: TestServer;

async function pushCases(token: string, county: string, n: number, approved: number): Promise<void> {
  const officer = {
    id: await addUser(server, token, county, `off-${county}`, ['officer'], `E${county}1`),
    name: '办案员',
  };
  const head = { id: await addUser(server, token, county, `head-${county}`, ['head'], `E${county}2`), name: '负责人' };
  const device = await enrolDevice(server, token, county);
  const stamp = Date.now() - 5 * 86_400_000;
  const mutations = Array.from({ length: n }, (_, i) => {
    const id = `${county}-case-${i + 1}`;
    const first = chain(
      id,
      officer,
      [opened(`某环罚〔2026〕${i + 1}号`), action('submitFiling', 'filing.draft', 'filing.review')],
      undefined,
      stamp,
    );
    const more =
      i < approved
        ? chain(
            id,
            head,
            [action('approveFiling', 'filing.review', 'investigation', { approval: true })],
            { seq: 2, hash: first[1]!.hash },
            stamp + 2 * 86_400_000,
          )
        : [];
    return { mutationId: i + 1, caseId: id, events: [...first, ...more] };
  });
  const r = await server.request('POST', '/api/sync/push', { token: device.credential, body: { mutations } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

test.beforeAll(async () => {
  // Synthetic case histories (no documents behind the steps): what reads them, not the push's guards.
  server = await startTestServer({ judgeGuards: false });
  const token = await adminToken(server);
  await pushCases(token, '520102', 3, 2);
  await pushCases(token, '520103', 2, 1);
  await addUser(server, token, '520100', 'gy-admin', ['admin']);
});

test.afterAll(async () => {
  await server?.close();
});

test('a prefecture administrator sees the dashboard and drills down to a case', async ({ page }) => {
  await page.goto(`${server.url}/portal/`);
  await page.getByLabel('用户名').fill('gy-admin');
  await page.getByLabel('密码').fill(userPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: /贵阳市.*案件监督/ })).toBeVisible();
  await expect(page.getByText('案件 5 件')).toBeVisible();
  // Real charts: ECharts draws on a canvas inside each figure.
  await expect(page.getByRole('img', { name: '案件状态图' }).locator('canvas')).toBeVisible();
  await page.getByRole('button', { name: '调查取证 3 件' }).click();
  await expect(page.getByText('处于该环节的案件：共 3 件')).toBeVisible();
  const list = page.getByRole('table', { name: '案件列表' });
  await expect(list.getByRole('row')).toHaveCount(4);
  await expect(list).toContainText('云岩区');
  await list.getByRole('button', { name: '某环罚〔2026〕1号' }).first().click();
  const events = page.getByRole('table', { name: '办案记录' });
  await expect(events.getByRole('row')).toHaveCount(4);
  await expect(events).toContainText('立案');
  await expect(events).toContainText('批准立案');
  // 绩效排行: each score with its counts and formula (南明区: two 批准立案 of two, no deadline due yet).
  await page.getByRole('button', { name: '绩效排行' }).click();
  const row = page.getByTestId('rank-520102');
  await expect(row).toContainText('100.0%（2/2）');
  await expect(row).toContainText('未计入：按期完成率（暂无数据）');
  // 台账: the case ledger comes down as an .xlsx named for the bureau.
  await page.getByRole('button', { name: '台账' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出案件台账' }).click();
  expect((await download).suggestedFilename()).toMatch(/^案件台账-贵阳市生态环境局-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test('a county head sees only its own county, and a neighbour is refused in Chinese', async ({ page }) => {
  await page.goto(`${server.url}/portal/`);
  await page.getByLabel('用户名').fill('head-520103');
  await page.getByLabel('密码').fill(userPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: /云岩区.*案件监督/ })).toBeVisible();
  await expect(page.getByText('案件 2 件')).toBeVisible();
  // The page keeps its session in sessionStorage: read in the page (a string, as the spec runs in Node).
  const token = String(await page.evaluate("JSON.parse(sessionStorage.getItem('anjuan-portal-session')).token"));
  const r = await server.request('GET', '/api/supervision/dashboard?bureauId=520102', { token });
  expect(r.status).toBe(403);
  expect(r.body.error.message).toContain('无权查看');
});

test('the publishing bureau withdraws a notice with a reason, and the notice then shows 已撤回', async ({ page }) => {
  const title = `关于开展专项检查的通知（撤回）${Date.now()}`;
  await page.goto(`${server.url}/portal/`);
  await page.getByLabel('用户名').fill('gy-admin');
  await page.getByLabel('密码').fill(userPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '通知公告' }).first().click();
  await page.getByRole('button', { name: '发布通知' }).click();
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('正文').fill('请各区县局于本月底前完成自查。');
  await page.getByLabel(/发送单位/).fill('南明');
  await page.getByRole('option', { name: /南明区/ }).click();
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // The reason is required: without it nothing is sent and the dialog says so in Chinese.
  await page.getByRole('button', { name: '撤回通知' }).click();
  const dialog = page.getByRole('dialog', { name: '撤回通知公告' });
  await dialog.getByRole('button', { name: '确认撤回' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('请填写撤回理由');
  await dialog.getByLabel(/撤回理由/).fill('通知内容有误，另行发布。');
  await dialog.getByRole('button', { name: '确认撤回' }).click();
  await expect(dialog).toBeHidden();
  const note = page.getByRole('status', { name: '已撤回' });
  await expect(note).toContainText('已撤回');
  await expect(note).toContainText('理由：通知内容有误，另行发布。');
  await expect(note).toContainText(/\d{4}\/\d{1,2}\/\d{1,2}/);
  await expect(page.getByRole('button', { name: '撤回通知' })).toHaveCount(0);
  // The list marks it too.
  await page.getByRole('button', { name: '通知公告' }).first().click();
  await expect(page.getByRole('table', { name: '通知列表' })).toContainText(`${title} （已撤回）`);
});
