/**
 * An installed workstation: a web host started WITHOUT ANJUAN_DEMO on a fresh data
 * directory (its own process here, not the worker's demo host of e2e/fixtures.ts) shows the first-run setup,
 * publishes no demo account, and then walks setup → login → 修改密码 → login with the new password →
 * 新建用户 (an officer) → his first login, which must change the temporary password.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let host: ChildProcess | null = null;
let url = '';
let dataDir = '';

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjuan-e2e-installed-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ANJUAN_DATA_DIR: dataDir, ANJUAN_PORT: '0' };
  delete env.ANJUAN_DEMO;
  delete env.ANJUAN_TEST_CLOCK_FILE;
  const child = spawn(process.execPath, ['dist/core/host.mjs'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  host = child;
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the host did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}):\n${out}`));
    });
  });
});

test.afterAll(async () => {
  if (host && host.exitCode === null) {
    const exited = new Promise((resolve) => host!.once('exit', resolve));
    host.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** The web host's API from the page itself (same origin), as the renderer calls it. */
async function api(page: Page, op: string, input: unknown): Promise<Reply> {
  return page.evaluate(
    async ([o, i]): Promise<Reply> => {
      const r = await fetch('/api', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ op: o, input: i, token: null }),
      });
      return (await r.json()) as Reply;
    },
    [op, input] as const,
  );
}

test('setup → login → change password on a workstation installed without the demo', async ({ page }) => {
  const password = 'Jiangkou2026ok';
  const newPassword = 'Tongren2027new';
  await page.goto(url);

  // The setup screen, and nothing published.
  await expect(page.getByTestId('setup-screen')).toBeVisible();
  await expect(page.getByTestId('setup-policy')).toContainText('密码至少10位');
  const info = await api(page, 'app.info', {});
  expect(info).toMatchObject({ ok: true, value: { setupRequired: true, demo: false, demoUsers: [] } });
  expect((await api(page, 'session.login', { username: 'officer', password: 'officer123' })).error?.code).toBe(
    'SETUP_REQUIRED',
  );

  await page.getByTestId('setup-bureau-name').fill('铜仁市生态环境局江口分局');
  await page.getByTestId('setup-abbreviation').fill('铜环江');
  await page.getByTestId('setup-county').fill('江口');
  await page.getByRole('option', { name: /江口县/ }).click();
  await page.getByTestId('setup-username').fill('zhangmin');
  await page.getByTestId('setup-name').fill('张敏');
  // A demo password is refused, in Chinese, before anything is sent.
  await page.getByTestId('setup-password').fill('officer123');
  await page.getByTestId('setup-confirm').fill('officer123');
  await page.getByTestId('setup-submit').click();
  await expect(page.getByText('不能使用演示账号的公开密码或常见弱密码').first()).toBeVisible();
  await expect(page.getByTestId('setup-screen')).toBeVisible();
  await page.getByTestId('setup-password').fill(password);
  await page.getByTestId('setup-confirm').fill(password);
  await page.getByTestId('setup-submit').click();

  // Then the login, with the bureau's name; the setup is refused from now on.
  await expect(page.getByTestId('login-notice')).toHaveText('初始设置已完成，请用系统管理员账号登录。');
  await expect(page.getByTestId('login-bureau')).toHaveText('铜仁市生态环境局江口分局');
  await expect(page.getByTestId('login-username')).toHaveValue('zhangmin');
  await expect(page.getByTestId('demo-user-officer')).toHaveCount(0);
  expect(
    (
      await api(page, 'setup.run', {
        bureauName: '另一个生态环境局',
        abbreviation: '另环',
        county: '520621',
        username: 'intruder',
        name: '某某',
        password: 'Another2026x',
      })
    ).error?.code,
  ).toBe('ALREADY_SET_UP');

  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('current-user')).toHaveText('张敏');
  await expect(page.getByTestId('bureau-name')).toHaveText('铜仁市生态环境局江口分局');

  // 修改密码: a wrong old password, then the right one.
  await page.getByTestId('change-password').click();
  await page.getByTestId('password-old').fill('not-my-password-1');
  await page.getByTestId('password-new').fill(newPassword);
  await page.getByTestId('password-confirm').fill(newPassword);
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('password-error')).toHaveText('原密码不正确');
  await page.getByTestId('password-old').fill(password);
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('snackbar')).toContainText('密码已修改');
  await expect(page.getByTestId('change-password-form')).toHaveCount(0);

  // The audit log has it all (系统管理员).
  await page.getByTestId('nav-accounts').click();
  const audit = page.getByTestId('audit-table');
  await expect(audit).toContainText('初始设置');
  await expect(audit).toContainText('修改密码');
  await expect(audit).toContainText('原密码不正确');

  // The old password no longer works; the new one does.
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').fill('zhangmin');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误');
  await page.getByTestId('login-password').fill(newPassword);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('current-user')).toHaveText('张敏');

  // 用户管理: the administrator adds an officer; each problem is shown by its field first.
  await page.getByTestId('nav-accounts').click();
  await page.getByTestId('new-user').click();
  const dialog = page.getByTestId('create-user-dialog');
  await dialog.getByTestId('new-user-username').fill('chenjing');
  await dialog.getByTestId('new-user-name').fill('陈静');
  await dialog.getByTestId('role-officer').check();
  await dialog.getByTestId('new-user-password').fill('chenjing2026');
  await dialog.getByTestId('create-user-submit').click();
  await expect(dialog).toContainText('办案人员须填写执法证号');
  await expect(dialog).toContainText('密码不能与用户名相同或包含用户名');
  await dialog.getByTestId('new-user-certificate').fill('铜环执字522222101');
  await dialog.getByTestId('new-user-certificate-until').fill('2030-12-31');
  await dialog.getByTestId('new-user-password').fill('Tongren-temp-77');
  await dialog.getByTestId('create-user-submit').click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('user-row-chenjing');
  await expect(row).toContainText('办案人员');
  await expect(row).toContainText('须修改密码');
  await expect(page.getByTestId('audit-table')).toContainText('新建用户');

  // The officer logs in with the temporary password and must change it before anything else.
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').fill('chenjing');
  await page.getByTestId('login-password').fill('Tongren-temp-77');
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('forced-password-change')).toBeVisible();
  await page.getByTestId('password-old').fill('Tongren-temp-77');
  await page.getByTestId('password-new').fill('Jing-own-pass-88');
  await page.getByTestId('password-confirm').fill('Jing-own-pass-88');
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('current-user')).toHaveText('陈静');
  // An officer is offered no 账号与审计, and may open a case.
  await expect(page.getByTestId('nav-accounts')).toHaveCount(0);
  await expect(page.getByTestId('open-case')).toBeVisible();
});
