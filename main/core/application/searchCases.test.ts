/**
 * search.query through the core: what a case, its party, its documents' text and its evidence
 * captions are found by; filters; the order; who finds what; bad input; superseded versions.
 */
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '#common/schemas/cases.js';
import type { SearchHit } from '#common/schemas/search.js';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';
import { sampleFields } from '../testing/sampleFields.js';
import { makePng } from '../testing/png.js';
import { searchIndexOf } from './searchIndexing.js';

let t: TestCore;
let officer: string, officer2: string, head: string, admin: string;
let a = '',
  b = '',
  aNumber = '',
  uscc = '';
let v1: DocumentRecord, v2: DocumentRecord;

const search = (token: string, text: string, more: Record<string, unknown> = {}) =>
  t.call(token, 'search.query', { text, offset: 0, limit: 50, ...more });
const hitText = (h: SearchHit) => h.snippet.map((s) => s.text).join('');
const marked = (h: SearchHit) => h.snippet.filter((s) => s.hit).map((s) => s.text);

/** The DOCX with a run of text replaced, as Word saves an edit. */
async function edited(d: DocumentRecord, from: string, to: string): Promise<string> {
  const bytes = Buffer.from((await t.call(officer, 'blobs.read', { hash: d.docxHash })).base64, 'base64');
  const zip = new PizZip(bytes);
  const xml = zip.file('word/document.xml')!.asText();
  if (!xml.includes(from)) throw new Error(`no “${from}” in the document`);
  zip.file('word/document.xml', xml.replace(from, to));
  return zip.generate({ type: 'nodebuffer' }).toString('base64');
}

beforeAll(async () => {
  t = await createTestCore({ today: '2026-03-04' });
  [officer, officer2, head, admin] = (await Promise.all(
    ['officer', 'officer2', 'head', 'admin'].map((u) => t.login(u)),
  )) as [string, string, string, string];
  // A: 张伟 and 王强 (officer2 李娜 is not on it); B: 张伟 and 李娜, another violation, a year earlier.
  const ca = await openCase(t, officer, {
    officerIds: ['off-01', 'off-03'],
    summary: '现场检查发现该公司废气排放口颗粒物浓度超过排放标准，除尘布袋破损。',
  });
  a = ca.state.id;
  aNumber = ca.state.number;
  uscc = ca.state.party.uscc;
  b = (
    await openCase(t, officer2, {
      officerIds: ['off-02', 'off-01'],
      violationId: 'eia-unapproved-construction',
      filedOn: '2025-12-10',
      discoveredOn: '2025-12-10',
      summary: '该公司新建化工厂项目未依法报批环境影响评价文件即开工建设。',
    })
  ).state.id;
  const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'filing-approval')!;
  v1 = await t.call(officer, 'documents.generate', {
    caseId: a,
    type: 'filing-approval',
    fields: sampleFields(tpl, { today: '2026-03-04' }),
  });
  await t.call(officer, 'evidence.add', {
    caseId: a,
    fileName: '排气筒.png',
    contentBase64: makePng(8, 8, 3).toString('base64'),
    description: '1号排气筒冒黄烟，除尘器旁路阀开启',
    takenOn: '2026-03-03',
  });
}, 60_000);
afterAll(async () => t?.close());

describe('what is found', () => {
  it('a word of a generated document, with its source, the words marked and where it opens', async () => {
    const r = await search(officer, '立案审批');
    const doc = r.rows.find((h) => h.kind === 'document');
    expect(doc).toMatchObject({
      caseId: a,
      source: '文书《立案审批表》',
      open: { caseId: a, tab: 'documents', documentId: v1.id },
    });
    expect(marked(doc!)).toContain('立案审批');
  });

  it('a label the form spaces out (当 事 人) is found, and its excerpt reads and marks the word typed', async () => {
    const doc = (await search(officer, '当事人')).rows.find((h) => h.kind === 'document' && h.caseId === a);
    expect(doc).toBeDefined();
    expect(marked(doc!)).toContain('当事人');
    expect(hitText(doc!)).not.toContain('当 事 人');
  });

  it('Chinese words of one, two and three or more characters, however the segmenter cut them', async () => {
    // 化工厂 is cut 化|工厂: the word 化工 is among the characters only.
    for (const word of ['化', '化工', '化工厂', '环境影响评价']) {
      const r = await search(head, word);
      expect(
        r.rows.map((h) => h.caseId),
        word,
      ).toContain(b);
      expect(
        r.rows.every((h) => hitText(h).includes(word)),
        word,
      ).toBe(true);
    }
    expect((await search(head, '黄烟')).rows.map((h) => h.kind)).toEqual(['evidence']);
    expect((await search(head, '不存在的词语组合')).rows).toEqual([]);
  });

  it('case numbers, a USCC and its prefix, and words mixed with digits', async () => {
    expect((await search(head, aNumber)).rows[0]).toMatchObject({ caseId: a, kind: 'case' });
    // Both cases are of the same enterprise: its USCC finds both parties, before any document.
    const byUscc = await search(head, uscc);
    expect(
      byUscc.rows
        .slice(0, 2)
        .map((h) => [h.caseId, h.kind, h.source])
        .sort(),
    ).toEqual(
      [
        [a, 'party', '当事人'],
        [b, 'party', '当事人'],
      ].sort(),
    );
    expect((await search(head, uscc.slice(0, 8))).rows.some((h) => h.caseId === a && h.kind === 'party')).toBe(true);
    const r = await search(head, '1号排气筒');
    expect(r.rows[0]).toMatchObject({ kind: 'evidence', source: '证据说明', open: { tab: 'evidence' } });
  });

  it('several words: each must occur', async () => {
    expect((await search(head, '颗粒物 破损')).rows.map((h) => h.caseId)).toContain(a);
    expect((await search(head, '颗粒物 化工厂')).rows).toEqual([]);
  });

  it('ranks the case itself above a document that mentions the same words', async () => {
    const r = await search(head, '颗粒物浓度');
    expect(r.order).toBe('relevance');
    const kinds = r.rows.filter((h) => h.caseId === a).map((h) => h.kind);
    expect(kinds[0]).toBe('case');
    expect(kinds).toContain('document');
  });
});

