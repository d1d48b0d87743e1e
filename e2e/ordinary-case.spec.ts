/**
 * A clerk's whole ordinary-procedure case in the browser, against the local web host:
 * 立案 → 调查取证 → 调查报告 → 事先告知 → 陈述申辩 → 决定 → 送达 → 执行 → 结案,
 * with the head's approvals, blocked actions showing their reasons, documents, a photo,
 * a PDF preview, the dossier and the history (which survives a reload).
 */
import { expect, test } from './fixtures.js';
import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { chinaDate, login, makePng } from './support.js';
import { expectDialogFits } from './fit.js';
import {
  act,
  actWithForm,
  addOfficer,
  approveFilingAsHead,
  as,
  expectNode,
  generate,
  head,
  investigationRecords,
  officer,
  serviceReceipt,
  shot,
  uploadPhoto,
  watchProblems,
} from './caseSteps.js';

const filedOn = chinaDate(-30);
const discoveredOn = chinaDate(-32);
const today = chinaDate(0);
/** Before the 生态环境法典 (2026-08-15): the case compares the old and the new law. */
const actOn = '2026-06-01';

test('an ordinary case from 立案 to 结案, with dossier and history', async ({ page }) => {
  // The whole file, sealed before service and with its payment voucher: longer than the default 3 minutes on a busy machine.
  test.setTimeout(300_000);
  // The page runs under script-src 'self' with no eval: any CSP violation or uncaught error fails.
  const problems = watchProblems(page);
  await page.goto('/');
  await login(page, officer.username, officer.password, officer.name);

  // ── 立案 ────────────────────────────────────────────────────────────────────────────
  // A draft survives closing the dialog (Esc): nothing typed is lost.
  await page.getByTestId('open-case').click();
  const open = page.getByTestId('open-case-dialog');
  const summary = '现场检查发现该公司扩建项目环境影响报告表未经审批即已开工建设，厂房主体已完工。';
  await open.getByTestId('case-summary').fill(summary);
  await open.getByTestId('case-summary').press('Escape');
  await expect(open).toBeHidden();
  await page.getByTestId('open-case').click();
  await expect(open.getByTestId('case-summary')).toHaveValue(summary);
  await open.getByTestId('enterprise-input').fill('建材');
  const firstMatch = page.getByRole('option').filter({ hasText: '建材' }).first();
  await expect(firstMatch).toBeVisible();
  const partyName = (await firstMatch.locator('p, span').first().textContent())?.trim() ?? '';
  expect(partyName).toContain('建材');
  await firstMatch.click();
  await expect(open.getByTestId('enterprise-input')).toHaveValue(partyName);

  // The types offered rest on the law of the act's day: an act before the 生态环境法典.
  await open.getByTestId('case-violation-on').fill(actOn);
  await open.getByRole('combobox', { name: /^违法行为/ }).click();
  await page.getByRole('option', { name: /未批先建/ }).click();
  await expect(open.getByTestId('violation-detail')).toContainText('环境影响评价法');
  await expect(open.getByTestId('violation-detail')).toContainText('1% 至 5%');
  await expect(open.getByTestId('legal-basis-preview')).toContainText('尚不能确定适用的法律');

  // 张伟 (the user) is preselected; add 李娜.
  await addOfficer(page, open, '李娜');
  await expect(open).toContainText('贵环执字522627002');

  await open.getByTestId('discovered-on').fill(discoveredOn);
  await open.getByTestId('filed-on').fill(filedOn);
  // A double click opens one case (one requestId per dialog opening; the button disables itself).
  await open.getByTestId('open-case-submit').dblclick();

  await expect(page.getByTestId('case-page')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('case-number')).toHaveText(/立字〔\d{4}〕\d+号/);
  const caseNumber = (await page.getByTestId('case-number').textContent()) ?? '';
  await expect(page.getByTestId('case-party')).toContainText(partyName);
  await expect(page.getByTestId('case-officers')).toContainText('李娜');
  await expectNode(page, '立案申请');

  // 法律适用: the 报告表 and its investment decide it — the old band (1%–5% of 2,000,000 元) is the lighter.
  const lawPanel = page.getByTestId('legal-basis-panel');
  await lawPanel.getByTestId('law-amount-建设项目总投资额').fill('2000000');
  await lawPanel.getByRole('combobox', { name: /相符的新条款/ }).click();
  await page.getByRole('option', { name: /报告表/ }).click();
  await lawPanel.getByTestId('legal-basis-submit').click();
  await expect(lawPanel.getByTestId('legal-basis-result')).toContainText('适用违法行为发生时的法律', {
    timeout: 30_000,
  });
  await expect(lawPanel.getByTestId('legal-basis-applied')).toContainText('环境影响评价法》第三十一条第一款');

  await generate(page, 'filing-approval');
  await act(page, 'submitFiling');
  await expectNode(page, '立案审批');

  // The officer can never approve: no button, the page says whom the step waits for.
  await expect(page.getByTestId('action-button-approveFiling')).toHaveCount(0);
  await expect(page.getByTestId('others-do-main')).toContainText('须由负责人执行（批准立案');

  await approveFilingAsHead(page);
  await expectNode(page, '调查取证');

  // ── 调查取证 ──────────────────────────────────────────────────────────────────────────
  await as(page, officer);
  await expect(page.getByTestId('action-reasons-finishInvestigation')).toContainText('尚未制作');
  await investigationRecords(page, {
    inspectedDay: -29,
    inspectionPlace: '公司扩建项目施工现场',
    inspectionFindings: '扩建车间主体已建成，未见环境影响评价审批文件。',
    interviewPlace: '天柱分局询问室',
    interviewContent: '问：扩建项目是否取得环评批复？答：尚未取得，已于上月开工。',
  });

  await page.getByTestId('tab-evidence').click();
  // Not an image: refused in Chinese before anything is sent, naming what may be uploaded.
  await page
    .getByTestId('evidence-file')
    .setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
  await expect(page.getByTestId('evidence-error')).toContainText('“说明.txt”不能作为现场照片上传');
  await expect(page.getByTestId('evidence-error')).toContainText('JPEG图片、PNG图片');
  await uploadPhoto(page, '现场照片1.png', '扩建车间全景', chinaDate(-29));
  await expect(page.getByTestId('evidence-item')).toContainText('扩建车间全景');
  // The list shows a thumbnail (bytes from GET /files/…?variant=thumb); a click opens the photo itself.
  await page.getByTestId('evidence-open').click();
  await expect(page.getByTestId('evidence-photo')).toBeVisible();
  await page.getByTestId('evidence-photo-close').click();

  await shot(page, '1-investigation-evidence');
  await act(page, 'finishInvestigation');
  await expectNode(page, '调查报告');

  // ── 调查报告 (fine within 1%–5% of the investment) ─────────────────────────────────────────
  await actWithForm(page, 'submitReport', async (d) => {
    await shot(page, '2-report-form');
    await d.getByTestId('form-facts').fill('当事人扩建项目环境影响报告表未经审批，擅自于2026年开工建设。');
    await d.getByTestId('form-investment').fill('2000000');
    await d.getByTestId('form-fine').fill('40000');
    await d.getByTestId('form-reasoning').fill('首次违法，积极配合调查，按总投资额2%处罚。');
  });
  await expectNode(page, '案件审查');
  // 案件审查: a reviewer or the head examines facts, evidence, basis and the proposed fine.
  await expect(page.getByTestId('action-button-passReview')).toHaveCount(0);
  // Its 案件处理内部审批表 is internal: the dossier binds it in the 副卷.
  await generate(page, 'internal-approval');
  await as(page, head);
  await actWithForm(page, 'passReview', async (d) => {
    await d.getByTestId('form-comment').fill('事实清楚，证据确凿，拟处罚适当。');
  });
  await expectNode(page, '事先告知');
  await as(page, officer);

  await generate(page, 'penalty-notice');
  await act(page, 'submitNotice');
  await expectNode(page, '告知审批');

  await as(page, head);
  await actWithForm(page, 'approveNotice');
  await expectNode(page, '告知送达');

  // ── 送达告知书, 陈述申辩期 ──────────────────────────────────────────────────────────────
  await as(page, officer);
  await serviceReceipt(page, '行政处罚事先告知书', today);
  await act(page, 'serveNotice');
  await expectNode(page, '陈述申辩期');
  await expect(page.getByTestId('deadline-defencePeriod')).toBeVisible();

  // Served today: five working days for 陈述申辩 still run, so 申辩期结束 is blocked and says why.
  await expect(page.getByTestId('action-button-closeDefence')).toBeDisabled();
  await expect(page.getByTestId('action-reasons-closeDefence')).toContainText('陈述申辩及申请听证期限尚未届满');
  await expect(page.getByTestId('action-reasons-closeDefence')).toContainText('行政处罚法第四十五条');
  await shot(page, '3-defence-blocked');

  // The party waives in writing (行政处罚法第四十五条): the period ends early.
  await actWithForm(page, 'recordDefence', async (d) => {
    await d.getByTestId('form-on').fill(today);
    await d.getByTestId('form-text').fill('当事人书面表示对拟处罚无异议，放弃陈述申辩和听证权利。');
    await d.getByLabel('当事人书面放弃陈述申辩和听证权利').check();
  });
  await act(page, 'closeDefence');
  await expectNode(page, '处罚决定');

  // ── 决定, 送达, 执行 ─────────────────────────────────────────────────────────────────────
  await generate(page, 'penalty-decision');
  // 定稿 waits for the head's approval — disabled, the approval named in its tooltip.
  const unapproved = page.locator('[data-testid="document-row"][data-type="penalty-decision"]').first();
  await expect(unapproved.getByTestId('document-finalise')).toBeDisabled();
  await unapproved.getByTestId('document-finalise-blocked').hover();
  await expect(page.getByRole('tooltip')).toContainText('批准决定');
  await act(page, 'submitDecision');
  await expectNode(page, '决定审批');

  await as(page, head);
  await actWithForm(page, 'approveDecision', async (d) => {
    await d.getByTestId('form-comment').fill('同意按告知金额作出处罚决定。');
  });
  await expectNode(page, '决定送达');

  await as(page, officer);
  // Only the sealed decision is served (处罚法 art. 59(2)): not before its 定稿.
  await expect(page.getByTestId('action-reasons-serveDecision')).toContainText('尚未定稿盖章');
  // ── 预览 a document ─────────────────────────────────────────────────────────────────────
  await page.getByTestId('tab-documents').click();
  await page
    .locator('[data-testid="document-row"][data-type="penalty-decision"]')
    .getByTestId('document-preview')
    .click();
  const preview = page.getByTestId('preview-dialog');
  await expect(preview.getByTestId('pdf-page').first()).toBeVisible({ timeout: 90_000 });
  await expect(preview.getByTestId('preview-page-count')).toHaveText(/共 \d+ 页/);
  await shot(page, '5-preview');
  // 打印 in a browser: the PDF opens in a new tab for the browser's own print.
  const popup = page.waitForEvent('popup');
  await preview.getByTestId('preview-print').click();
  expect((await popup).url()).toMatch(/^blob:/);
  await (await popup).close();
  const pdfDownload = page.waitForEvent('download');
  await preview.getByTestId('preview-download').click();
  expect((await pdfDownload).suggestedFilename()).toMatch(/行政处罚决定书.*\.pdf$/);
  await preview.getByTestId('preview-close').click();
  await expect(preview).toBeHidden();
  const docx = page.waitForEvent('download');
  await page.locator('[data-testid="document-row"][data-type="penalty-decision"]').getByTestId('document-docx').click();
  expect((await docx).suggestedFilename()).toMatch(/行政处罚决定书.*\.docx$/);

  // ── 导入修改稿 and 定稿, before it is served ─────────────────────────────────────────────────────────────────────────
  // The clerk edits the decision in Word (here: a sentence added) and imports it back.
  const zip = new PizZip(readFileSync(await (await docx).path()));
  const xml = zip.file('word/document.xml')!.asText();
  zip.file(
    'word/document.xml',
    xml.replace('</w:body>', '<w:p><w:r><w:t>本决定书一式三份。</w:t></w:r></w:p></w:body>'),
  );
  const decisionRow = page.locator('[data-testid="document-row"][data-type="penalty-decision"]').first();
  await decisionRow.getByTestId('document-reimport-file').setInputFiles({
    name: '行政处罚决定书（修改）.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: zip.generate({ type: 'nodebuffer' }),
  });
  const result = page.getByTestId('reimport-result');
  await expect(result).toContainText('已导入为第2版');
  await expect(result).toContainText('本决定书一式三份。');
  await expectDialogFits(page, result, '导入修改稿的结果');
  await result.getByRole('button', { name: '知道了' }).click();
  const newest = page.locator('[data-testid="document-row"][data-type="penalty-decision"]').first();
  await expect(newest).toContainText('第2版');
  await newest.getByTestId('document-finalise').click();
  await page.getByTestId('finalise-confirm').getByTestId('confirm-ok').click();
  await expect(newest.getByTestId('document-finalised')).toBeVisible({ timeout: 60_000 });
  await expect(newest.getByTestId('document-reimport')).toHaveCount(0);

  await serviceReceipt(page, '行政处罚决定书', today);
  await act(page, 'serveDecision');
  await expectNode(page, '执行');

  await expect(page.getByTestId('action-reasons-finishExecution')).toContainText('尚未缴清');
  await actWithForm(page, 'recordPayment', async (d) => {
    await expect(d.getByTestId('form-amount')).toHaveValue('40000');
    await d.getByTestId('form-paid-on').fill(today);
    await d.getByTestId('form-receipt-no').fill('GZFS2026001234');
  });
  // The execution record is filed in the 正卷: the scanned payment voucher, checked before 结案.
  await page.getByTestId('tab-evidence').click();
  await page.getByRole('combobox', { name: /类别/ }).click();
  await page.getByRole('option', { name: /执行凭证/ }).click();
  await page
    .getByTestId('evidence-file')
    .setInputFiles({ name: '缴款凭证.png', mimeType: 'image/png', buffer: makePng() });
  await page.getByTestId('evidence-description').fill('罚款缴款凭证（GZFS2026001234）');
  await page.getByTestId('evidence-date').fill(today);
  await page.getByTestId('evidence-upload').click();
  await expect(page.getByTestId('evidence-item').filter({ hasText: '罚款缴款凭证' })).toBeVisible({ timeout: 30_000 });
  await act(page, 'finishExecution');
  await expectNode(page, '结案申请');

  await generate(page, 'closing-approval', { closingOpinion: '罚款已全额缴纳，违法行为已改正，建议结案。' });
  await act(page, 'submitClosing');
  await expectNode(page, '结案审批');

  await as(page, head);
  await actWithForm(page, 'approveClosing', async (d) => {
    await d.getByTestId('form-comment').fill('同意结案。');
  });
  await expectNode(page, '已结案');
  await expect(page.getByTestId('case-outcome')).toContainText('40,000.00 元');
  await expect(page.getByTestId('legality')).toHaveCount(0);
  await shot(page, '4-closed');

  // ── 组卷 ──────────────────────────────────────────────────────────────────────────────────
  await page.getByTestId('tab-dossier').click();
  await page.getByTestId('dossier-build').click();
  await expect(page.getByTestId('dossier-progress')).toBeVisible();
  const dossier = page.getByTestId('preview-dialog');
  await expect(dossier.getByTestId('pdf-page').first()).toBeVisible({ timeout: 150_000 });
  await expect(dossier.getByTestId('preview-page-count')).toHaveText(/共 \d+ 页/);
  const pages = Number(/共 (\d+) 页/.exec((await dossier.getByTestId('preview-page-count').textContent()) ?? '')?.[1]);
  expect(pages).toBeGreaterThan(5);
  await shot(page, '6-dossier-preview');
  await expect(dossier).toContainText('（正卷）');
  await dossier.getByTestId('preview-close').click();
  await expect(page.getByTestId('catalog-row').first()).toBeVisible();
  // Two volumes, each with its own catalog numbered from 1: the 内部审批表 is in the 副卷 only.
  const mainVolume = page.locator('[data-testid="dossier-volume"][data-volume="正卷"]');
  const sideVolume = page.locator('[data-testid="dossier-volume"][data-volume="副卷"]');
  await expect(page.getByTestId('dossier-volume')).toHaveCount(2);
  await expect(mainVolume.getByTestId('volume-pages')).toHaveText(`共 ${pages} 页`);
  await expect(sideVolume.getByTestId('catalog-row')).toHaveCount(1);
  await expect(sideVolume.getByTestId('catalog-row').first()).toContainText('案件处理内部审批表');
  await expect(sideVolume.getByTestId('catalog-row').first().locator('td').last()).toHaveText(/^1(-\d+)?$/);
  await expect(mainVolume.getByTestId('dossier-catalog')).not.toContainText('案件处理内部审批表');
  await expect(page.getByTestId('dossier-info')).toContainText('正卷、副卷两卷');
  await shot(page, '7-dossier-catalog');
  const sidePages = Number(/共 (\d+) 页/.exec((await sideVolume.getByTestId('volume-pages').textContent()) ?? '')?.[1]);
  expect(sidePages).toBeGreaterThanOrEqual(4); // cover, catalog, the 审批表, 备考表
  const sideDownload = page.waitForEvent('download');
  await sideVolume.getByTestId('volume-download').click();
  const saved = await sideDownload;
  expect(saved.suggestedFilename()).toMatch(/副卷.*\.pdf$/);
  expect(
    readFileSync(await saved.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  await sideVolume.getByTestId('volume-preview').click();
  const sidePreview = page.getByTestId('preview-dialog');
  await expect(sidePreview).toContainText('（副卷）');
  await expect(sidePreview.getByTestId('preview-page-count')).toHaveText(`共 ${sidePages} 页`, { timeout: 60_000 });
  await sidePreview.getByTestId('preview-close').click();

  // ── 历史, and again after a reload (a restart of the window) ──────────────────────────────────
  const checkHistory = async (): Promise<void> => {
    await page.getByTestId('tab-history').click();
    await expect(page.getByTestId('chain-status')).toContainText('历史记录完整，未被篡改');
    const entries = page.getByTestId('history-entry');
    expect(await entries.count()).toBeGreaterThan(20);
    await expect(entries.filter({ hasText: '张伟' }).first()).toBeVisible();
    await expect(entries.filter({ hasText: '杨建国' }).first()).toBeVisible();
  };
  await checkHistory();
  await shot(page, '8-history');
  await page.reload();
  await expect(page.getByTestId('case-number')).toHaveText(caseNumber);
  await checkHistory();
  // The case record keeps both volumes: after a reload they can still be previewed, downloaded and printed.
  await page.getByTestId('tab-dossier').click();
  await expect(page.getByTestId('dossier-volume')).toHaveCount(2);
  await expect(
    page.locator('[data-testid="dossier-volume"][data-volume="副卷"]').getByTestId('volume-pages'),
  ).toHaveText(`共 ${sidePages} 页`);

  // ── 归档 ──────────────────────────────────────────────────────────────────────────────────
  await actWithForm(page, 'archive', async (d) => {
    await d.getByTestId('form-archivedOn').fill(today);
    await d.getByRole('combobox', { name: /保管期限/ }).click();
    await page.getByRole('option', { name: '30年' }).click();
  });
  await expectNode(page, '已归档');
  // 200,000 yuan: 法制审核/集体讨论 did not happen, so it is 不适用 and never ticked.
  await expect(page.getByTestId('phase-stepper').locator('[data-status="done"]')).toHaveCount(8);
  await expect(page.getByTestId('phase-stepper').locator('[data-status="notApplicable"]')).toContainText('不适用');

  // The closed case is listed as 已归档, and the double click above made exactly one case (no other spec opens a case for a 建材 party).
  await page.goto('/#/cases');
  await page.getByTestId('case-search').fill(partyName);
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await page.getByTestId('filter-open').click();
  await expect(page.getByTestId('case-row')).toHaveCount(0);
  await page.getByTestId('filter-closed').click();
  await page.getByTestId('case-search').fill(partyName.slice(0, 4));
  await expect(page.getByTestId('case-row').filter({ hasText: caseNumber })).toContainText('已归档');

  expect(problems).toEqual([]);
});
