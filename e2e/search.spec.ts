/**
 * 检索: two cases opened through the operations the page calls, a document generated in one; the
 * officer presses Ctrl+K, types a phrase from that document, sees the hit with the phrase marked
 * and opens the case at the document.
 */
import { expect, test } from './fixtures.js';
import { CaseRunner, openCase } from '#core/testing/caseRunner.js';
import { pageCaller } from './pageCaller.js';
import { chinaDate, login } from './support.js';

test('Ctrl+K, a phrase of a generated document, the hit opens the case at the document', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('login-username')).toBeVisible();
  const t = pageCaller(page);
  const r = await CaseRunner.start(t, { setDate: () => {} });
  const today = chinaDate();
  r.today = today;
  const opened = { filedOn: today, discoveredOn: today, violationOn: today };
  const word = `旁路阀私设${Date.now() % 100000}`;
  r.caseId = (
    await openCase(t, r.officer, {
      ...opened,
      summary: `现场检查发现该公司除尘设施${word}，废气未经处理直接排放。`,
      requestId: `search-a-${Date.now()}`,
    })
  ).state.id;
  const found = r.caseId;
  const doc = (await r.gen('filing-approval')) as { id: string };
  await openCase(t, r.officer, {
    ...opened,
    summary: '现场检查发现该公司危险废物露天堆放。',
    requestId: `search-b-${Date.now()}`,
  });

  await login(page, 'officer', 'officer123', '张伟');
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('app-search')).toBeFocused();
  await page.getByTestId('app-search').fill(word);
  await page.getByTestId('app-search').press('Enter');

  const hit = page.getByTestId('search-hit').filter({ hasText: '文书《立案审批表》' });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark').first()).toHaveText(word);
  await expect(page.getByTestId('search-hit').filter({ hasText: '危险废物' })).toHaveCount(0);
  await hit.click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/cases/${found}/documents/${doc.id}$`));
});
