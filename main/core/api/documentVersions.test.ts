/**
 * After generation: a clerk edits a document in Word/WPS and imports it back (a new version, the
 * changed data fields named); 定稿 locks, hashes and seals it and files it; only a 更正 may follow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PizZip from 'pizzip';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/scenario.js';
import { sampleFields } from '../testing/sampleFields.js';
import { pdfPageTexts } from '../documents/pdf/pdfText.js';
import { makePng } from '../testing/png.js';
import type { DocumentRecord } from '#common/schemas/cases.js';

let t: TestCore;
let officer: string;
let head: string;
let caseId: string;
let doc: DocumentRecord;

/** The document's DOCX with one text run replaced, as Word would save it after an edit. */
async function edited(d: DocumentRecord, from: string, to: string): Promise<string> {
  const bytes = Buffer.from((await t.call(officer, 'blobs.read', { hash: d.docxHash })).base64, 'base64');
  const zip = new PizZip(bytes);
  const xml = zip.file('word/document.xml')!.asText();
  if (!xml.includes(from)) throw new Error(`no “${from}” in the document`);
  zip.file('word/document.xml', xml.replace(from, to));
  return zip.generate({ type: 'nodebuffer' }).toString('base64');
}

beforeAll(async () => {
  t = await createTestCore();
  officer = await t.login('officer');
  head = await t.login('head');
  const v = await openCase(t, officer);
  caseId = v.state.id;
  const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'filing-approval')!;
  doc = await t.call(officer, 'documents.generate', {
    caseId,
    type: 'filing-approval',
    fields: sampleFields(tpl, { today: '2026-03-02' }),
  });
}, 60_000);
afterAll(async () => t?.close());

