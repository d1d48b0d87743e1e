/**
 * through the public operations: the bureau's settings a notice and a decision print, a
 * decision served only once sealed (处罚法 art. 59(2)), the execution record filed, the bound file
 * and the printed sheets agreeing on 保管期限, 件数, 页数 and 立卷人, and a file that nothing changes
 * after 归档 except a recorded 更正.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { CaseRunner, openCase } from '../testing/caseRunner.js';
import { fileInvestigateReport } from '../testing/reportedCase.js';
import { scenarios, type ScenarioResult } from '../testing/scenario.js';
import { pdfPageTexts } from '../documents/pdf/pdfText.js';
import { docxText } from '../documents/render.js';
import { makePng } from '../testing/png.js';
import { demoBureauInfo } from '../seed/demo.js';

let t: TestCore;
let archived: ScenarioResult;
const hooks = () => ({ setDate: (d: string) => t.clock.setDate(d) });

beforeAll(async () => {
  t = await createTestCore();
  archived = await scenarios.hearing!(t, hooks());
}, 240_000);
afterAll(async () => t?.close());

/** A case driven to 决定送达: the decision approved, not yet sealed. */
async function caseAtService(): Promise<CaseRunner> {
  const r = await CaseRunner.start(t, hooks());
  r.day('2026-03-02');
  r.caseId = (await openCase(t, r.officer, { filedOn: r.today, discoveredOn: r.today, violationOn: r.today })).state.id;
  await fileInvestigateReport(r, 150000);
  await r.gen('internal-approval');
  await r.act(r.head, 'passReview', { comment: '同意。' });
  // The notice prints the bureau's address and telephone: not generated while they are unset.
  await t.call(r.head, 'settings.update', { bureauInfo: { officePhone: '' } });
  const noPhone = await expectFailure(r.gen('penalty-notice'));
  expect(noPhone).toMatchObject({ code: 'SETTINGS_REQUIRED', message: expect.stringContaining('本局联系电话') });
  await t.call(r.head, 'settings.update', { bureauInfo: { officePhone: demoBureauInfo.officePhone } });
  await r.gen('penalty-notice');
  await r.act(r.officer, 'submitNotice');
  await r.act(r.head, 'approveNotice', { comment: '同意告知。' });
  r.day('2026-03-06');
  await r.gen('service-receipt', { servedDocument: '行政处罚事先告知书' });
  await r.act(r.officer, 'serveNotice');
  r.day('2026-03-16');
  await r.act(r.officer, 'closeDefence');
  // The decision names the court and the account: not generated while the court is unset.
  await t.call(r.head, 'settings.update', { bureauInfo: { litigationCourt: '' } });
  expect(await expectFailure(r.gen('penalty-decision'))).toMatchObject({
    code: 'SETTINGS_REQUIRED',
    message: expect.stringContaining('行政诉讼管辖法院'),
  });
  await t.call(r.head, 'settings.update', { bureauInfo: { litigationCourt: demoBureauInfo.litigationCourt } });
  await r.gen('penalty-decision');
  await r.act(r.officer, 'submitDecision');
  await r.act(r.head, 'approveDecision', { comment: '同意。' });
  r.day('2026-03-17');
  return r;
}

describe('a decision is served only once it is sealed (处罚法 art. 59(2))', () => {
  it('refuses its 送达回证 and 决定书已送达 before 定稿, and allows them after', async () => {
    const r = await caseAtService();
    const receipt = await expectFailure(r.gen('service-receipt', { servedDocument: '行政处罚决定书' }));
    expect(receipt.code).toBe('ACTION_NOT_ALLOWED');
    expect(receipt.message).toContain(
      '行政处罚决定书尚未定稿盖章，不能送达：行政处罚决定书必须盖有作出行政处罚决定的行政机关的印章（《中华人民共和国行政处罚法》第五十九条第二款）',
    );
    const view = await t.call(r.officer, 'cases.get', { caseId: r.caseId });
    const serve = view.actions.find((a) => a.id === 'serveDecision')!;
    expect(serve.allowed).toBe(false);
    expect(serve.reasons.map((x) => x.message)).toContain(
      '《行政处罚决定书》尚未定稿盖章，不能送达：送达的应是盖有本机关印章的《行政处罚决定书》',
    );
    expect(serve.reasons.find((x) => x.rule === 'documentFinalised')!.citation).toContain('行政处罚法第五十九条第二款');

    await r.finalise('penalty-decision');
    await r.gen('service-receipt', { servedDocument: '行政处罚决定书' });
    expect((await r.act(r.officer, 'serveDecision')).state.node).toBe('execution');
  }, 120_000);
});

