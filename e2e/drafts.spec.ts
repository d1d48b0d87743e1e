/**
 * Typed work is never lost (at 1366×768, a county office PC): a generation form and an action form
 * are typed into, closed with Esc, with the backdrop and by reloading the page, and each time the
 * reopened form has the draft and says so. A 笔录 whose end lies before its start is refused at the
 * field, the typing kept. The case is brought to 调查终结 through the core's API (not the subject here).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { chinaDate, login, makePng, setWorkstationDate } from './support.js';
import { officer } from './caseSteps.js';

test.use({ viewport: { width: 1366, height: 768 } });

type Reply = { ok: boolean; value?: unknown; error?: { message: string } };

/** One operation over the web host with a token (the page's own, or another user's). */
async function api(page: Page, op: string, input: unknown, token?: string): Promise<unknown> {
  const r = (await page.evaluate(
    async ([op, input, token]) => {
      const res = await fetch('/api', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          op,
          input,
          token:
            token ??
            (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem(
              'anjuan.session',
            ),
        }),
      });
      return res.json();
    },
    [op, input, token] as const,
  )) as Reply;
  if (!r.ok) throw new Error(`${op}: ${r.error?.message}`);
  return r.value;
}

type Template = { id: string; fields: Array<{ key: string; source: string; input?: string; required: boolean }> };

async function generateByApi(page: Page, caseId: string, type: string, today: string): Promise<void> {
  const templates = (await api(page, 'templates.list', {})) as Template[];
  const tpl = templates.find((t) => t.id === type)!;
  const fields = Object.fromEntries(
    tpl.fields
      .filter((f) => f.source === 'input' && f.required)
      .map((f) => [f.key, f.input === 'date' ? today : f.input === 'datetime' ? `${today}T09:00` : '现场检查情况记录']),
  );
  await api(page, 'documents.generate', { caseId, type, fields });
}

/** A case opened by 张伟 and brought to 调查终结 (the 调查报告 node) through the API. */
async function caseAtReport(page: Page): Promise<string> {
  const today = chinaDate();
  const [ent] = (await api(page, 'enterprises.search', { query: '天柱', limit: 1 })) as Array<{ id: string }>;
  const opened = (await api(page, 'cases.open', {
    enterpriseId: ent!.id,
    violationId: 'air-over-standard-emission',
    officerIds: ['off-01', 'off-02'],
    discoveredOn: today,
    filedOn: today,
    violationOn: today,
    source: '现场检查',
    summary: '现场检查发现废气排放口颗粒物浓度超标。',
    requestId: `drafts-${Date.now()}`,
  })) as { state: { id: string } };
  const caseId = opened.state.id;
  const head = ((await api(page, 'session.login', { username: 'head', password: 'head123' })) as { token: string })
    .token;
  await generateByApi(page, caseId, 'filing-approval', today);
  await api(page, 'cases.act', { caseId, action: 'submitFiling', track: 'main', data: {} });
  await api(page, 'cases.act', { caseId, action: 'approveFiling', track: 'main', data: { comment: '同意' } }, head);
  return caseId;
}

async function finishInvestigation(page: Page, caseId: string): Promise<void> {
  const today = chinaDate();
  await generateByApi(page, caseId, 'inspection-record', today);
  await generateByApi(page, caseId, 'interview-record', today);
  await api(page, 'evidence.add', {
    caseId,
    kind: 'photo',
    fileName: 'scene.png',
    contentBase64: makePng().toString('base64'),
    description: '排放口现场照片',
    takenOn: today,
  });
  await api(page, 'cases.act', { caseId, action: 'finishInvestigation', track: 'main', data: {} });
}

/** Closes a dialog by clicking its backdrop (the dimmed page beside the dialog). */
async function clickBackdrop(page: Page): Promise<void> {
  await page.mouse.click(8, 384);
}

async function expectRestored(dialog: ReturnType<Page['getByTestId']>): Promise<void> {
  await expect(dialog.getByTestId('draft-restored')).toContainText(/已恢复未提交的草稿（保存于 \d{2}:\d{2}）/);
}

