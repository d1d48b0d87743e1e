/** Steps a clerk takes on the case page, shared by the case specs. */
import { expect, type Locator, type Page } from '@playwright/test';
import { chinaDate, login, logout, makePng } from './support.js';

export const officer = { username: 'officer', password: 'officer123', name: '张伟' };
export const head = { username: 'head', password: 'head123', name: '杨建国' };

/** Set ANJUAN_E2E_SHOTS=<dir> to keep full-page screenshots of the main steps for a visual check. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.ANJUAN_E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** Uncaught page errors and console errors from now on, for a final `expect(problems).toEqual([])`. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return problems;
}

export async function as(page: Page, who: typeof officer): Promise<void> {
  await logout(page);
  await login(page, who.username, who.password, who.name);
  // The hash still names the case: the new user lands on it.
  await expect(page.getByTestId('case-page')).toBeVisible();
}

export async function expectNode(page: Page, name: string): Promise<void> {
  await expect(page.getByTestId('case-node')).toHaveText(name, { timeout: 30_000 });
}

/** An action without a form: click, confirm. */
export async function act(page: Page, id: string): Promise<void> {
  await expect(page.getByTestId(`action-button-${id}`)).toBeEnabled();
  await page.getByTestId(`action-button-${id}`).click();
  const dialog = page.getByTestId('action-confirm');
  await dialog.getByTestId('confirm-ok').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

/** An action with a form: click, let `fill` complete it, submit. */
export async function actWithForm(
  page: Page,
  id: string,
  fill: (dialog: ReturnType<Page['getByTestId']>) => Promise<void> = async () => {},
): Promise<void> {
  await expect(page.getByTestId(`action-button-${id}`)).toBeEnabled();
  await page.getByTestId(`action-button-${id}`).click();
  const dialog = page.getByTestId('action-dialog');
  await fill(dialog);
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

/** 生成 a document of this node, filling the template's input fields. */
export async function generate(page: Page, type: string, fields: Record<string, string> = {}): Promise<void> {
  await page.getByTestId('tab-documents').click();
  const before = await page.locator(`[data-testid="document-row"][data-type="${type}"]`).count();
  await page.getByTestId(`generate-${type}`).click();
  const dialog = page.getByTestId('generate-dialog');
  await expect(dialog).toBeVisible();
  for (const [key, value] of Object.entries(fields)) await dialog.getByTestId(`field-${key}`).fill(value);
  await dialog.getByTestId('generate-submit').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(page.locator(`[data-testid="document-row"][data-type="${type}"]`)).toHaveCount(before + 1);
}

/** A 送达回证 for the named document, served on the given date. */
export async function serviceReceipt(page: Page, servedDocument: string, servedOn: string): Promise<void> {
  await page.getByTestId('tab-documents').click();
  await page.getByTestId('generate-service-receipt').click();
  const dialog = page.getByTestId('generate-dialog');
  await dialog.getByRole('combobox', { name: /^送达文书/ }).click();
  await page.getByRole('option', { name: servedDocument, exact: true }).click();
  await dialog.getByTestId('field-servedOn').fill(servedOn);
  await dialog.getByTestId('field-serviceMethod').fill('直接送达');
  await dialog.getByTestId('field-recipient').fill('王秀英');
  // Not the 法定代表人: the person in charge of receiving documents (民事诉讼法 art. 88).
  await dialog.getByTestId('field-recipientCapacity').fill('负责收件的人');
  await dialog.getByTestId('generate-submit').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
}

/** The head signs in and approves 立案 with the customary comment. */
export async function approveFilingAsHead(page: Page): Promise<void> {
  await as(page, head);
  await actWithForm(page, 'approveFiling', async (d) => {
    await d.getByTestId('form-comment').fill('同意立案。');
  });
}

export interface InvestigationTexts {
  /** The day of the inspection, in days from today (negative: past); the interview follows the next day. */
  inspectedDay: number;
  inspectionPlace: string;
  inspectionFindings: string;
  interviewPlace: string;
  interviewContent: string;
}

/** The two records of 调查取证, with 王秀英 (法定代表人) on site and interviewed. */
export async function investigationRecords(page: Page, t: InvestigationTexts): Promise<void> {
  await generate(page, 'inspection-record', {
    inspectionTime: `${chinaDate(t.inspectedDay)}T09:30`,
    inspectionEnd: `${chinaDate(t.inspectedDay)}T11:00`,
    inspectionPlace: t.inspectionPlace,
    onSitePerson: '王秀英（法定代表人）',
    inspectionFindings: t.inspectionFindings,
  });
  await generate(page, 'interview-record', {
    interviewTime: `${chinaDate(t.inspectedDay + 1)}T10:00`,
    interviewPlace: t.interviewPlace,
    interviewee: '王秀英',
    intervieweeTitle: '法定代表人',
    interviewContent: t.interviewContent,
  });
}

/** Uploads one photo on the open 证据 tab and waits for its thumbnail. */
export async function uploadPhoto(page: Page, fileName: string, description: string, takenOn: string): Promise<void> {
  await page.getByTestId('evidence-file').setInputFiles({ name: fileName, mimeType: 'image/png', buffer: makePng() });
  await page.getByTestId('evidence-description').fill(description);
  await page.getByTestId('evidence-date').fill(takenOn);
  await page.getByTestId('evidence-upload').click();
  await expect(page.getByTestId('evidence-thumb')).toBeVisible({ timeout: 30_000 });
}

/**
 * Adds an officer to the 立案 dialog's 承办人 as a clerk does with the keyboard: types the name, the
 * list narrows to that officer, ↓ and Enter choose him. (The list used to lose the typed name at each
 * draft save, and ↓ Enter then toggled the first officer instead; OfficerSelect.test.tsx covers it.)
 * Already on the case (a restored draft): left as it is.
 */
export async function addOfficer(page: Page, dialog: Locator, name: string): Promise<void> {
  const chip = dialog.getByRole('button', { name: new RegExp(`^${name}（`) });
  if ((await chip.count()) > 0) return;
  const input = dialog.getByTestId('officers-input');
  await input.fill(name);
  await expect(page.getByRole('option', { name: new RegExp(name) })).toBeVisible();
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(input).toHaveValue(name);
  await input.press('ArrowDown');
  await input.press('Enter');
  await expect(chip).toBeVisible();
  await input.press('Escape'); // closes the list, not the dialog
}
