/**
 * The law of the act's date in the browser: a 未批先建 act of 2026-06-01 (报告书), before the 生态环境法典, decided now.
 * The 立案 dialog offers the types of the law of that day and says the law cannot be settled yet; the
 * case page's 法律适用 panel asks for the 建设项目总投资额 and which new provision describes the act,
 * then compares the bands (1%–5% of 1亿 = 1,000,000–5,000,000 元 against 200,000–1,000,000 元) and
 * applies the lighter new law, 法典 art. 1095, with the sentence the documents print.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { login, setWorkstationDate } from './support.js';
import { addOfficer, officer, shot } from './caseSteps.js';

const today = '2026-12-07';

/** Set ANJUAN_E2E_SHOTS=<dir> to keep pictures of the panel (in a tall window, so the app bar covers none of it). */
async function panelShot(page: Page, name: string): Promise<void> {
  const dir = process.env.ANJUAN_E2E_SHOTS;
  if (!dir) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1400, height: 2400 });
  await page.getByTestId('legal-basis-panel').screenshot({ path: `${dir}/${name}.png` });
  if (size) await page.setViewportSize(size);
}

// The workstation and the page agree on a fixed day, so the comparison is made "now" = 2026-12-07.
test.afterEach(() => setWorkstationDate(null));

test('an act before the Code decided now: the panel asks for the figures and applies the lighter new law', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  setWorkstationDate(today);
  await page.clock.setFixedTime(new Date(`${today}T10:00:00+08:00`));
  await page.goto('/');
  await login(page, officer.username, officer.password, officer.name);

  await page.getByTestId('open-case').click();
  const open = page.getByTestId('open-case-dialog');
  await open.getByTestId('enterprise-input').fill('混凝土');
  await page.getByRole('option').filter({ hasText: '混凝土' }).first().click();

  // Without a date the types are today's (the Code's); with the act's date, the law of that day.
  await open.getByRole('combobox', { name: /^违法行为/ }).click();
  await expect(page.getByRole('option', { name: /FD-1095-1A/ })).toBeVisible();
  await shot(page, 'legal-basis-0-types-of-today');
  await page.getByRole('option', { name: /FD-1095-1A/ }).click();
  await expect(open.getByTestId('violation-detail')).toContainText('生态环境法典》第一千零九十五条第一款');
  await expect(open.getByTestId('legal-basis-preview')).toContainText('未填写违法行为发生日期');
  // A type the law of the act's day does not know is cleared, and the clerk is told so.
  await open.getByTestId('case-violation-on').fill('2026-06-01');
  await expect(open.getByTestId('violation-list-note')).toContainText('已清除');
  await expect(open.getByTestId('violation-detail')).toHaveCount(0);
  // The limitation question is 处罚法 art. 36's for the act's day and art. 1054's for its discovery after the Code.
  await expect(open.getByTestId('case-seriousHarm')).toContainText('行政处罚法第三十六条');
  await expect(open.getByTestId('case-pollutionHarm')).toContainText('生态环境法典第一千零五十四条');
  await open.getByRole('combobox', { name: /^违法行为/ }).fill('JS-001');
  await page.getByRole('option', { name: /未批先建/ }).click();
  await expect(open.getByTestId('violation-detail')).toContainText('环境影响评价法》第三十一条第一款');
  await expect(open.getByTestId('legal-basis-preview')).toContainText('尚不能确定适用的法律');
  await shot(page, 'legal-basis-0-dialog');

  await addOfficer(page, open, '李娜');
  await open.getByTestId('discovered-on').fill('2026-12-01');
  await open.getByTestId('filed-on').fill('2026-12-02');
  await open
    .getByTestId('case-summary')
    .fill('现场检查发现该公司搅拌站扩建项目应编制环境影响报告书，未经批准即于2026年6月1日开工建设。');
  await open.getByTestId('open-case-submit').click();
  await expect(page.getByTestId('case-page')).toBeVisible({ timeout: 30_000 });

  // 法律适用: undecided until the figures are given.
  const panel = page.getByTestId('legal-basis-panel');
  await expect(panel.getByTestId('legal-basis-act-date')).toContainText('2026-06-01');
  await expect(panel.getByTestId('legal-basis-result')).toContainText('尚不能确定适用的法律');
  await expect(panel.getByTestId('legal-basis-review')).toContainText('请选择与本案违法行为相符的一项');
  await expect(panel.getByTestId('legal-basis-at-act')).toContainText('须填写建设项目总投资额以计算法定幅度');
  const investment = panel.getByLabel('建设项目总投资额');
  await expect(investment).toBeVisible();

  await panelShot(page, 'legal-basis-1-undecided');

  // What cannot be read is refused on the spot, and what was typed stays.
  await investment.fill('一亿');
  await panel.getByTestId('legal-basis-submit').click();
  await expect(panel.getByTestId('legal-basis-form')).toContainText('建设项目总投资额须为不小于零的数字');
  await expect(investment).toHaveValue('一亿');

  await investment.fill('100000000');
  await panel.getByRole('combobox', { name: /相符的新条款/ }).click();
  await page.getByRole('option', { name: /报告书/ }).click();
  await panel.getByTestId('legal-basis-submit').click();

  // The toast first: it shows with the new result and hides after 4 s, so waiting on the result first could
  // miss it on a loaded machine (a CI run did).
  await expect(page.getByTestId('snackbar')).toContainText('已记录', { timeout: 30_000 });
  await expect(panel.getByTestId('legal-basis-result')).toContainText('适用新法（处罚较轻）');
  await expect(panel.getByTestId('legal-basis-applied')).toContainText('第一千零九十五条');
  await expect(panel.getByTestId('legal-basis-at-act')).toContainText('即1,000,000元至5,000,000元');
  await expect(panel.getByTestId('legal-basis-at-decision')).toContainText('第一千零九十五条');
  const statement = panel.getByTestId('legal-basis-statement');
  await expect(statement).toContainText('新的规定处罚较轻');
  await expect(statement).toContainText('《中华人民共和国生态环境法典》第一千零九十五条第一款');
  await expect(panel.getByTestId('legal-basis-review')).toHaveCount(0);
  await expect(panel.getByTestId('legal-basis-form')).toHaveCount(0);
  await panelShot(page, 'legal-basis-2-decided');

  // The figures stay with the case: after a reload, and in its history.
  await page.reload();
  await expect(panel.getByTestId('legal-basis-result')).toContainText('适用新法（处罚较轻）');
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('history-entry').filter({ hasText: '记录比较新旧规定所需的数额' })).toContainText(
    '建设项目总投资额100,000,000元',
  );

  expect(problems).toEqual([]);
});
