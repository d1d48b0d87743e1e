import { expect, test } from './fixtures.js';

test('a wrong password is refused in Chinese and the form keeps the username', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('login-bureau')).toContainText('生态环境局');
  await page.getByTestId('login-username').fill('officer');
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误');
  await expect(page.getByTestId('login-username')).toHaveValue('officer');

  // A demo account fills the form; Enter logs in.
  await page.getByTestId('demo-user-officer').click();
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('current-user')).toHaveText('张伟');
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-username')).toBeVisible();
});
