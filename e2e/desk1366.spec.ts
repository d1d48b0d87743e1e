/**
 * The desk at 1366×768, the commonest office screen: as an officer, a head, a reviewer and the
 * administrator, every dialog opens with its title and buttons on screen (only its content scrolls),
 * no text anywhere is under 13 px, the top bar keeps one line with nothing overlapping, and the
 * toast after an action never covers the reasons another action is blocked.
 * Steps that are not the subject here go through the core's API; the case is found by its id.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { CaseRunner, openCase } from '#core/testing/caseRunner.js';
import { fileInvestigateReport } from '#core/testing/reportedCase.js';
import { pageCaller } from './pageCaller.js';
import { chinaDate, login, logout } from './support.js';
import { expectDialogFits, expectNoSmallText, expectSnackbarClear, expectTopBarFits } from './fit.js';

const officer = ['officer', 'officer123', '张伟'] as const;
const head = ['head', 'head123', '杨建国'] as const;
const reviewer = ['reviewer', 'reviewer123', '吴秀英'] as const;
const admin = ['admin', 'admin123', '赵敏'] as const;

async function as(page: Page, who: readonly [string, string, string]): Promise<void> {
  if ((await page.getByTestId('logout').count()) > 0) await logout(page);
  await login(page, ...who);
}

/** Opens a dialog with `open`, checks it fits, closes it with Esc. */
async function checkDialog(page: Page, name: string, open: () => Promise<void>, dialog?: Locator): Promise<void> {
  await open();
  const d = dialog ?? page.getByRole('dialog');
  await expectDialogFits(page, d, name);
  await page.keyboard.press('Escape');
  await expect(d).toBeHidden();
}

/** A main screen: the page settles, then no visible text under 13 px and the top bar on one line. */
async function checkScreen(page: Page, ready: Locator): Promise<void> {
  await expect(ready).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('global-progress')).toHaveCount(0);
  await expectNoSmallText(page);
  await expectTopBarFits(page);
}

let caseId = '';
let runner: CaseRunner;

test.describe.configure({ mode: 'serial' });

