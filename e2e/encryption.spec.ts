/**
 * 数据库加密 in the browser, on a web host of its own (enabling closes and reopens the database):
 * the 系统管理员 sees the database unencrypted, enables encryption after a confirmation that says what
 * it protects and what not, and sees it encrypted; the host then refuses to start without the key file
 * (a Chinese message, not SQLite's) and starts again with it.
 */
import { expect, test } from './fixtures.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost as startOwnHost, stopHost as stop } from './hostProcess.js';
import { login } from './support.js';

/** With the key file (ANJUAN_DB_KEY_FILE), or with no key at all. */
const startHost = (keyFile: string | null) =>
  startOwnHost(dataDir, { ANJUAN_DB_KEY: undefined, ANJUAN_DB_KEY_FILE: keyFile ?? undefined });

let dataDir = '';
let keyDir = '';

test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjuan-e2e-crypt-'));
  keyDir = mkdtempSync(join(tmpdir(), 'anjuan-e2e-key-'));
});
test.afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(keyDir, { recursive: true, force: true });
});

test('the administrator enables database encryption in 本局设置; without its key the host does not start', async ({
  page,
}) => {
  const keyFile = join(keyDir, 'anjuan-db.key');
  const host = startHost(keyFile);
  const url = await host.ready;
  try {
    await page.goto(url);
    await login(page, 'admin', 'admin123', '赵敏');
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('settings-encryption');
    await expect(section.getByTestId('encryption-off')).toContainText('未加密');
    await section.getByTestId('encryption-enable').click();
    const dialog = page.getByTestId('encryption-dialog');
    await expect(dialog).toContainText('能防');
    await expect(dialog).toContainText('证据照片和文书文件（它们不加密）');
    await expect(dialog).toContainText(`密钥文件 ${keyFile}`);
    if (process.env.ANJUAN_E2E_SHOTS)
      await page.screenshot({ path: `${process.env.ANJUAN_E2E_SHOTS}/encryption-dialog.png`, fullPage: true });
    await dialog.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('snackbar')).toContainText('数据库已加密');
    await expect(section.getByTestId('encryption-on')).toContainText('AES-256');
    if (process.env.ANJUAN_E2E_SHOTS)
      await section.screenshot({ path: `${process.env.ANJUAN_E2E_SHOTS}/encryption-section.png` });
    // Still logged in: the sessions are in the database, which was encrypted in place.
    await page.getByTestId('nav-accounts').click();
    await expect(page.getByTestId('current-user')).toHaveText('赵敏');
  } finally {
    await stop(host.child);
  }
  expect(readFileSync(join(dataDir, 'anjuan.sqlite')).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

  const keyless = startHost(null);
  await expect(keyless.ready).rejects.toThrow(/数据库已加密/);
  expect(keyless.output()).not.toContain('file is not a database');

  const again = startHost(keyFile);
  const url2 = await again.ready;
  try {
    await page.goto(url2);
    await login(page, 'admin', 'admin123', '赵敏');
  } finally {
    await stop(again.child);
  }
});