describe('filters', () => {
  it('year, state, violation type, officer and party narrow the hits', async () => {
    const ids = async (more: Record<string, unknown>) =>
      new Set((await search(head, '公司', more)).rows.map((h) => h.caseId));
    expect(await ids({})).toEqual(new Set([a, b]));
    expect(await ids({ year: 2025 })).toEqual(new Set([b]));
    expect(await ids({ year: 2026 })).toEqual(new Set([a]));
    expect(await ids({ violationId: 'eia-unapproved-construction' })).toEqual(new Set([b]));
    expect(await ids({ officerId: 'off-03' })).toEqual(new Set([a]));
    expect(await ids({ officerId: 'off-01' })).toEqual(new Set([a, b]));
    expect(await ids({ state: 'open' })).toEqual(new Set([a, b]));
    expect(await ids({ state: 'closed' })).toEqual(new Set());
    expect(await ids({ party: '不存在的当事人' })).toEqual(new Set());
    const party = (await t.call(head, 'cases.get', { caseId: a })).state.party.name;
    expect(await ids({ party: party.slice(0, 4) })).toEqual(new Set([a, b]));
  });
});

describe('who finds what', () => {
  it('an officer finds only the cases he is on; reviewers and heads the bureau; the administrator is refused', async () => {
    const ids = async (token: string) => new Set((await search(token, '公司')).rows.map((h) => h.caseId));
    expect(await ids(officer2)).toEqual(new Set([b]));
    expect(await ids(officer)).toEqual(new Set([a, b]));
    expect(await ids(head)).toEqual(new Set([a, b]));
    expect((await expectFailure(search(admin, '公司'))).code).toBe('FORBIDDEN_ROLE');
    // What A's document says is not found by officer2, not even as a count.
    expect((await search(officer2, '立案审批')).rows.some((h) => h.caseId === a)).toBe(false);
  });
});

describe('bad input is refused in Chinese, and nothing changes', () => {
  it.each([
    ['', /请输入检索词/],
    ['   ', /请输入检索词/],
    ['违'.repeat(101), /检索词过长/],
    ['化工\u0000', /控制字符/],
    ['〔〕，。', /须包含汉字、字母或数字/],
  ])('%j', async (text, message) => {
    const e = await expectFailure(search(head, text));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(message);
  });

  it('a bad filter', async () => {
    const e = await expectFailure(search(head, '公司', { year: 1900 }));
    expect(e.message).toMatch(/年份无效/);
  });
});

describe('versions', () => {
  it('a superseded version is not found; the current one is', async () => {
    const contentBase64 = await edited(v1, '除尘布袋破损', '锅炉烟囱冒黑烟');
    v2 = (
      await t.call(officer, 'documents.reimport', {
        caseId: a,
        documentId: v1.id,
        fileName: '立案审批表（修改）.docx',
        contentBase64,
      })
    ).document;
    expect((await search(head, '锅炉烟囱')).rows).toMatchObject([{ kind: 'document', open: { documentId: v2.id } }]);
    const old = await search(head, '除尘布袋');
    expect(old.rows.map((h) => h.kind)).toEqual(['case']); // the case's summary still says it
    expect(old.rows.some((h) => h.open.documentId === v1.id)).toBe(false);
  });
});

describe('the index is derived data', () => {
  it('rebuilt from the projections, it finds the same', async () => {
    const before = await search(head, '公司');
    t.core.services.db.exec(
      'DELETE FROM search_fts; DELETE FROM search_texts; DELETE FROM search_docs; DELETE FROM search_cases;',
    );
    expect((await search(head, '公司')).rows).toEqual([]);
    const { indexAllCases } = await import('./searchIndexing.js');
    expect(await indexAllCases(t.core.services)).toBe(2);
    const after = await search(head, '公司');
    expect(after.rows.map((h) => [h.caseId, h.kind, h.source]).sort()).toEqual(
      before.rows.map((h) => [h.caseId, h.kind, h.source]).sort(),
    );
  });

  it('an OCR page of an evidence file is found as such once a reader wrote it', async () => {
    const ev = (await t.call(head, 'cases.get', { caseId: a })).state.evidence[0]!;
    searchIndexOf(t.core.services.db).putOcrPage({
      fileHash: ev.hash,
      page: 2,
      status: 'read',
      text: '监测报告：颗粒物排放浓度六十八毫克每立方米',
      engine: 'test',
      readAt: '2026-03-04T10:00:00Z',
    });
    const { indexCase } = await import('./searchIndexing.js');
    const s = t.core.services.cases.get(a);
    t.core.services.db.transaction(() => indexCase(t.core.services, s))();
    expect((await search(head, '毫克每立方米')).rows).toMatchObject([
      { kind: 'ocr', source: 'OCR 第2页（排气筒.png）', open: { tab: 'evidence', evidenceId: ev.id, page: 2 } },
    ]);
  });
});
