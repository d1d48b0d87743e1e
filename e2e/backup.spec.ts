/**
 * 数据备份 in the browser, on a web host of its own (a restore replaces the whole
 * database, which the other specs share): a head takes a backup, restores it after a confirmation
 * that says what will be replaced, logs in again and finds the safety backup; then the database file
 * is damaged and the host refuses to start, naming the backup and the command that restores it.
 */
import { expect, test } from './fixtures.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost as startOwnHost, stopHost as stop } from './hostProcess.js';
import { login } from './support.js';

const startHost = () => startOwnHost(dataDir);

let dataDir = '';

test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjuan-e2e-backup-'));
});
test.afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

test('a head backs up and restores from 本局设置; a damaged database then stops the host with the way back', async ({
  page,
}) => {
  const host = startHost();
  const url = await host.ready;
  let backupId = '';
  try {
    await page.goto(url);
    await login(page, 'head', 'head123', '杨建国');
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('settings-backup');
    await expect(section.getByTestId('backup-none')).toBeVisible();

    await section.getByTestId('backup-now').click();
    await expect(page.getByTestId('snackbar')).toContainText('已备份');
    const rows = section.getByTestId('backup-list').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('手动备份');
    backupId = ((await rows.first().getAttribute('data-testid')) ?? '').replace('backup-row-', '');
    expect(backupId).toMatch(/^\d{8}T\d{6}Z/);

    await section.getByTestId(`backup-restore-${backupId}`).click();
    const dialog = page.getByTestId('backup-restore-dialog');
    await expect(dialog).toContainText('替换当前的全部数据');
    if (process.env.ANJUAN_E2E_SHOTS)
      await page.screenshot({ path: `${process.env.ANJUAN_E2E_SHOTS}/backup-restore-dialog.png`, fullPage: true });
    await expect(dialog).toContainText('另存为一份安全备份');
    await dialog.getByTestId('confirm-ok').click();
    // The database was replaced: everyone logs in again, and the login screen says why until then.
    await expect(page.getByTestId('login-notice')).toContainText('已从备份');
    await expect(page.getByTestId('login-notice')).toContainText('请重新登录');
    await login(page, 'head', 'head123', '杨建国');
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-backup').getByTestId('backup-list').locator('tbody tr')).toHaveCount(2);
    await expect(page.getByTestId('settings-backup')).toContainText('恢复前的安全备份');
    if (process.env.ANJUAN_E2E_SHOTS)
      await page
        .getByTestId('settings-backup')
        .screenshot({ path: `${process.env.ANJUAN_E2E_SHOTS}/backup-section.png` });
  } finally {
    await stop(host.child);
  }

  // A damaged database: the host does not start, and says how to restore.
  writeFileSync(join(dataDir, 'anjuan.sqlite'), Buffer.alloc(8192, 0x41));
  rmSync(join(dataDir, 'anjuan.sqlite-wal'), { force: true });
  rmSync(join(dataDir, 'anjuan.sqlite-shm'), { force: true });
  const broken = startHost();
  await expect(broken.ready).rejects.toThrow(/数据库文件已损坏/);
  expect(broken.output()).toContain('最近的完好备份');
  expect(broken.output()).toContain('backup.restore');
});