test('the officer: 立案, drafts, the case page, its tabs and every dialog on it', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await expect(page.getByTestId('login-username')).toBeVisible();
  await expectNoSmallText(page);
  runner = await CaseRunner.start(pageCaller(page), { setDate: () => {} });
  // The runner's days (filed 03-02, investigated 03-03) moved to end ten days ago: dates a real desk could see.
  runner.shiftDays = Math.round((Date.parse(chinaDate(-10)) - Date.parse('2026-03-02')) / 86_400_000);
  runner.day('2026-03-02');
  caseId = (
    await openCase(runner.t, runner.officer, {
      filedOn: runner.today,
      discoveredOn: runner.today,
      violationOn: runner.today,
      requestId: `desk1366-${Date.now()}`,
    })
  ).state.id;
  runner.caseId = caseId;

  await as(page, officer);
  await checkScreen(page, page.getByTestId('open-case'));

  // 立案 with a draft; 我的草稿 and the draft notice each ask before discarding.
  const openCaseDialog = page.getByTestId('open-case-dialog');
  await page.getByTestId('open-case').click();
  await expectDialogFits(page, openCaseDialog, '立案');
  await openCaseDialog.getByTestId('case-summary').fill('1366×768 的草稿');
  await expect(openCaseDialog.getByTestId('draft-saved')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(openCaseDialog).toBeHidden();
  await page.getByTestId('open-case').click();
  await openCaseDialog.getByTestId('draft-discard').click();
  await expectDialogFits(page, page.getByTestId('draft-discard-confirm'), '丢弃草稿');
  await page.keyboard.press('Escape');
  await openCaseDialog.getByTestId('case-summary').fill('1366×768 的草稿，再存一次');
  await expect(openCaseDialog.getByTestId('draft-saved')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-drafts').click();
  await checkScreen(page, page.getByTestId('drafts-screen'));
  const row = page.locator('[data-testid="drafts-row"]').filter({ hasText: '（尚未立案）' });
  await row.getByTestId('drafts-discard').click();
  const discard = page.getByTestId('drafts-discard-confirm');
  await expectDialogFits(page, discard, '我的草稿：丢弃');
  await discard.getByTestId('confirm-ok').click();
  await expect(row).toHaveCount(0);

  await checkDialog(page, '修改密码', () => page.getByTestId('change-password').click());

  // The case at 立案申请: the 立案审批表 generated through its form, then 提交立案审批 confirmed.
  await page.goto(`/#/cases/${caseId}`);
  await checkScreen(page, page.getByTestId('case-page'));
  const generate = page.getByTestId('generate-dialog');
  await page.getByTestId('generate-filing-approval').click();
  await expectDialogFits(page, generate, '生成立案审批表');
  await generate.getByTestId('generate-submit').click();
  await expect(generate).toBeHidden({ timeout: 60_000 });
  await page.getByTestId('action-button-submitFiling').click();
  await expectDialogFits(page, page.getByTestId('action-confirm'), '提交立案审批');
  await page.getByTestId('action-confirm').getByTestId('confirm-ok').click();
  await expect(page.getByTestId('case-node')).toHaveText('立案审批', { timeout: 30_000 });

  // The head approves through the action's form.
  await as(page, head);
  await expect(page.getByTestId('case-page')).toBeVisible();
  await page.getByTestId('action-button-approveFiling').click();
  const form = page.getByTestId('action-dialog');
  await expectDialogFits(page, form, '批准立案');
  await form.getByTestId('form-comment').fill('同意立案。');
  await form.getByTestId('action-submit').click();
  await expect(form).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('case-node')).toHaveText('调查取证', { timeout: 30_000 });

  // 调查取证: the toast after a document is generated leaves the blocked 调查终结's reasons readable.
  await as(page, officer);
  await expect(page.getByTestId('case-page')).toBeVisible();
  const reasons = page.getByTestId('action-reasons-finishInvestigation');
  await expect(reasons).toBeVisible();
  runner.day('2026-03-03');
  await page.getByTestId('generate-inspection-record').click();
  await expectDialogFits(page, generate, '生成现场检查（勘察）笔录');
  for (const [key, value] of Object.entries({
    inspectionTime: `${runner.today}T09:30`,
    inspectionEnd: `${runner.today}T11:00`,
    inspectionPlace: '公司废气排放口',
    onSitePerson: '王秀英（法定代表人）',
    inspectionFindings: '1号排气筒颗粒物浓度超标。',
  }))
    await generate.getByTestId(`field-${key}`).fill(value);
  await generate.getByTestId('generate-submit').click();
  // The toast before the dialog's closing: the toast hides after 4 s.
  await expect(page.getByTestId('snackbar')).toContainText('已生成', { timeout: 60_000 });
  await expect(generate).toBeHidden();
  for (const block of ['end', 'center', 'start'] as const) {
    await reasons.evaluate((el, b) => el.scrollIntoView({ block: b }), block);
    await expectSnackbarClear(page, reasons, '调查终结被阻止的理由');
  }

  // The tabs, each a main screen; on 文书: the PDF preview and the 定稿 confirmation.
  await page.getByTestId('tab-documents').click();
  await checkScreen(page, page.getByTestId('document-table'));
  const docRow = page.locator('[data-testid="document-row"][data-type="inspection-record"]');
  await checkDialog(
    page,
    'PDF预览',
    async () => {
      await docRow.getByTestId('document-preview').click();
      await expect(page.getByTestId('preview-page-count')).toContainText('页', { timeout: 60_000 });
    },
    page.getByTestId('preview-dialog'),
  );
  await checkDialog(
    page,
    '定稿',
    () => docRow.getByTestId('document-finalise').click(),
    page.getByTestId('finalise-confirm'),
  );
  const track = page.locator('[data-testid^="start-track-"]').first();
  await checkDialog(page, '启动程序', () => track.click(), page.getByTestId('start-track-confirm'));

  await runner.photos([]);
  await page.reload();
  await page.getByTestId('tab-evidence').click();
  await checkScreen(page, page.getByTestId('evidence-thumb').first());
  await checkDialog(
    page,
    '现场照片',
    () => page.getByTestId('evidence-open').first().click(),
    page.getByTestId('evidence-photo-dialog'),
  );
  await page.getByTestId('tab-dossier').click();
  await checkScreen(page, page.getByTestId('tab-dossier'));
  await page.getByTestId('tab-history').click();
  await checkScreen(page, page.getByTestId('tab-history'));

  // 调查报告: the long report form scrolls inside; its 裁量计算 opens over it.
  await runner.gen('interview-record');
  runner.day('2026-03-05');
  await runner.act(runner.officer, 'finishInvestigation');
  await page.reload();
  await expect(page.getByTestId('case-node')).toHaveText('调查报告', { timeout: 30_000 });
  await page.getByTestId('action-button-submitReport').click();
  await expectDialogFits(page, form, '提交调查报告');
  await form.getByTestId('open-discretion').click();
  const discretion = page.getByTestId('discretion-dialog');
  await expectDialogFits(page, discretion, '裁量计算');
  await page.keyboard.press('Escape');
  await expect(discretion).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
});

