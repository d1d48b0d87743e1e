/**
 * 数据备份 in the browser (issue 11), on a web host of its own (a restore replaces the whole
 * database, which the other specs share): a head takes a backup, restores it after a confirmation
 * that says what will be replaced, logs in again and finds the safety backup; then the database file
 * is damaged and the host refuses to start, naming the backup and the command that restores it.
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login } from './support.js';

let dataDir = '';

function startHost(): { child: ChildProcess; ready: Promise<string>; output: () => string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ANJUAN_DATA_DIR: dataDir, ANJUAN_PORT: '0', ANJUAN_DEMO: '1' };
  delete env.ANJUAN_TEST_CLOCK_FILE;
  const child = spawn(process.execPath, ['dist/core/host.mjs'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the host exited (${code}):\n${out}`)); });
  });
  return { child, ready, output: () => out };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjuan-e2e-backup-'));
});
test.afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

test('a head backs up and restores from 本局设置; a damaged database then stops the host with the way back', async ({ page }) => {
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
    if (process.env.ANJUAN_E2E_SHOTS) await page.screenshot({ path: `${process.env.ANJUAN_E2E_SHOTS}/backup-restore-dialog.png`, fullPage: true });
    await expect(dialog).toContainText('另存为一份安全备份');
    await dialog.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('snackbar')).toContainText('已从备份');
    // The database was replaced: everyone logs in again.
    await login(page, 'head', 'head123', '杨建国');
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-backup').getByTestId('backup-list').locator('tbody tr')).toHaveCount(2);
    await expect(page.getByTestId('settings-backup')).toContainText('恢复前的安全备份');
    if (process.env.ANJUAN_E2E_SHOTS) await page.getByTestId('settings-backup').screenshot({ path: `${process.env.ANJUAN_E2E_SHOTS}/backup-section.png` });
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
