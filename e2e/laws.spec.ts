/**
 * 法律法规 in the browser: empty library, importing statute files (one bad) with a report, the
 * law's text and versions, search with highlights, and the case page's 法律依据 panel saying
 * "条文未载入" until the law is imported, then opening the text.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaDate, login } from './support.js';
import { expectDialogFits } from './fit.js';
import { exampleLaw2015, exampleLaw2021 } from '#core/testing/lawFixtures.js';
import { sharedLawsDir } from '#core/testing/sharedLaws.js';

const sharedLaws = sharedLawsDir(); // ../shared/laws, or ANJUAN_SHARED_DIR/laws
const airLaw = existsSync(sharedLaws)
  ? readdirSync(sharedLaws).find((f) => f.startsWith('大气污染防治法('))
  : undefined;

/** Set ANJUAN_E2E_SHOTS=<dir> to keep screenshots of the main steps for a visual check. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.ANJUAN_E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/laws-${name}.png`, fullPage: true });
}

async function api<T>(page: Page, op: string, input: unknown, token: string | null = null): Promise<T> {
  const r = await page.request.post('/api', { data: { op, input, token } });
  const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.value;
}

async function importFiles(page: Page, files: Array<{ name: string; buffer: Buffer }>): Promise<void> {
  await page.getByTestId('laws-import').click();
  const dialog = page.getByTestId('law-import-dialog');
  await dialog.getByTestId('law-import-files').setInputFiles(files.map((f) => ({ ...f, mimeType: 'text/markdown' })));
  await dialog.getByTestId('law-import-start').click();
  await expect(dialog.getByTestId('law-import-summary')).toBeVisible({ timeout: 30_000 });
}

test('the law library: import with a report, read, search, and cite from a case', async ({ page }) => {
  await page.goto('/');
  await login(page, 'reviewer', 'reviewer123', '吴秀英');
  await page.getByTestId('nav-laws').click();
  await expect(page.getByTestId('laws-empty')).toContainText('法律法规库为空');

  await importFiles(page, [
    { name: '示例污染防治法(2015-08-29).md', buffer: Buffer.from(exampleLaw2015) },
    { name: '示例污染防治法(2021-01-22).md', buffer: Buffer.from(exampleLaw2021) },
    { name: '坏文件(2020-01-01).md', buffer: Buffer.from('# 某法\n<!-- INFO END -->\n第一条 甲。\n第三条 丙。') },
  ]);
  const dialog = page.getByTestId('law-import-dialog');
  await expect(dialog.getByTestId('law-import-summary')).toHaveText('导入2个，更新0个，无变化0个，跳过0个，未导入1个');
  await expect(dialog.locator('tr[data-status="failed"]')).toContainText('第4行：条文序号不连续');
  await expect(dialog.locator('tr[data-status="added"]').nth(1)).toContainText('原2015-08-29版有效至2021-07-14');
  await shot(page, 'import-report');
  await dialog.getByTestId('law-import-close').click();

  await page.getByTestId('law-示例污染防治法').click();
  await expect(page.getByTestId('law-period')).toContainText('2021-07-15起施行');
  await expect(page.getByTestId('article-2')).toContainText('五万元以上五十万元以下');
  await page.getByRole('combobox', { name: /^版本/ }).click();
  await page.getByRole('option', { name: /2015-08-29版/ }).click();
  await expect(page.getByTestId('law-period')).toContainText('2016-01-01至2021-07-14施行');
  await expect(page.getByTestId('article-2')).toContainText('十万元以上一百万元以下');

  await page.getByTestId('laws-search').fill('排污许可证');
  await expect(page.getByTestId('law-search-total')).toHaveText('找到1条');
  await expect(page.getByTestId('law-search-hit').locator('mark')).toHaveText('排污许可证');
  await page.getByTestId('law-search-hit').click();
  await expect(page).toHaveURL(/#\/laws\/.+\/2$/);
  await expect(page.getByTestId('article-2')).toBeVisible();
  await shot(page, 'law-text');

  // A case citing 大气污染防治法 for an act before the 生态环境法典 (2026-08-15): not loaded yet, so the panel says so.
  const token = (await api<{ token: string }>(page, 'session.login', { username: 'officer', password: 'officer123' }))
    .token;
  const [ent] = await api<Array<{ id: string }>>(page, 'enterprises.search', { query: '', limit: 1 }, token);
  const view = await api<{ state: { id: string } }>(
    page,
    'cases.open',
    {
      enterpriseId: ent!.id,
      violationId: 'air-over-standard-emission',
      officerIds: ['off-01', 'off-02'],
      discoveredOn: chinaDate(-1),
      filedOn: chinaDate(0),
      violationOn: '2026-06-01',
      summary: '废气排放口颗粒物超标。',
      requestId: `e2e-laws-${Date.now()}`,
    },
    token,
  );
  await page.goto(`/#/cases/${view.state.id}/documents`);
  const panel = page.getByTestId('case-law');
  await expect(panel.getByTestId('case-law-0')).toHaveAttribute('data-status', 'not-loaded');
  await expect(panel.getByTestId('case-law-1')).toContainText('条文未载入');
  await shot(page, 'case-not-loaded');

  if (!airLaw) {
    console.log(`[laws.spec] ${sharedLaws} 不存在：跳过导入真实法律文本后打开条文的步骤`);
    return;
  }
  await page.getByTestId('nav-laws').click();
  await importFiles(page, [{ name: airLaw, buffer: readFileSync(join(sharedLaws, airLaw)) }]);
  await page.getByTestId('law-import-close').click();
  await page.goto(`/#/cases/${view.state.id}/documents`);
  await expect(panel.getByTestId('case-law-1')).toHaveAttribute('data-status', 'loaded');
  await panel.getByTestId('case-law-1').getByRole('button').click();
  const text = page.getByTestId('case-law-dialog');
  await expect(text).toContainText('《中华人民共和国大气污染防治法》第九十九条第二项');
  await expect(text).toContainText('（二）超过大气污染物排放标准');
  await expectDialogFits(page, text, '法条');
  await shot(page, 'case-article');
});
