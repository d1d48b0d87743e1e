/**
 * 本局设置 in the browser: a head changes the warn-ahead days and the PDF engine (试打印 first), uploads
 * the seal PNG and sees it, is told in Chinese what is wrong with a bad file, removes the seal after
 * confirming; an officer sees the same values read-only. Everything is put back at the end, since
 * the specs a worker runs share its host's data directory.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { login, logout, makePng } from './support.js';
import { makeSealPng } from '#core/testing/sealPng.js';

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.ANJUAN_E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/settings-${name}.png`, fullPage: true });
}

const snackbar = (page: Page) => page.getByTestId('snackbar');

test('a head sets the warn-ahead days, the PDF engine and the seal; an officer only reads them', async ({ page }) => {
  await page.goto('/');
  await login(page, 'head', 'head123', '杨建国');
  await page.getByTestId('nav-settings').click();
  await expect(page).toHaveURL(/#\/settings$/);
  const pdf = page.getByTestId('settings-pdf');
  await expect(pdf.getByTestId('pdf-engine-auto')).toBeChecked();
  await expect(pdf.getByTestId('pdf-engine-in-use')).toContainText('自动选择');
  // The web host never has the desktop app's engine.
  await expect(pdf.getByTestId('pdf-engine-electron')).toBeDisabled();

  // 期限提醒: a bad value is explained, a good one saved (Enter submits) and used by 到期提醒.
  const days = page.getByTestId('settings-warn-ahead');
  await days.fill('45');
  await days.press('Enter');
  await expect(page.getByTestId('settings-deadlines')).toContainText('提前提醒的工作日数应为0至30的整数');
  await days.fill('5');
  await days.press('Enter');
  await expect(snackbar(page)).toContainText('已设置：期限届满前5个工作日提醒');
  await page.getByTestId('nav-deadlines').click();
  await expect(page.getByTestId('warn-ahead')).toHaveValue('5');
  await page.getByTestId('nav-settings').click();

  // The engine: LibreOffice where this PC has it, else the built-in Chromium; tried before it is saved.
  const libreOffice = pdf.getByTestId('pdf-engine-libreoffice');
  const engine = (await libreOffice.isEnabled())
    ? { id: 'libreoffice', label: 'LibreOffice' }
    : { id: 'chromium', label: '内置Chromium' };
  await pdf.getByTestId(`pdf-engine-${engine.id}`).check();
  await pdf.getByTestId('pdf-test').click();
  await expect(pdf.getByTestId('pdf-test-result')).toContainText(
    `试打印成功：${engine.label}将样例文书（送达回证）转换为1页PDF`,
    { timeout: 90_000 },
  );
  await pdf.getByTestId('pdf-engine-save').click();
  await expect(snackbar(page)).toContainText(`已设置PDF引擎：${engine.label}，自下一份文书起使用`);
  await expect(pdf.getByTestId('pdf-engine-in-use')).toContainText(`当前使用：${engine.label}`);
  await shot(page, 'engine');
  await page.reload();
  await expect(page.getByTestId('settings-pdf').getByTestId(`pdf-engine-${engine.id}`)).toBeChecked();

  // The seal: a file that is not a PNG image is refused in Chinese; a transparent square one is shown.
  const seal = page.getByTestId('settings-seal');
  await expect(seal.getByTestId('seal-none')).toBeVisible();
  await seal
    .getByTestId('seal-file')
    .setInputFiles({ name: '印章.png', mimeType: 'image/png', buffer: Buffer.from('这不是图片') });
  await expect(seal.getByTestId('seal-error')).toContainText('印章图片应为有效的PNG文件');
  await seal
    .getByTestId('seal-file')
    .setInputFiles({ name: '印章.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff]) });
  await expect(seal.getByTestId('seal-error')).toContainText('印章图片应为PNG文件：印章.jpg');
  await seal
    .getByTestId('seal-file')
    .setInputFiles({ name: '本局印章.png', mimeType: 'image/png', buffer: makeSealPng(600) });
  await expect(snackbar(page)).toContainText('已设置本局印章');
  await expect(seal.getByTestId('seal-error')).toHaveCount(0);
  const preview = seal.getByTestId('seal-preview');
  await expect(preview).toBeVisible();
  // Decoded by the browser, at its full size: the preview shows the real file.
  expect(
    await preview.evaluate((img) => {
      const i = img as unknown as { complete: boolean; naturalWidth: number };
      return i.complete && i.naturalWidth;
    }),
  ).toBe(600);
  await expect(seal.getByTestId('seal-size')).toHaveText('印章图片：600×600像素');
  await expect(seal.getByTestId('seal-hints')).toHaveCount(0);
  await shot(page, 'seal');

  // A photo-like PNG is accepted with advice on what will print badly.
  await seal
    .getByTestId('seal-file')
    .setInputFiles({ name: '扫描件.png', mimeType: 'image/png', buffer: makePng(300, 200) });
  await expect(seal.getByTestId('seal-hints')).toContainText('没有透明背景');
  await expect(seal.getByTestId('seal-hints')).toContainText('不是正方形（300×200像素）');

  // Removing asks first; 取消 keeps it, 删除 removes it.
  await seal.getByTestId('seal-remove').click();
  await page.getByTestId('seal-remove-dialog').getByRole('button', { name: '取消' }).click();
  await expect(seal.getByTestId('seal-preview')).toBeVisible();
  await seal.getByTestId('seal-remove').click();
  await expect(page.getByTestId('seal-remove-dialog')).toContainText('已定稿的文书保留原来的印章');
  await page.getByTestId('seal-remove-dialog').getByTestId('confirm-ok').click();
  await expect(snackbar(page)).toContainText('已删除本局印章图片');
  await expect(seal.getByTestId('seal-none')).toBeVisible();

  // An officer sees the settings and may try printing, but changes nothing.
  await logout(page);
  await login(page, 'officer', 'officer123', '张伟');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-readonly')).toBeVisible();
  await expect(page.getByTestId('settings-warn-ahead-value')).toHaveText('期限届满前5个工作日提醒');
  await expect(page.getByTestId(`pdf-engine-${engine.id}`)).toBeChecked();
  await expect(page.getByTestId(`pdf-engine-${engine.id}`)).toBeDisabled();
  await expect(page.getByTestId('pdf-engine-save')).toHaveCount(0);
  await expect(page.getByTestId('seal-upload')).toHaveCount(0);
  await shot(page, 'readonly');

  // Put everything back for the specs that run after this one.
  await logout(page);
  await login(page, 'head', 'head123', '杨建国');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('pdf-engine-auto').check();
  await page.getByTestId('pdf-engine-save').click();
  await expect(snackbar(page)).toContainText('已设置PDF引擎：自动选择');
  await page.getByTestId('settings-warn-ahead').fill('3');
  await page.getByTestId('settings-warn-ahead-save').click();
  await expect(snackbar(page)).toContainText('期限届满前3个工作日提醒');
});