describe('the file as bound, printed and archived', () => {
  it('one 保管期限, 件数, 页数 and 立卷人 on the bound cover, the bound 备考表, the printed 卷宗封面 and 备考表, and 归档', async () => {
    const s = archived.archived.state;
    const main = s.dossier!.volumes!.find((v) => v.volume === '正卷')!;
    expect(s.dossier).toMatchObject({ retention: '30年', preparedBy: '张伟' });
    expect(s.steps.find((x) => x.action === 'archive')!.data).toMatchObject({
      retention: '30年',
      volumes: s.dossier!.volumes!.length,
    });
    const built = archived.dossier.volumes.find((v) => v.volume === '正卷')!;
    expect(main).toMatchObject({ items: built.catalog.length, numberedPages: built.pages - 2 }); // cover and one catalog page are not numbered
    const pages = (
      await pdfPageTexts(
        Buffer.from((await t.call(archived.officer, 'blobs.read', { hash: built.pdfHash })).base64, 'base64'),
      )
    ).map((p) => p.replace(/\s+/g, ''));
    expect(pages[0]).toContain('保管期限：30年');
    expect(pages[0]).toContain('立卷人：张伟');
    expect(pages[0]).toContain(`本卷共${main.items}件${main.numberedPages}页`);
    expect(pages.at(-1)).toContain(`本卷共有文件材料${main.items}件，共${main.numberedPages}页。`);
    expect(pages.at(-1)).toContain('立卷人：张伟');
    // The printed sheets (made at 已结案 from the binding) say the same.
    const printed = async (type: string) =>
      docxText(
        Buffer.from(
          (
            await t.call(archived.officer, 'blobs.read', {
              hash: s.documents.filter((d) => d.type === type).at(-1)!.docxHash,
            })
          ).base64,
          'base64',
        ),
      );
    const cover = await printed('dossier-cover');
    expect(cover).toContain(`本卷件数、页数\n共${main.items}件${main.numberedPages}页`);
    expect(cover).toContain('保管期限\n30年');
    expect(cover).toContain('立 卷 人\n张伟');
    const remarks = await printed('dossier-remarks');
    expect(remarks).toContain(`本卷共有文件材料${main.items}件（其中照片、影像资料`);
    expect(remarks).toContain(`共${main.numberedPages}页。`);
    expect(remarks).toContain('立卷人：张伟');
  });

  it('files the execution record (the payment voucher) with the execution, before the 结案审批表', () => {
    const titles = archived.dossier.volumes.find((v) => v.volume === '正卷')!.catalog.map((c) => c.title);
    const voucher = titles.indexOf('执行凭证：罚款缴款凭证（GZ-FS-2026-000318）');
    expect(voucher).toBeGreaterThan(titles.indexOf('听证笔录'));
    expect(voucher).toBeLessThan(titles.indexOf('结案审批表'));
    expect(titles.filter((x) => x.startsWith('现场照片')).length).toBeGreaterThan(0);
  });

  it('closing waits for the execution record (legality review at 结案)', async () => {
    const closing = archived.closed.state;
    expect(closing.evidence.some((e) => e.kind === 'execution')).toBe(true);
    const view = await t.call(archived.officer, 'cases.get', { caseId: archived.caseId });
    expect(view.state.node).toBe('archived');
  });

  it('after 归档 nothing changes without a recorded 更正', async () => {
    const { caseId, officer, head } = archived;
    t.clock.setDate('2026-03-26');
    const s = (await t.call(officer, 'cases.get', { caseId })).state;
    const closing = s.documents.find((d) => d.type === 'closing-approval')!;
    const regenerate = await expectFailure(
      t.call(officer, 'documents.generate', { caseId, type: 'closing-approval', fields: closing.fields }),
    );
    expect(regenerate.code).toBe('CASE_ARCHIVED');
    expect(regenerate.message).toContain('案件已于2026-03-25归档，不能再制作或修改文书');
    const newDoc = await expectFailure(
      t.call(officer, 'documents.generate', {
        caseId,
        type: 'reminder',
        fields: { surchargeAmount: '0' },
        correctionReason: '补充催告书',
      }),
    );
    expect(newDoc.message).toContain('归档后不能增加新的文书');
    expect(
      (
        await expectFailure(
          t.call(officer, 'documents.reimport', {
            caseId,
            documentId: closing.id,
            fileName: 'x.docx',
            contentBase64: Buffer.from('PK').toString('base64'),
          }),
        )
      ).code,
    ).toMatch(/CASE_ARCHIVED|VALIDATION/);
    expect((await expectFailure(t.call(officer, 'documents.finalise', { caseId, documentId: closing.id }))).code).toBe(
      'CASE_ARCHIVED',
    );
    expect(
      (
        await expectFailure(
          t.call(officer, 'evidence.add', {
            caseId,
            kind: 'photo',
            fileName: 'x.png',
            contentBase64: makePng(10, 10).toString('base64'),
            description: '补拍',
            takenOn: '2026-03-10',
          }),
        )
      ).code,
    ).toBe('ACTION_NOT_ALLOWED');
    expect((await expectFailure(t.call(officer, 'dossier.build', { caseId, retention: '永久' }))).code).toBe(
      'CASE_ARCHIVED',
    );
    const view = await t.call(head, 'cases.get', { caseId });
    expect(view.actions.filter((a) => a.allowed)).toEqual([]);

    // A 更正 is recorded, with its reason, and the file may then be bound again with it.
    t.clock.setDate('2026-03-30');
    const corrected = await t.call(officer, 'documents.generate', {
      caseId,
      type: 'closing-approval',
      fields: closing.fields,
      correctionReason: '结案审批表中缴款凭证号笔误',
    });
    expect(corrected).toMatchObject({ correctionReason: '结案审批表中缴款凭证号笔误', version: closing.version + 1 });
    expect((await t.call(officer, 'dossier.build', { caseId, retention: '30年' })).retention).toBe('30年');
    const history = await t.call(officer, 'cases.history', { caseId });
    expect(history.entries.some((e) => e.type === 'document.generated' && e.summary.includes('结案审批表'))).toBe(true);
  }, 120_000);
});
