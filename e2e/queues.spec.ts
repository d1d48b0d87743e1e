/**
 * Each role sees its own work first, on a county office PC's screen (1366×768): the head lands on
 * 待我审批 and the reviewer on 待我审核, each with the count in the navigation, and 到期提醒 shows the
 * bureau's deadlines apart from the party's periods. Nothing in the bar is cut off.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { CaseRunner, openCase } from '#core/testing/caseRunner.js';
import { pageCaller } from './pageCaller.js';
import { airFacts, airReasoning } from '#core/testing/scenarioTexts.js';
import { chinaDate, login, logout } from './support.js';

test.use({ viewport: { width: 1366, height: 768 } });

/** Nothing of the bar runs past the right edge of the window. */
async function expectBarFits(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  for (const id of ['nav-work', 'nav-deadlines', 'logout']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.x + box!.width, id).toBeLessThanOrEqual(width);
  }
}

test('the head lands on 待我审批 and the reviewer on 待我审核, with their counts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('login-username')).toBeVisible();
  const t = pageCaller(page);
  const today = chinaDate();
  const r = await CaseRunner.start(t, { setDate: () => {} });
  r.today = today;
  const opened = { filedOn: today, discoveredOn: today, violationOn: today };

  // A case submitted for 立案审批: it waits for the head.
  r.caseId = (await openCase(t, r.officer, { ...opened, requestId: `queues-a-${Date.now()}` })).state.id;
  const forHead = r.caseId;
  await r.gen('filing-approval');
  await r.act(r.officer, 'submitFiling');

  // A case investigated and reported: at 案件审查 it waits for the reviewer.
  r.caseId = (await openCase(t, r.officer, { ...opened, requestId: `queues-b-${Date.now()}` })).state.id;
  const forReviewer = r.caseId;
  await r.gen('filing-approval');
  await r.act(r.officer, 'submitFiling');
  await r.act(r.head, 'approveFiling', { comment: '同意立案。' });
  await r.gen('inspection-record');
  await r.gen('interview-record');
  await r.photos([]);
  await r.act(r.officer, 'finishInvestigation');
  await r.act(r.officer, 'submitReport', {
    facts: airFacts,
    proposedFine: 200000,
    investment: null,
    reasoning: airReasoning,
  });

  // The head: lands on 待我审批, the count in the bar equals the queue's.
  await login(page, 'head', 'head123', '杨建国');
  await expect(page.getByTestId('work-screen')).toBeVisible();
  await expect(page.getByTestId('queue-current')).toHaveAttribute('data-queue', 'head');
  const headQueue = page.getByTestId('queue-head');
  await expect(headQueue.locator(`[data-case-id="${forHead}"]`)).toContainText('立案审批');
  await expect(headQueue.locator(`[data-case-id="${forReviewer}"]`)).toHaveCount(0);
  const headCount = await headQueue.getByTestId('queue-row').count();
  await expect(page.getByTestId('nav-work')).toContainText('待我审批');
  await expect(page.getByTestId('nav-work-count').locator('.MuiBadge-badge')).toHaveText(String(headCount));
  await expectBarFits(page);

  // 到期提醒: the bureau's own deadlines and the party's periods in two groups.
  await page.getByTestId('nav-deadlines').click();
  await expect(page.getByTestId('deadlines-screen')).toBeVisible();
  await page.getByRole('button', { name: '全部进行中的期限' }).click();
  await expect(page.getByTestId('deadlines-bureau')).toContainText('本局办理期限');
  await expect(page.getByTestId('deadlines-bureau')).toContainText('作出处罚决定期限');
  await expect(page.getByTestId('deadlines-party')).toContainText('当事人期限');
  await expectBarFits(page);
  await logout(page);

  // The reviewer: lands on 待我审核 with the case at 案件审查.
  await page.goto('/');
  await login(page, 'reviewer', 'reviewer123', '吴秀英');
  await expect(page.getByTestId('queue-current')).toHaveAttribute('data-queue', 'reviewer');
  const reviewQueue = page.getByTestId('queue-reviewer');
  await expect(reviewQueue.locator(`[data-case-id="${forReviewer}"]`)).toContainText('案件审查');
  await expect(reviewQueue.locator(`[data-case-id="${forHead}"]`)).toHaveCount(0);
  const reviewCount = await reviewQueue.getByTestId('queue-row').count();
  await expect(page.getByTestId('nav-work')).toContainText('待我审核');
  await expect(page.getByTestId('nav-work-count').locator('.MuiBadge-badge')).toHaveText(String(reviewCount));
  await expectBarFits(page);

  // A click opens the case.
  await reviewQueue.locator(`[data-case-id="${forReviewer}"]`).getByRole('link').click();
  await expect(page.getByTestId('case-page')).toBeVisible();
});
