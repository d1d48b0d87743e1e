/**
 * The case page for the reviewer and the head, at 1366×768 (a county office PC):
 * - 立案 against a party of another county warns with both counties named and needs a recorded
 *   reason, which the history shows; the directory lists the bureau's own county (天柱县) first;
 * - at 案件审查 the reviewer reads the facts, evidence, basis, proposed fine, discretion and each
 *   legality check on the page; the officer sees no button he can never press, only whom it waits for;
 * - the stepper marks the phases the case passed by 不适用, with the reason, and never ticks them;
 * - a payment above what is owed is refused in Chinese, the typed values kept.
 * Steps that are not the subject here go through the core's API.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { chinaDate, login, logout, makePng } from './support.js';
import { addOfficer, expectNode, officer } from './caseSteps.js';
import { developerTextIn } from '../renderer/src/util/developerText.js';

test.use({ viewport: { width: 1366, height: 768 } });

const reviewer = { username: 'reviewer', password: 'reviewer123', name: '吴秀英' };
const today = chinaDate();
/** 未依法填报排污信息 (生态环境法典 art. 1106): a Code type whose band (up to 50,000 yuan) fits both cases. */
const violationId = 'code-1106-pollution-registration';

type Reply = { ok: boolean; value?: unknown; error?: { message: string } };

/** One operation over the web host, with the page's session or another user's token. */
async function api<T = unknown>(page: Page, op: string, input: unknown, token?: string): Promise<T> {
  const r = (await page.evaluate(
    async ([op, input, token]) => {
      const session = (
        globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
      ).sessionStorage.getItem('anjuan.session');
      const res = await fetch('/api', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ op, input, token: token ?? session }),
      });
      return res.json();
    },
    [op, input, token] as const,
  )) as Reply;
  if (!r.ok) throw new Error(`${op}: ${r.error?.message}`);
  return r.value as T;
}

const tokenOf = async (page: Page, username: string, password: string): Promise<string> =>
  (await api<{ token: string }>(page, 'session.login', { username, password })).token;

type Template = { id: string; fields: Array<{ key: string; source: string; input?: string; required: boolean }> };
async function generate(page: Page, caseId: string, type: string, typed: Record<string, string> = {}): Promise<void> {
  const tpl = (await api<Template[]>(page, 'templates.list', {})).find((t) => t.id === type)!;
  const fields = Object.fromEntries(
    tpl.fields
      .filter((f) => f.source === 'input' && f.required)
      .map((f) => [f.key, f.input === 'date' ? today : f.input === 'datetime' ? `${today}T09:00` : '现场检查情况记录']),
  );
  await api(page, 'documents.generate', { caseId, type, fields: { ...fields, ...typed } });
}

const act = (page: Page, caseId: string, action: string, data: Record<string, unknown> = {}, token?: string) =>
  api(page, 'cases.act', { caseId, action, track: 'main', data }, token);

