/**
 * 卷内顺序 in the browser: the reviewer moves a photo within its group with Alt+↓ (the first item of a
 * group cannot go up: the button is disabled), leaves the draft 立案审批表 out, saves, and 组卷 binds
 * in that order without it.
 */
import { expect, test } from './fixtures.js';
import { CaseRunner, openCase } from '#core/testing/caseRunner.js';
import { pageCaller } from './pageCaller.js';
import { chinaDate, login } from './support.js';

test('the reviewer orders the file within the rules, leaves a draft out, and the dossier is bound so', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('login-username')).toBeVisible();
  const t = pageCaller(page);
  const r = await CaseRunner.start(t, { setDate: () => {} });
  const today = chinaDate();
  r.today = today;
  const caseId = (
    await openCase(t, r.officer, {
      filedOn: today,
      discoveredOn: today,
      violationOn: today,
      summary: '现场检查发现该公司废气未经处理直接排放。',
      requestId: `order-${Date.now()}`,
    })
  ).state.id;
  r.caseId = caseId;
  await r.gen('filing-approval');
  await r.photos([]); // 1号排气筒排放状况, 布袋除尘器破损情况

  await login(page, 'reviewer', 'reviewer123', '吴秀英');
  await page.goto(`/#/cases/${caseId}/dossier`);
  const order = page.getByTestId('dossier-order');
  const rows = order.getByTestId('order-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('1号排气筒排放状况');
  await expect(rows.nth(1).getByTestId('order-up')).toBeDisabled();

  await rows.nth(1).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(rows.nth(1)).toContainText('布袋除尘器破损情况');
  await rows.nth(0).getByTestId('order-exclude').check();
  await order.getByTestId('order-save').click();
  await expect(order.getByTestId('order-source')).toContainText('吴秀英于');

  await page.getByTestId('dossier-build').click();
  const catalog = page.getByTestId('dossier-catalog').first();
  await expect(catalog.getByTestId('catalog-row')).toHaveCount(2, { timeout: 60_000 });
  await expect(catalog.getByTestId('catalog-row').nth(0)).toContainText('布袋除尘器破损情况');
  await expect(catalog.getByTestId('catalog-row').nth(1)).toContainText('1号排气筒排放状况');
});
