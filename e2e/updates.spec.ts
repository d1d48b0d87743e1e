/**
 * 本局设置 → 软件更新 in the browser: a head sets the folder the desktop app reads updates
 * from, is told in Chinese what is wrong with a bad one, and puts it back; in the web host there is no
 * updater, so 立即检查 is disabled and the page says so. An officer only reads the location.
 */
import { expect, test } from './fixtures.js';
import { login, logout } from './support.js';

test('a head sets the update folder; the web host cannot check; an officer only reads it', async ({ page }) => {
  await page.goto('/');
  await login(page, 'head', 'head123', '杨建国');
  await page.getByTestId('nav-settings').click();
  const section = page.getByTestId('settings-updates');
  await expect(section).toContainText('网页版不自行更新');
  await expect(section.getByTestId('settings-update-check')).toBeDisabled();

  const source = section.getByTestId('settings-update-source');
  await source.fill('ftp://server/anjuan');
  await source.press('Enter');
  await expect(section).toContainText('更新网址只能以 http:// 或 https:// 开头');
  await source.fill('\\\\fileserver\\共享\\案卷更新');
  await source.press('Enter');
  await expect(page.getByTestId('snackbar')).toContainText('已设置更新位置：\\\\fileserver\\共享\\案卷更新');

  await logout(page);
  await login(page, 'officer', 'officer123', '张伟');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-update-source-value')).toContainText('\\\\fileserver\\共享\\案卷更新');
  await expect(page.getByTestId('settings-update-source')).toHaveCount(0);

  // Put it back: the specs a worker runs share its host's data directory.
  await logout(page);
  await login(page, 'head', 'head123', '杨建国');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-update-source').fill('');
  await page.getByTestId('settings-update-source').press('Enter');
  await expect(page.getByTestId('snackbar')).toContainText('已改用安装包内置的更新地址');
});