test('a generation form and an action form keep their drafts through Esc, the backdrop and a reload', async ({
  page,
}) => {
  setWorkstationDate(null);
  const today = chinaDate();
  await page.goto('/');
  await login(page, officer.username, officer.password, officer.name);
  const caseId = await caseAtReport(page);
  await page.goto(`/#/cases/${caseId}/documents`);
  await expect(page.getByTestId('case-page')).toBeVisible();

  // 现场检查笔录: the end before the start is refused at the field, and what was typed stays.
  await page.getByTestId('generate-inspection-record').click();
  const gen = page.getByTestId('generate-dialog');
  await gen.getByTestId('field-inspectionTime').fill(`${today}T09:00`);
  await gen.getByTestId('field-inspectionEnd').fill(`${today}T08:00`);
  await gen.getByTestId('generate-submit').click();
  await expect(gen.getByTestId('generate-error')).toContainText('检查结束时间');
  await expect(gen.getByTestId('generate-error')).toContainText('早于检查开始时间');
  await expect(gen.getByTestId('field-inspectionEnd')).toHaveValue(`${today}T08:00`);

  // Esc keeps the draft; reopening says so and shows it.
  await expect(gen.getByTestId('draft-saved')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(gen).toBeHidden();
  await page.getByTestId('generate-inspection-record').click();
  await expectRestored(gen);
  await expect(gen.getByTestId('field-inspectionEnd')).toHaveValue(`${today}T08:00`);

  // The backdrop keeps it too, and a change made before it.
  await gen.getByTestId('field-inspectionEnd').fill(`${today}T10:30`);
  await clickBackdrop(page);
  await expect(gen).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await page.getByTestId('generate-inspection-record').click();
  await expectRestored(gen);
  await expect(gen.getByTestId('field-inspectionEnd')).toHaveValue(`${today}T10:30`);

  // 丢弃草稿 asks first, then the form is back to its first values and stays so after a reopen.
  await gen.getByTestId('draft-discard').click();
  await page.getByTestId('draft-discard-confirm').getByTestId('confirm-ok').click();
  await expect(gen.getByTestId('draft-restored')).toBeHidden();
  await expect(gen.getByTestId('field-inspectionEnd')).toHaveValue('');
  await page.getByRole('button', { name: '取消' }).click();
  await expect(gen).toBeHidden();
  await page.getByTestId('generate-inspection-record').click();
  await expect(gen.getByTestId('field-inspectionTime')).toBeVisible();
  await expect(gen.getByTestId('draft-restored')).toBeHidden();
  await page.keyboard.press('Escape');

  // 提交调查报告: the action form's draft through Esc, the backdrop and a reload.
  await finishInvestigation(page, caseId);
  await page.reload();
  await expect(page.getByTestId('action-button-submitReport')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('action-button-submitReport').click();
  const act = page.getByTestId('action-dialog');
  await act.getByTestId('form-facts').fill('经查，该公司废气排放口颗粒物浓度超标1.6倍。');
  await act.getByTestId('form-fine').fill('23700');
  await expect(act.getByTestId('draft-saved')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(act).toBeHidden();
  await page.getByTestId('action-button-submitReport').click();
  await expectRestored(act);
  await expect(act.getByTestId('form-facts')).toHaveValue('经查，该公司废气排放口颗粒物浓度超标1.6倍。');
  await act.getByTestId('form-reasoning').fill('初次违法，积极配合调查。');
  await clickBackdrop(page);
  await expect(act).toBeHidden();
  await page.reload();
  await page.getByTestId('action-button-submitReport').click();
  await expectRestored(act);
  await expect(act.getByTestId('form-fine')).toHaveValue('23700');
  await expect(act.getByTestId('form-reasoning')).toHaveValue('初次违法，积极配合调查。');

  // 我的草稿 lists it with its case; 打开 goes back to the form on the case, which restores it.
  await page.keyboard.press('Escape');
  await expect(act).toBeHidden();
  const caseNumber = ((await page.getByTestId('case-number').textContent()) ?? '').trim();
  expect(caseNumber).not.toBe('');
  await page.getByTestId('nav-drafts').click();
  // This case's row: other specs of the run may leave drafts of the same form on their own cases.
  const row = page.getByTestId('drafts-row').filter({ hasText: caseNumber }).filter({ hasText: '提交调查报告' });
  await expect(row).toHaveCount(1);
  await row.getByTestId('drafts-open').click();
  await expectRestored(act);
  await expect(act.getByTestId('form-fine')).toHaveValue('23700');
});