describe('edit in Word/WPS and re-import', () => {
  it('refuses a file that is not a .docx, and a file with no change, recording nothing', async () => {
    const bad = await expectFailure(
      t.call(officer, 'documents.reimport', {
        caseId,
        documentId: doc.id,
        fileName: '立案审批表.doc',
        contentBase64: Buffer.from('not a zip').toString('base64'),
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toMatch(/不是Word文档/);
    const same = await t.call(officer, 'blobs.read', { hash: doc.docxHash });
    const unchanged = await expectFailure(
      t.call(officer, 'documents.reimport', {
        caseId,
        documentId: doc.id,
        fileName: 'a.docx',
        contentBase64: same.base64,
      }),
    );
    expect(unchanged.message).toMatch(/内容相同/);
    expect((await t.call(officer, 'cases.get', { caseId })).state.documents).toHaveLength(1);
  });

  it('records the edit as a new version and names the data field that changed', async () => {
    const party = (await t.call(officer, 'cases.get', { caseId })).state.party.name;
    const r = await t.call(officer, 'documents.reimport', {
      caseId,
      documentId: doc.id,
      fileName: '立案审批表（修改）.docx',
      contentBase64: await edited(doc, party, `${party}（分公司）`),
    });
    expect(r.document).toMatchObject({
      type: 'filing-approval',
      version: 2,
      origin: 'reimported',
      changedFields: ['当事人名称'],
    });
    expect(r.changes.changedFields[0]).toMatchObject({ key: 'partyName', before: party });
    expect(r.changes.added.join('')).toContain('（分公司）');
    const history = await t.call(officer, 'cases.history', { caseId });
    expect(history.entries.at(-1)!.summary).toMatch(/导入修改后的《立案审批表》.*第2版.*改动的数据项：当事人名称/);
    // Importing over the old version is refused: the clerk must edit the newest.
    expect(
      (
        await expectFailure(
          t.call(officer, 'documents.reimport', {
            caseId,
            documentId: doc.id,
            fileName: 'x.docx',
            contentBase64: await edited(doc, party, 'X'),
          }),
        )
      ).code,
    ).toBe('STALE_VERSION');
    doc = r.document;
  });
});

describe('定稿 and 更正', () => {
  it('seals the newest version: locked, hashed, a seal on the last page; only a 更正 may follow', async () => {
    // not before the head's 批准立案 (sealApproval.test.ts covers the rule).
    expect((await expectFailure(t.call(officer, 'documents.finalise', { caseId, documentId: doc.id }))).code).toBe(
      'APPROVAL_REQUIRED',
    );
    await t.call(officer, 'cases.act', { caseId, action: 'submitFiling', data: {}, track: 'main' });
    await t.call(head, 'cases.act', {
      caseId,
      action: 'approveFiling',
      data: { comment: '同意立案。' },
      track: 'main',
    });
    const f = await t.call(officer, 'documents.finalise', { caseId, documentId: doc.id });
    expect(f.finalised).toMatchObject({ by: '张伟', docxSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const pdf = Buffer.from((await t.call(officer, 'blobs.read', { hash: f.finalised!.pdfHash })).base64, 'base64');
    const pages = await pdfPageTexts(pdf);
    expect(pages).toHaveLength(f.finalised!.pages);
    // The drawn seal writes the bureau's name around its ring on the last page.
    expect(pages.at(-1)!.replace(/\s+/g, '')).toMatch(/黔东南州生态环境局天柱分局.*黔东南州生态环境局天柱分局/s);
    expect((await expectFailure(t.call(officer, 'documents.finalise', { caseId, documentId: doc.id }))).code).toBe(
      'DOCUMENT_FINALISED',
    );
    expect(
      (
        await expectFailure(
          t.call(officer, 'documents.reimport', {
            caseId,
            documentId: doc.id,
            fileName: 'x.docx',
            contentBase64: await edited(doc, '立案', '立 案'),
          }),
        )
      ).code,
    ).toBe('DOCUMENT_FINALISED');

    // The 立案审批表 is sealed once approved, when the case has left the node that makes it:
    // regeneration and 更正 are shown on the 现场检查笔录 of the node the case is now at.
    const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'inspection-record')!;
    const record = await t.call(officer, 'documents.generate', {
      caseId,
      type: 'inspection-record',
      fields: sampleFields(tpl, { today: '2026-03-02' }),
    });
    await t.call(officer, 'documents.finalise', { caseId, documentId: record.id });
    const again = await expectFailure(
      t.call(officer, 'documents.generate', {
        caseId,
        type: 'inspection-record',
        fields: sampleFields(tpl, { today: '2026-03-02' }),
      }),
    );
    expect(again.code).toBe('DOCUMENT_FINALISED');
    const corrected = await t.call(officer, 'documents.generate', {
      caseId,
      type: 'inspection-record',
      fields: sampleFields(tpl, { today: '2026-03-02' }),
      correctionReason: '当事人名称有误，予以更正',
    });
    expect(corrected).toMatchObject({
      version: 2,
      correctionOf: record.id,
      correctionReason: '当事人名称有误，予以更正',
    });
    expect(corrected.finalised).toBeUndefined();
    const state = (await t.call(officer, 'cases.get', { caseId })).state;
    expect(state.documents.find((d) => d.id === doc.id)!.finalised).toBeDefined(); // the sealed versions stay on record
    expect(state.documents.find((d) => d.id === record.id)!.finalised).toBeDefined();
  }, 60_000);

  it('a bureau may register its own seal image, PNG only', async () => {
    expect(
      (await expectFailure(t.call(head, 'settings.setSeal', { pngBase64: Buffer.from('GIF89a').toString('base64') })))
        .code,
    ).toBe('NOT_AN_IMAGE');
    // A PNG signature with nothing behind it is refused too.
    expect((await expectFailure(t.call(head, 'settings.setSeal', { pngBase64: 'iVBORw0KGgo=' }))).code).toBe(
      'NOT_AN_IMAGE',
    );
    const ok = await t.call(head, 'settings.setSeal', { pngBase64: makePng(200, 200, 3).toString('base64') });
    expect(ok.sealImageHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await expectFailure(t.call(officer, 'settings.setSeal', { pngBase64: 'iVBORw0KGgo=' }))).code).toBe(
      'FORBIDDEN_ROLE',
    );
  });
});
