// @vitest-environment jsdom
/** a version a newer one replaced is marked 已被替换, offers no re-import or 定稿, and is not counted. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '#common/schemas/cases';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { DocumentTable } from './DocumentTable';

afterEach(cleanup);

const doc = (
  id: string,
  type: string,
  version: number,
  at: string,
  over: Partial<DocumentRecord> = {},
): DocumentRecord => ({
  id,
  type,
  name: type === 'inspection-record' ? '现场检查(勘察)笔录' : '送达回证',
  number: null,
  version,
  docxHash: 'x',
  templateVersion: '1',
  generatedAt: at,
  generatedBy: '张伟',
  fields: {},
  ...over,
});

const documents = [
  doc('d1', 'inspection-record', 1, '2026-12-01T02:00:00.000Z'),
  doc('d2', 'inspection-record', 2, '2026-12-02T02:00:00.000Z'),
  // Receipts are one per served document: two served documents are two documents, not versions.
  doc('r1', 'service-receipt', 1, '2026-12-03T02:00:00.000Z', { fields: { servedDocument: 'penalty-notice' } }),
  doc('r2', 'service-receipt', 1, '2026-12-04T02:00:00.000Z', { fields: { servedDocument: 'penalty-decision' } }),
];

describe('DocumentTable', () => {
  it('marks the replaced version 已被替换 and counts documents, not versions', () => {
    const el = renderWithSession(
      <DocumentTable caseId="c1" documents={documents} onPreview={() => {}} onChanged={() => {}} />,
    );
    const rows = [...el.querySelectorAll('[data-testid="document-row"]')];
    const superseded = rows.filter((r) => r.getAttribute('data-superseded') === 'true');
    expect(superseded).toHaveLength(1);
    expect(superseded[0]!.textContent).toContain('第1版');
    expect(superseded[0]!.textContent).toContain('已被替换');
    expect(byTestId(el, 'document-count')!.textContent).toBe('共3份文书（另有1个已被替换的旧版本，不计入文书和卷宗）');
  });

  it('says nothing of replaced versions when there are none', () => {
    const el = renderWithSession(
      <DocumentTable caseId="c1" documents={documents.slice(1)} onPreview={() => {}} onChanged={() => {}} />,
    );
    expect(byTestId(el, 'document-count')!.textContent).toBe('共3份文书');
    expect(byTestId(el, 'document-superseded')).toBeNull();
  });
});
