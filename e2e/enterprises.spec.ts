/**
 * 企业名录 in the browser: search by name fragment, pinyin initials and code; import a GBK CSV with
 * bad rows and read the report's line numbers; re-import as unchanged; open an enterprise's page.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { login } from './support.js';
import { expectDialogFits } from './fit.js';
import { syntheticDirectory } from '#core/seed/syntheticDirectory.js';
import { directoryCsvText, encodeCsv } from '#core/seed/directoryFile.js';

/** Set ANJUAN_E2E_SHOTS=<dir> to keep screenshots of the main steps for a visual check. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.ANJUAN_E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/enterprises-${name}.png`, fullPage: true });
}

test('the enterprise directory: search, import with a report, and an enterprise page', async ({ page }) => {
  await page.goto('/');
  await login(page, 'head', 'head123', '杨建国');
  await page.getByTestId('nav-enterprises').click();
  await expect(page.getByTestId('enterprise-row').first()).toBeVisible();

  // A GBK file as Excel on a Chinese PC saves it, with six bad rows of six kinds.
  const dir = syntheticDirectory(120, { seed: 4242, badRows: 6 });
  const file = {
    name: '贵州省企业名录.csv',
    mimeType: 'text/csv',
    buffer: encodeCsv(directoryCsvText(dir.rows), 'gbk'),
  };
  await page.getByTestId('enterprises-import').click();
  let dialog = page.getByTestId('enterprise-import-dialog');
  await dialog.getByTestId('enterprise-import-file').setInputFiles(file);
  await dialog.getByTestId('enterprise-import-start').click();
  await expect(dialog.getByTestId('enterprise-import-summary')).toContainText(
    '共120行：新增114家，更新0家，无变化0家，未导入6行',
  );
  await expect(dialog.getByTestId('enterprise-import-summary')).toContainText('GB18030/GBK');
  const rejected = dialog.getByTestId('enterprise-import-rejected').locator('tbody tr');
  await expect(rejected).toHaveCount(6);
  for (const [i, b] of dir.bad.entries())
    await expect(rejected.nth(i)).toHaveAttribute('data-line', String(b.index + 2));
  await expect(rejected.first()).toContainText('统一社会信用代码校验位不正确');
  await shot(page, 'import-report');
  await dialog.getByTestId('enterprise-import-close').click();

  // The same file again changes nothing.
  await page.getByTestId('enterprises-import').click();
  dialog = page.getByTestId('enterprise-import-dialog');
  await dialog.getByTestId('enterprise-import-file').setInputFiles(file);
  await dialog.getByTestId('enterprise-import-start').click();
  await expect(dialog.getByTestId('enterprise-import-summary')).toContainText(
    '新增0家，更新0家，无变化114家，未导入6行',
  );
  await dialog.getByTestId('enterprise-import-close').click();

  const [name, uscc] = dir.rows[0]!;
  const search = page.getByTestId('enterprises-search');
  await search.fill(name!.slice(2, 6));
  await expect(page.getByTestId('enterprise-row').filter({ hasText: name! })).toBeVisible();
  await search.fill(uscc!.slice(0, 14));
  await expect(page.getByTestId('enterprise-row').first()).toContainText(uscc!);
  // Pinyin initials of a demo enterprise: 天柱… → tz.
  await search.fill('tz');
  await expect(page.getByTestId('enterprise-row').first()).toContainText('天柱');

  await search.fill(uscc!);
  // Wait for this search's answer (the table still shows the last one while the clerk types).
  await expect(page.getByTestId('enterprise-row')).toHaveCount(1);
  await page.getByTestId('enterprise-row').filter({ hasText: uscc! }).click();
  await expect(page.getByTestId('enterprise-name')).toHaveText(name!);
  await expect(page.getByTestId('enterprise-details')).toContainText(uscc!);
  await expect(page.getByTestId('enterprise-details')).toContainText('贵州省企业名录.csv');
  await expect(page.getByTestId('enterprise-cases')).toContainText('该企业没有案件');
  await expect(page.getByTestId('enterprise-inspections')).toContainText('该企业没有现场检查记录');
  await shot(page, 'page');
  await page.getByTestId('nav-enterprises').click();
  await page.getByTestId('enterprises-search').fill('xy');
  await expect(page.getByTestId('enterprise-row').first()).toBeVisible();
  await shot(page, 'search');
});

test('an officer searches the directory but cannot import', async ({ page }) => {
  await page.goto('/');
  await login(page, 'officer', 'officer123', '张伟');
  await page.getByTestId('nav-enterprises').click();
  await page.getByTestId('enterprises-search').fill('化工');
  await expect(page.getByTestId('enterprise-row').first()).toContainText('化工');
  await expect(page.getByTestId('enterprises-import')).toHaveCount(0);
});

test('a large import runs in the background with 已处理 n / 共 m 行; 取消 (confirmed) leaves the directory as it was', async ({
  page,
}) => {
  await page.goto('/');
  await login(page, 'head', 'head123', '杨建国');
  await page.getByTestId('nav-enterprises').click();
  const dir = syntheticDirectory(40_000, { seed: 4343 });
  const file = {
    name: '全省企业名录.csv',
    mimeType: 'text/csv',
    buffer: encodeCsv(directoryCsvText(dir.rows), 'utf-8'),
  };
  await page.getByTestId('enterprises-import').click();
  const dialog = page.getByTestId('enterprise-import-dialog');
  await dialog.getByTestId('enterprise-import-file').setInputFiles(file);
  await dialog.getByTestId('enterprise-import-start').click();
  const progress = dialog.getByTestId('enterprise-import-progress-text');
  await expect(progress).toContainText(/写入企业名录：已处理 [\d,]+ \/ 共 40,000 行/, { timeout: 60_000 });
  await shot(page, 'import-progress');
  await dialog.getByTestId('enterprise-import-progress-cancel').click();
  const cancel = page.getByTestId('enterprise-import-progress-confirm');
  await expectDialogFits(page, cancel, '取消导入');
  await cancel.getByTestId('confirm-ok').click();
  await expect(dialog.getByTestId('enterprise-import-error')).toHaveText('任务已取消，数据未作改动', {
    timeout: 60_000,
  });
  await dialog.getByRole('button', { name: '取消', exact: true }).click();
  // None of the file's enterprises is in the directory.
  for (const row of [dir.rows[0]!, dir.rows[39_999]!]) {
    await page.getByTestId('enterprises-search').fill(row[1]!);
    await expect(page.getByTestId('enterprise-row')).toHaveCount(0);
  }
});
