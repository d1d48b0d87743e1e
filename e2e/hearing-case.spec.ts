/**
 * The hearing path in the browser (处罚法 arts. 63–65, 58): a fine above the large-amount threshold,
 * the party asks for a hearing within five working days of the notice, the hearing is noticed seven
 * working days ahead and presided by a non-investigator, heard and reported with a lower fine; the
 * case then goes to 法制审核 by the reviewer, and the legality review passes before the decision.
 */
import { expect, test } from './fixtures.js';
import { chinaDate, login, makePng, setWorkstationDate } from './support.js';
import { act, actWithForm, addOfficer, as, expectNode, generate, head, officer, serviceReceipt } from './caseSteps.js';

const reviewer = { username: 'reviewer', password: 'reviewer123', name: '吴秀英' };

// The case spans five weeks: the workstation's date is moved along (and given back at the end).
test.afterEach(() => setWorkstationDate(null));

test('a hearing is asked for, noticed, held and reported; 法制审核 follows; the decision passes the legality review', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  setWorkstationDate(chinaDate(-40));
  await page.goto('/');
  await login(page, officer.username, officer.password, officer.name);

  // 立案 five weeks ago.
  await page.getByTestId('open-case').click();
  const open = page.getByTestId('open-case-dialog');
  await open.getByTestId('enterprise-input').fill('砂石');
  const firstMatch = page.getByRole('option').filter({ hasText: '砂石' }).first();
  await expect(firstMatch).toBeVisible();
  await firstMatch.click();
  // An act after the 生态环境法典's commencement: the types offered are the Code's (颗粒物超标: art. 1107).
  await open.getByTestId('case-violation-on').fill(chinaDate(-42));
  await open.getByRole('combobox', { name: /^违法行为/ }).fill('FD-1107');
  await page.getByRole('option', { name: /超过重点污染物排放总量控制指标/ }).click();
  await addOfficer(page, open, '李娜');
  await open.getByTestId('discovered-on').fill(chinaDate(-41));
  await open.getByTestId('filed-on').fill(chinaDate(-40));
  await open.getByTestId('case-summary').fill('现场检查发现该公司破碎工段除尘设施未运行，颗粒物超标排放。');
  await open.getByTestId('open-case-submit').click();
  await expect(page.getByTestId('case-page')).toBeVisible({ timeout: 30_000 });

  await generate(page, 'filing-approval');
  await act(page, 'submitFiling');
  await as(page, head);
  await actWithForm(page, 'approveFiling');
  await as(page, officer);
  await generate(page, 'inspection-record', {
    inspectionTime: `${chinaDate(-40)}T09:30`,
    inspectionEnd: `${chinaDate(-40)}T11:00`,
    inspectionPlace: '破碎工段及排气筒',
    onSitePerson: '龙建明（生产负责人）',
    inspectionFindings: '破碎工段布袋除尘器未运行，排气筒可见明显粉尘排放。',
  });
  await generate(page, 'interview-record', {
    interviewTime: `${chinaDate(-40)}T14:00`,
    interviewPlace: '天柱分局询问室',
    interviewee: '龙建明',
    intervieweeTitle: '生产负责人',
    interviewContent: '问：除尘器为何未运行？答：布袋破损，尚未更换。',
  });
  await page.getByTestId('tab-evidence').click();
  await page
    .getByTestId('evidence-file')
    .setInputFiles({ name: '除尘器.png', mimeType: 'image/png', buffer: makePng() });
  await page.getByTestId('evidence-description').fill('破碎工段除尘器未运行');
  await page.getByTestId('evidence-date').fill(chinaDate(-40));
  await page.getByTestId('evidence-upload').click();
  await expect(page.getByTestId('evidence-thumb')).toBeVisible({ timeout: 30_000 });
  await act(page, 'finishInvestigation');
  setWorkstationDate(chinaDate(-36));
  await actWithForm(page, 'submitReport', async (d) => {
    await d.getByTestId('form-facts').fill('当事人破碎工段除尘设施未运行，颗粒物排放浓度超过排放标准。');
    await d.getByTestId('form-fine').fill('200000');
  });
  await as(page, head);
  await actWithForm(page, 'passReview');
  await as(page, officer);
  await generate(page, 'penalty-notice');
  await act(page, 'submitNotice');
  await as(page, head);
  await actWithForm(page, 'approveNotice');
  await as(page, officer);
  setWorkstationDate(chinaDate(-35));
  await serviceReceipt(page, '行政处罚事先告知书', chinaDate(-35));
  await act(page, 'serveNotice');
  await expectNode(page, '陈述申辩期');
  setWorkstationDate(chinaDate(-34));

  // ── 听证 ────────────────────────────────────────────────────────────────────────────────
  await actWithForm(page, 'requestHearing', async (d) => {
    await d.getByTestId('form-requestedOn').fill(chinaDate(-34));
    await d.getByTestId('form-requestedBy').fill('当事人委托代理人');
  });
  await expectNode(page, '听证通知');

  // Too short a notice, and an investigator presiding: refused with the article, nothing lost.
  await page.getByTestId('action-button-notifyHearing').click();
  const dialog = page.getByTestId('action-dialog');
  await dialog.getByTestId('form-notifiedOn').fill(chinaDate(-34));
  await dialog.getByTestId('form-hearingOn').fill(chinaDate(-33));
  await dialog.getByTestId('form-place').fill('天柱分局三楼会议室');
  await dialog.getByTestId('form-presider').fill('张伟');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog.getByTestId('action-error')).toContainText('七日前通知当事人');
  await expect(dialog.getByTestId('action-error')).toContainText('非本案调查人员');
  await expect(dialog.getByTestId('action-error')).toContainText('第六十四条');
  await expect(dialog.getByTestId('form-place')).toHaveValue('天柱分局三楼会议室');
  await dialog.getByTestId('form-hearingOn').fill(chinaDate(-20));
  await dialog.getByTestId('form-presider').fill(reviewer.name);
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expectNode(page, '举行听证');
  setWorkstationDate(chinaDate(-20));

  await actWithForm(page, 'recordHearing', async (d) => {
    await d.getByTestId('form-heldOn').fill(chinaDate(-20));
    await d.getByTestId('form-summary').fill('当事人陈述除尘布袋破损系突发故障，已于检查次日更换，请求从轻处罚。');
  });
  await expectNode(page, '听证报告');
  await actWithForm(page, 'finishHearing', async (d) => {
    await d.getByTestId('form-opinion').fill('当事人及时整改，建议酌情从轻，罚款十五万元。');
    await d.getByTestId('form-proposedFine').fill('150000');
  });
  // After a hearing the decision needs 法制审核 (art. 58): the engine routes there by itself.
  await expectNode(page, '法制审核');
  await expect(page.getByTestId('action-button-completeLegalReview')).toHaveCount(0);

  await as(page, reviewer);
  await actWithForm(page, 'completeLegalReview', async (d) => {
    await d.getByTestId('form-opinion').fill('事实清楚，证据确凿，程序合法，裁量适当。');
  });
  await expectNode(page, '处罚决定');

  // ── 决定: the legality review is shown and passes ─────────────────────────────────────────────
  await as(page, officer);
  await expect(page.getByTestId('legality')).toBeVisible();
  await expect(page.getByTestId('legality-legalReview')).toHaveAttribute('data-passed', 'true');
  await expect(page.getByTestId('legality-hearingOffered')).toHaveAttribute('data-passed', 'true');
  await generate(page, 'penalty-decision');
  await expect(page.getByTestId('legality-summary')).toContainText('各项均已通过');
  await act(page, 'submitDecision');
  await as(page, head);
  await actWithForm(page, 'approveDecision');
  await expectNode(page, '决定送达');

  await page.getByTestId('tab-history').click();
  const entries = page.getByTestId('history-entry');
  await expect(entries.filter({ hasText: '当事人申请听证' })).toHaveCount(1);
  await expect(entries.filter({ hasText: '完成法制审核' }).filter({ hasText: reviewer.name })).toHaveCount(1);

  // The bureau's deadline overview opens from the main navigation.
  await page.getByTestId('nav-deadlines').click();
  await expect(page.getByTestId('deadlines-screen')).toBeVisible();
  expect(problems).toEqual([]);
});
