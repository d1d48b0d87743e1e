/**
 * A whole ordinary-procedure case through the public operations, as the clerk and the head do it:
 * documents generated, approvals by role, the dossier bound, the history kept across a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase, runOrdinaryCase } from '../testing/scenario.js';
import { sampleFields } from '../testing/sampleFields.js';
import { pdfPageTexts } from '../documents/pdf/pdfText.js';
import { docxText } from '../documents/render.js';

let t: TestCore;
let result: Awaited<ReturnType<typeof runOrdinaryCase>>;

beforeAll(async () => {
  t = await createTestCore();
  result = await runOrdinaryCase(t, { setDate: (d) => t.clock.setDate(d) });
}, 180_000);
afterAll(async () => t?.close());

describe('an ordinary case from 立案 to 结案', () => {
  it('ends closed with every document of the main path filed and numbered', () => {
    const s = result.closed.state;
    expect(s.node).toBe('closed');
    expect(s.closedOn).toBe('2026-03-25');
    expect(s.documents.map((d) => d.type)).toEqual([
      'filing-approval',
      'inspection-record',
      'interview-record',
      'internal-approval',
      'penalty-notice',
      'service-receipt',
      'penalty-decision',
      'service-receipt',
      'closing-approval',
    ]);
    expect(s.documents.find((d) => d.type === 'penalty-notice')!.number).toBe('黔东南环天罚告字〔2026〕1号');
    expect(s.documents.find((d) => d.type === 'penalty-decision')!.number).toBe('黔东南环天罚字〔2026〕1号');
    expect(s.documents.filter((d) => d.type === 'service-receipt').map((d) => d.version)).toEqual([1, 1]);
    expect(result.archived.state.node).toBe('archived');
    // Every phase is ticked except the one the case never entered (200,000 yuan: no 法制审核 or 集体讨论).
    expect(result.archived.phases.filter((p) => p.status !== 'done').map((p) => [p.id, p.status])).toEqual([
      ['deliberation', 'notApplicable'],
    ]);
  });

  it('offers a hearing in the notice only above the threshold kept as data (200,000 yuan for an organisation)', async () => {
    expect(t.core.services.hearingThreshold).toMatchObject({ organisationYuan: 200000, organisationRule: 'above' });
    // This case's fine is exactly 200,000 yuan: not above it, so no hearing right is told.
    expect(result.closed.state.noticedFine).toBe(200000);
    const notice = result.closed.state.documents.find((d) => d.type === 'penalty-notice')!;
    const text = docxText(
      Buffer.from((await t.call(result.officer, 'blobs.read', { hash: notice.docxHash })).base64, 'base64'),
    );
    expect(text).not.toContain('听证');
    expect(text).toContain(result.closed.state.party.name);
  });

  it('binds a dossier whose text has the catalog and the page numbers', async () => {
    const pdf = Buffer.from(
      (await t.call(result.officer, 'blobs.read', { hash: result.dossier.pdfHash })).base64,
      'base64',
    );
    const pages = await pdfPageTexts(pdf);
    expect(pages.length).toBe(result.dossier.pages);
    const all = pages.join('\n').replace(/\s+/g, '');
    for (const h of [
      '卷内目录',
      '序号',
      '文号',
      '责任者',
      '题名',
      '日期',
      '页号',
      '行政处罚决定书',
      '立案审批表',
      '备考表',
    ])
      expect(all).toContain(h);
    expect(pages[0]!.replace(/\s+/g, '')).toContain(result.closed.state.number);
    // The decision comes first in the 正卷 (2010 rule) and starts on numbered page 1.
    expect(result.dossier.catalog[0]!.title).toBe('行政处罚决定书');
    expect(result.dossier.catalog[0]!.page.startsWith('1')).toBe(true);
    const numbered = pages.length - pages.findIndex((p) => p.includes('行政处罚决定书') && !p.includes('卷内目录'));
    expect(numbered).toBeGreaterThan(5);
    expect(pages.at(-1)!.replace(/\s+/g, '')).toContain(String(numbered));
  });

  it('binds the 副卷 apart: the 内部审批表 is there, numbered from 1, and not in the 正卷', async () => {
    const { dossier } = result;
    expect(dossier.volumes.map((v) => v.volume)).toEqual(['正卷', '副卷']);
    const [main, side] = dossier.volumes as [(typeof dossier.volumes)[0], (typeof dossier.volumes)[0]];
    // The top-level fields are the 正卷's, as callers read them before there were two volumes.
    expect({ pdfHash: dossier.pdfHash, pages: dossier.pages, catalog: dossier.catalog }).toEqual({
      pdfHash: main.pdfHash,
      pages: main.pages,
      catalog: main.catalog,
    });
    expect(side.catalog.map((r) => r.title)).toEqual(['案件处理内部审批表']);
    expect(side.catalog[0]!.page.startsWith('1')).toBe(true);
    expect(main.catalog.map((r) => r.title)).not.toContain('案件处理内部审批表');
    expect(main.catalog.map((r) => r.title)).toContain('现场照片：1号排气筒排放状况');
    const sidePages = await pdfPageTexts(
      Buffer.from((await t.call(result.officer, 'blobs.read', { hash: side.pdfHash })).base64, 'base64'),
    );
    expect(sidePages.length).toBe(side.pages);
    const cover = sidePages[0]!.replace(/\s+/g, '');
    expect(cover).toContain('（副卷）');
    expect(cover).toContain(result.closed.state.number);
    expect(sidePages.at(-1)!.replace(/\s+/g, '')).toContain('备考表');
    const mainPages = await pdfPageTexts(
      Buffer.from((await t.call(result.officer, 'blobs.read', { hash: main.pdfHash })).base64, 'base64'),
    );
    expect(mainPages.join('').replace(/\s+/g, '')).not.toContain('案件处理内部审批表');
    // The event names both volumes; the history says so; 归档 recorded two volumes (卷数).
    expect(result.archived.state.dossier?.volumes).toEqual([
      {
        volume: '正卷',
        pdfHash: main.pdfHash,
        pages: main.pages,
        items: main.catalog.length,
        numberedPages: main.numberedPages,
      },
      {
        volume: '副卷',
        pdfHash: side.pdfHash,
        pages: side.pages,
        items: side.catalog.length,
        numberedPages: side.numberedPages,
      },
    ]);
    const history = await t.call(result.officer, 'cases.history', { caseId: result.caseId });
    expect(history.entries.find((e) => e.type === 'dossier.built')!.summary).toBe(
      `组卷：正卷${main.pages}页，副卷${side.pages}页`,
    );
    expect(result.archived.state.steps.find((x) => x.action === 'archive')!.data.volumes).toBe(2);
  });

  it('records who did what and when, and keeps it across a restart', async () => {
    const before = await t.call(result.officer, 'cases.history', { caseId: result.caseId });
    expect(before.chainValid).toBe(true);
    expect(before.entries.some((e) => e.actorName === '杨建国' && e.summary.startsWith('批准立案'))).toBe(true);
    expect(before.entries.some((e) => e.actorName === '张伟' && e.summary.includes('立案登记'))).toBe(true);
    const dir = t.dir;
    await t.core.close();
    const again = await createTestCore({ dir, today: '2026-03-26' });
    const token = await again.login('officer');
    const after = await again.call(token, 'cases.history', { caseId: result.caseId });
    expect(after).toEqual(before);
    await again.core.close();
    t = await createTestCore({ today: '2026-03-26' });
  });
});

describe('roles and order on a live case', () => {
  it('a case officer cannot approve 立案; the head can', async () => {
    const u = await createTestCore();
    try {
      const officer = await u.login('officer');
      const head = await u.login('head');
      const v = await openCase(u, officer);
      const tpl = (await u.call(officer, 'templates.list', {})).find((x) => x.id === 'filing-approval')!;
      await u.call(officer, 'documents.generate', {
        caseId: v.state.id,
        type: 'filing-approval',
        fields: sampleFields(tpl, { today: '2026-03-02' }),
      });
      const submitted = await u.call(officer, 'cases.act', { caseId: v.state.id, action: 'submitFiling' });
      const approve = submitted.actions.find((a) => a.id === 'approveFiling')!;
      expect(approve.allowed).toBe(false);
      expect(approve.reasons[0]!.message).toMatch(/负责人/);
      expect(
        (
          await expectFailure(
            u.call(officer, 'cases.act', { caseId: v.state.id, action: 'approveFiling', data: { comment: '' } }),
          )
        ).code,
      ).toBe('FORBIDDEN_ROLE');
      const approved = await u.call(head, 'cases.act', {
        caseId: v.state.id,
        action: 'approveFiling',
        data: { comment: '同意' },
      });
      expect(approved.state.node).toBe('investigation');
      // A document that belongs to a later step cannot be made now.
      const err = await expectFailure(
        u.call(officer, 'documents.generate', { caseId: v.state.id, type: 'penalty-decision', fields: {} }),
      );
      expect(err.code).toBe('ACTION_NOT_ALLOWED');
      // A form field left empty is asked for, never left blank.
      const missing = await expectFailure(
        u.call(officer, 'documents.generate', { caseId: v.state.id, type: 'inspection-record', fields: {} }),
      );
      expect(missing.code).toBe('FIELDS_REQUIRED');
      expect(missing.message).toMatch(/检查/);
    } finally {
      await u.close();
    }
  });
});
