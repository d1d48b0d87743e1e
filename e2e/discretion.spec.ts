/**
 * Recommendations in the browser: the 推荐 panel of the 立案 form suggests the violation type from the
 * inspection text (with the words that matched) and fills the choice; at the 调查报告 step the
 * 裁量计算 dialog calculates the fine inside the band and copies the amount and its explanation into
 * the report form.
 */
import { expect, test } from './fixtures.js';
import { chinaDate, login } from './support.js';
import {
  act,
  actWithForm,
  addOfficer,
  approveFilingAsHead,
  as,
  expectNode,
  generate,
  investigationRecords,
  officer,
  shot,
  uploadPhoto,
  watchProblems,
} from './caseSteps.js';

test('recommend the violation type at 立案, calculate the fine at 调查报告', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  await login(page, officer.username, officer.password, officer.name);

  await page.getByTestId('open-case').click();
  const open = page.getByTestId('open-case-dialog');
  await open
    .getByTestId('case-summary')
    .fill(
      '现场检查发现该公司新建的砂石加工生产线已建成并试运行，无法提供环评批复文件，项目未经环境影响评价审批即开工建设。',
    );
  await open.getByTestId('enterprise-input').fill('化工');
  await page.getByRole('option').filter({ hasText: '化工' }).first().click();

  // An act before the 生态环境法典: the suggestions rest on the law of that day (环评法).
  await open.getByTestId('case-violation-on').fill('2026-06-01');
  await open.getByTestId('recommend-toggle').click();
  await expect(open.getByTestId('recommend-text')).toHaveValue(/砂石加工生产线/);
  const best = open.getByTestId('recommend-eia-unapproved-construction');
  // The act's date reaches the panel asynchronously and clears suggestions made for another day:
  // ask again until the suggestions for 2026-06-01 stand, as a clerk would.
  await expect(async () => {
    await open.getByTestId('recommend-run').click();
    await expect(best).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 20_000 });
  await expect(open.getByTestId('recommend-results').locator('li').first()).toHaveAttribute(
    'data-testid',
    'recommend-eia-unapproved-construction',
  );
  await expect(best).toContainText('环评');
  await expect(best.getByTestId('recommend-citation')).toContainText('环境影响评价法》第三十一条第一款');
  await shot(page, 'discretion-1-recommend');
  await best.getByRole('button', { name: '选用' }).click();
  await expect(best.getByRole('button', { name: '已选用' })).toBeVisible();
  await expect(open.getByTestId('violation-detail')).toContainText('环境影响评价法');

  await addOfficer(page, open, '李娜');
  await open.getByTestId('discovered-on').fill(chinaDate(-12));
  await open.getByTestId('filed-on').fill(chinaDate(-10));
  await open.getByTestId('open-case-submit').click();
  await expect(page.getByTestId('case-page')).toBeVisible({ timeout: 30_000 });

  await generate(page, 'filing-approval');
  await act(page, 'submitFiling');
  await approveFilingAsHead(page);
  await as(page, officer);
  await investigationRecords(page, {
    inspectedDay: -9,
    inspectionPlace: '砂石加工生产线',
    inspectionFindings: '生产线已建成，未见环境影响评价审批文件。',
    interviewPlace: '询问室',
    interviewContent: '问：项目是否取得环评批复？答：尚未取得。',
  });
  await page.getByTestId('tab-evidence').click();
  await uploadPhoto(page, '现场.png', '生产线全景', chinaDate(-9));
  await act(page, 'finishInvestigation');
  await expectNode(page, '调查报告');

  await actWithForm(page, 'submitReport', async (d) => {
    await d.getByTestId('form-facts').fill('当事人砂石加工项目未经环评审批擅自开工建设。');
    await d.getByTestId('form-investment').fill('3000000');
    await d.getByTestId('form-reasoning').fill('当事人积极配合调查。');
    await d.getByTestId('open-discretion').click();
    const calc = page.getByTestId('discretion-dialog');
    await expect(calc.getByTestId('discretion-panel')).toBeVisible();
    const selects = calc.getByRole('combobox');
    const n = await selects.count();
    expect(n).toBe(8);
    for (let i = 0; i < n; i += 1) {
      await selects.nth(i).click();
      await page.getByRole('listbox').getByRole('option').last().click();
    }
    await expect(calc.getByTestId('discretion-fine')).toHaveText('建议罚款：150,000.00 元');
    await expect(calc.getByTestId('discretion-steps')).toContainText('建设进度');
    await expect(calc.getByTestId('discretion-lines')).toContainText('建设项目总投资额3,000,000元的1%至5%');
    await shot(page, 'discretion-2-calculate');
    await calc.getByTestId('discretion-apply').click();
    await expect(calc).toBeHidden();
    await expect(d.getByTestId('form-fine')).toHaveValue('150000');
    await shot(page, 'discretion-3-report');
    await expect(d.getByTestId('form-reasoning')).toHaveValue(
      /^当事人积极配合调查。\n依据《中华人民共和国环境影响评价法》第三十一条第一款.*拟处罚款150,000元。$/s,
    );
  });
  await expectNode(page, '案件审查');
  expect(problems).toEqual([]);
});