test('立案 against a party of another county: both counties named, a reason required and kept in the history', async ({
  page,
}) => {
  await page.goto('/');
  await login(page, officer.username, officer.password, officer.name);
  // 立案 names its shortcut in the tooltip, and the shortcut opens it.
  await page.getByTestId('open-case').hover();
  await expect(page.getByRole('tooltip')).toHaveText('立案（快捷键 Alt+N）');
  await page.keyboard.press('Alt+N');
  const open = page.getByTestId('open-case-dialog');
  await expect(open).toBeVisible();

  // The directory offers the bureau's own county first.
  await open.getByTestId('enterprise-input').click();
  await expect(page.getByRole('option').first()).toContainText('天柱县');

  await open.getByTestId('enterprise-input').fill('锦屏');
  await page.getByRole('option').filter({ hasText: '锦屏县' }).first().click();
  const warning = open.getByTestId('jurisdiction-warning');
  await expect(warning).toContainText('当事人登记在锦屏县，本局位于天柱县');
  await expect(warning).toContainText('行政处罚法第二十二条');

  await open.getByTestId('case-violation-on').fill(today);
  await open.getByRole('combobox', { name: /^违法行为/ }).click();
  await page
    .getByRole('option', { name: /未依法填报排污信息/ })
    .first()
    .click();
  await addOfficer(page, open, '李娜');
  const summary = '现场检查发现该公司未依法填报排污登记表，排污口位于本县辖区。';
  await open.getByTestId('case-summary').fill(summary);

  // No reason: refused at the field, nothing typed is lost.
  await open.getByTestId('open-case-submit').click();
  await expect(open.getByText('请填写本局管辖的理由')).toBeVisible();
  await expect(open.getByTestId('case-summary')).toHaveValue(summary);
  const reason = '违法行为发生地（排污口）位于本县辖区内';
  await open.getByTestId('jurisdiction-reason').fill(reason);
  await open.getByTestId('jurisdiction-reason').press('Enter'); // Enter submits the form
  await expect(page.getByTestId('case-page')).toBeVisible({ timeout: 30_000 });

  await page.getByTestId('tab-history').click();
  await expect(page.getByText(`当事人登记在锦屏县（本局位于天柱县），管辖理由：${reason}`)).toBeVisible();
  // No developer text: the history says what its check means, never a hash.
  await expect(page.getByTestId('chain-status')).toContainText('历史记录完整，未被篡改');
  expect(developerTextIn((await page.locator('body').textContent()) ?? '')).toEqual([]);
});

test('the reviewer reads what he approves on the page; the officer sees no button he can never press; 不适用 phases are not ticked', async ({
  page,
}) => {
  await page.goto('/');
  await login(page, officer.username, officer.password, officer.name);
  const [ent] = await api<Array<{ id: string }>>(page, 'enterprises.search', { query: '天柱', limit: 1 });
  const opened = await api<{ state: { id: string } }>(page, 'cases.open', {
    enterpriseId: ent!.id,
    violationId,
    officerIds: ['off-01', 'off-02'],
    discoveredOn: today,
    filedOn: today,
    violationOn: today,
    source: '现场检查',
    summary: '现场检查发现该公司未依法填报排污登记表。',
    requestId: `review-desk-${Date.now()}`,
  });
  const caseId = opened.state.id;
  const head = await tokenOf(page, 'head', 'head123');
  const reviewerToken = await tokenOf(page, reviewer.username, reviewer.password);
  await generate(page, caseId, 'filing-approval');
  await act(page, caseId, 'submitFiling');
  await act(page, caseId, 'approveFiling', { comment: '同意立案。' }, head);
  await generate(page, caseId, 'inspection-record');
  await generate(page, caseId, 'inspection-record'); // regenerated: version 1 is replaced
  await generate(page, caseId, 'interview-record');
  await api(page, 'evidence.add', {
    caseId,
    kind: 'photo',
    fileName: 'outlet.png',
    contentBase64: makePng().toString('base64'),
    description: '排污口现场照片',
    takenOn: today,
  });
  await act(page, caseId, 'finishInvestigation');
  const facts = '经查，该公司属于应当填报排污登记表的单位，至检查之日未填报排污信息。';
  await act(page, caseId, 'submitReport', {
    facts,
    proposedFine: 20000,
    investment: null,
    reasoning: '首次违法，检查后即补报。',
  });

  // The officer at 案件审查: no review buttons, the page says whom the step waits for.
  await page.goto(`/#/cases/${caseId}/documents`);
  await expectNode(page, '案件审查');
  await expect(page.getByTestId('action-button-passReview')).toHaveCount(0);
  await expect(page.getByTestId('others-do-main')).toContainText('须由法制审核或负责人执行');
  // The replaced 笔录 is marked and not counted.
  await expect(page.getByTestId('document-superseded')).toHaveCount(1);
  await expect(page.getByTestId('document-count')).toHaveText('共3份文书（另有1个已被替换的旧版本，不计入文书和卷宗）');

  // The reviewer reads what he approves, from the case's record.
  await logout(page);
  await login(page, reviewer.username, reviewer.password, reviewer.name);
  await expectNode(page, '案件审查');
  const panel = page.getByTestId('review-summary');
  await expect(panel.getByTestId('summary-facts')).toContainText(facts);
  await expect(panel.getByTestId('summary-evidence')).toContainText('现场照片：排污口现场照片');
  await expect(panel.getByTestId('summary-evidence').locator('li')).toHaveCount(3); // 2 records (newest only), 1 photo
  await expect(panel.getByTestId('summary-basis')).toContainText('处罚依据：《中华人民共和国生态环境法典》');
  await expect(panel.getByTestId('summary-penalty')).toContainText('拟罚款20,000.00 元');
  await expect(panel.getByTestId('summary-discretion')).toBeVisible();
  await expect(panel.getByTestId('summary-check-basisAndBand')).toHaveAttribute('data-result', '通过');
  await expect(panel.locator('[data-testid^="summary-check-"]').first()).toBeVisible();
  await expect(page.getByTestId('action-button-passReview')).toBeEnabled();

  // The reviewer proposes no penalty: 告知 and 法制审核/集体讨论 never happened, and say why.
  await act(page, caseId, 'reviewToNoPenalty', { comment: '不予处罚。' }, reviewerToken);
  await page.reload();
  await expectNode(page, '处罚决定');
  const stepper = page.getByTestId('phase-stepper');
  await expect(stepper.getByTestId('phase-notice')).toHaveAttribute('data-status', 'notApplicable');
  await expect(stepper.getByTestId('phase-deliberation')).toHaveAttribute('data-status', 'notApplicable');
  await expect(stepper.getByTestId('phase-deliberation')).toContainText('不适用');
  await expect(stepper.locator('[data-status="done"]')).toHaveCount(3); // 立案, 调查取证, 审查
  await expect(page.getByTestId('phase-reason-notice')).toHaveText(
    '告知/听证不适用：经“审查意见：不予处罚或移送”，未经此环节',
  );
  await expect(page.getByTestId('phase-reason-deliberation')).toContainText(
    '本案无须法制审核：拟罚款20,000元，未达重大执法决定标准（500,000元）',
  );
});