test('the head: queues, 到期提醒, search, directory, laws, settings, archive packages', async ({ page }) => {
  await page.goto('/');
  await as(page, head);
  await checkScreen(page, page.getByTestId('work-screen'));
  await page.getByTestId('all-cases').click();
  await checkScreen(page, page.getByTestId('open-packages'));
  await checkDialog(
    page,
    '电子档案包',
    () => page.getByTestId('open-packages').click(),
    page.getByTestId('package-dialog'),
  );
  await page.getByTestId('nav-work').click();
  await checkScreen(page, page.getByTestId('work-screen'));
  await page.getByTestId('nav-deadlines').click();
  await checkScreen(page, page.getByTestId('deadlines-screen'));
  await page.getByTestId('app-search').fill('废气');
  await page.getByTestId('app-search').press('Enter');
  await checkScreen(page, page.getByTestId('search-results').or(page.getByTestId('search-none')).first());
  await page.getByTestId('nav-enterprises').click();
  await checkScreen(page, page.getByTestId('enterprise-row').first());
  await checkDialog(
    page,
    '导入企业名录',
    () => page.getByTestId('enterprises-import').click(),
    page.getByTestId('enterprise-import-dialog'),
  );
  await page.getByTestId('nav-laws').click();
  await checkScreen(page, page.getByTestId('laws-search'));
  await page.getByTestId('nav-settings').click();
  await checkScreen(page, page.getByTestId('settings-backup'));
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('snackbar')).toContainText('已备份', { timeout: 60_000 });
  await checkDialog(
    page,
    '从备份恢复',
    () => page.locator('[data-testid^="backup-restore-"]').first().click(),
    page.getByTestId('backup-restore-dialog'),
  );
  if ((await page.getByTestId('seal-remove').count()) > 0)
    await checkDialog(page, '删除印章', () => page.getByTestId('seal-remove').click());
});

test('the head: 合法性审查未通过, the override dialog asks a written reason', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  // A case filed 100 days ago and reviewed to 不予处罚: at 决定 the 90-day limit (处罚法 art. 60) has passed,
  // the only rule blocking 提交不予处罚决定审批, which a head may go past with a written reason.
  const late = await CaseRunner.start(pageCaller(page), { setDate: () => {} });
  late.shiftDays = Math.round((Date.parse(chinaDate(-100)) - Date.parse('2026-03-02')) / 86_400_000);
  late.day('2026-03-02');
  late.caseId = (
    await openCase(late.t, late.officer, {
      filedOn: late.today,
      discoveredOn: late.today,
      violationOn: late.today,
      requestId: `desk1366-late-${Date.now()}`,
    })
  ).state.id;
  await fileInvestigateReport(late, 100_000);
  await late.act(late.reviewer, 'reviewToNoPenalty', { comment: '违法事实不能成立，不予处罚。' });

  await as(page, head);
  await page.goto(`/#/cases/${late.caseId}`);
  await checkScreen(page, page.getByTestId('case-page'));
  await expect(page.getByTestId('case-node')).toHaveText('处罚决定', { timeout: 30_000 });
  await page.getByTestId('action-button-submitNoPenalty').click();
  const form = page.getByTestId('action-dialog');
  await expect(form).toBeVisible();
  await form.getByRole('combobox', { name: /^不予处罚的理由/ }).click();
  await page.getByRole('option', { name: '违法事实不能成立', exact: true }).click();
  await form.getByTestId('action-submit').click();

  const dialog = page.getByTestId('override-dialog');
  await expectDialogFits(page, dialog, '合法性审查未通过');
  await expectNoSmallText(page, dialog);
  await expect(dialog).toContainText('在办案期限内作出决定');
  const confirm = dialog.getByTestId('override-confirm');
  await dialog.getByTestId('override-reason').fill('继续');
  await expect(dialog).toContainText('至少');
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId('override-reason').fill('因司法鉴定耗时较长，经局务会研究继续办理');
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page.getByTestId('snackbar')).toContainText('已完成：提交不予处罚决定审批', { timeout: 30_000 });
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('case-node')).toHaveText('决定审批', { timeout: 30_000 });
});

test('the reviewer: the queue and the law library with its import', async ({ page }) => {
  await page.goto('/');
  await as(page, reviewer);
  await checkScreen(page, page.getByTestId('open-case').or(page.getByTestId('nav-work')).first());
  await page.getByTestId('nav-work').click();
  await checkScreen(page, page.getByTestId('work-screen'));
  await page.getByTestId('nav-laws').click();
  await checkScreen(page, page.getByTestId('laws-search'));
  await checkDialog(
    page,
    '导入法律文本',
    () => page.getByTestId('laws-import').click(),
    page.getByTestId('law-import-dialog'),
  );
});

test('the administrator: accounts and their dialogs, 本局设置', async ({ page }) => {
  await page.goto('/');
  await as(page, admin);
  await page.getByTestId('nav-accounts').click();
  await checkScreen(page, page.getByTestId('users-table'));
  await checkDialog(page, '新建用户', () => page.getByTestId('new-user').click());
  await checkDialog(page, '设置角色', () => page.getByTestId('roles-officer').click());
  await checkDialog(page, '重置密码', () => page.getByTestId('reset-officer').click());
  await checkDialog(
    page,
    '停用账号',
    () => page.getByTestId('disable-officer').click(),
    page.getByTestId('toggle-user-confirm'),
  );
  await page.getByTestId('nav-settings').click();
  await checkScreen(page, page.getByTestId('encryption-status'));
  // 启用数据库加密 needs a key file, which only encryption.spec.ts's own host has: its dialog is a ConfirmDialog,
  // checked here in the others (提交立案审批, 定稿, 丢弃草稿 …).
});