test('a payment above what is owed is refused in Chinese, the typed values kept', async ({ page }) => {
  await page.goto('/');
  await login(page, officer.username, officer.password, officer.name);
  const [ent] = await api<Array<{ id: string }>>(page, 'enterprises.search', { query: '天柱', limit: 1 });
  const opened = await api<{ state: { id: string } }>(page, 'cases.open', {
    procedure: 'summary',
    enterpriseId: ent!.id,
    violationId,
    officerIds: ['off-01', 'off-02'],
    discoveredOn: today,
    filedOn: today,
    violationOn: today,
    source: '现场检查',
    summary: '现场检查发现该公司未依法填报排污登记表，当场处罚。',
    requestId: `overpay-${Date.now()}`,
  });
  const caseId = opened.state.id;
  await generate(page, caseId, 'inspection-record');
  await generate(page, caseId, 'on-spot-decision', { onSpotWarning: '否', onSpotFine: '2000' });
  await act(page, caseId, 'decideOnTheSpot', {
    facts: '未依法填报排污信息',
    warning: false,
    fine: 2000,
    rightsExplained: true,
    servedOn: today,
  });
  await act(page, caseId, 'fileSummaryRecord', { comment: '已报局备案。' });

  await page.goto(`/#/cases/${caseId}/documents`);
  await expectNode(page, '执行');
  await page.getByTestId('action-button-recordPayment').click();
  const dialog = page.getByTestId('action-dialog');
  await dialog.getByTestId('form-amount').fill('3000');
  await dialog.getByTestId('form-paid-on').fill(today);
  await dialog.getByTestId('form-receipt-no').fill('黔非税2026-0001');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toContainText('缴款金额3,000元超过尚欠罚款2,000元');
  await expect(dialog.getByTestId('form-amount')).toHaveValue('3000');
  await expect(dialog.getByTestId('form-receipt-no')).toHaveValue('黔非税2026-0001');
  // Nothing was recorded.
  const view = await api<{ state: { payments: unknown[] } }>(page, 'cases.get', { caseId });
  expect(view.state.payments).toEqual([]);
});
