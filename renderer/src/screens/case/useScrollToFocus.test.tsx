// @vitest-environment jsdom
/** A search hit opens the case at its document or evidence item: that item is highlighted and scrolled to, once. */
import { act, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseView, DocumentRecord, EvidenceRecord } from '#common/schemas/cases';
import { cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { DocumentTable } from './documents/DocumentTable';
import { EvidencePanel } from './evidence/EvidencePanel';

const scrolled: Element[] = [];
beforeEach(() => {
  scrolled.length = 0;
  // jsdom lays nothing out and has no scrollIntoView: record the calls instead.
  Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
    scrolled.push(this);
  });
});
afterEach(() => {
  cleanup();
  delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
});

const doc = (id: string, at: string): DocumentRecord => ({
  id,
  type: 'inspection-record',
  name: '《现场检查(勘察)笔录》',
  number: null,
  version: 1,
  docxHash: 'x',
  templateVersion: '1',
  generatedAt: at,
  generatedBy: '张伟',
  fields: { seq: id },
});
const documents = [doc('d1', '2026-12-01T02:00:00.000Z'), doc('d2', '2026-12-02T02:00:00.000Z')];

const evidence = (id: string): EvidenceRecord => ({
  id,
  kind: 'scan',
  fileName: `${id}.pdf`,
  mimeType: 'application/pdf',
  hash: `h-${id}`,
  size: 1000,
  description: `书证${id}`,
  takenOn: '2026-12-01',
  addedAt: '2026-12-01T02:00:00.000Z',
  addedBy: '张伟',
});
const viewWith = (items: EvidenceRecord[]): CaseView =>
  ({ state: { id: 'c1', node: 'closed', evidence: items } }) as unknown as CaseView;

describe('opening a case at a document', () => {
  it('highlights that row, marks it current and scrolls it into the middle of the screen', () => {
    const el = renderWithSession(
      <DocumentTable caseId="c1" documents={documents} onPreview={() => {}} onChanged={() => {}} focus="d1" />,
    );
    const row = el.querySelector('[data-document-id="d1"]')!;
    expect(row.getAttribute('aria-current')).toBe('true');
    expect(row.classList.contains('Mui-selected')).toBe(true);
    expect(el.querySelector('[data-document-id="d2"]')!.getAttribute('aria-current')).toBeNull();
    expect(scrolled).toEqual([row]);
    expect(Element.prototype.scrollIntoView).toHaveBeenCalledWith({ block: 'center' });
    expect(document.activeElement).toBe(row);
  });

  it('does nothing for an id that is not on the page, and scrolls nowhere without one', () => {
    const el = renderWithSession(
      <DocumentTable caseId="c1" documents={documents} onPreview={() => {}} onChanged={() => {}} focus='x"]' />,
    );
    expect(el.querySelector('[aria-current]')).toBeNull();
    renderWithSession(<DocumentTable caseId="c1" documents={documents} onPreview={() => {}} onChanged={() => {}} />);
    expect(scrolled).toEqual([]);
  });
});

/** The evidence tab as the case page shows it; `reload` stands for a fresh CaseView after an action. */
let reload: () => void = () => {};
function ReloadingEvidence() {
  const [items, setItems] = useState([evidence('e1'), evidence('e2')]);
  reload = () => setItems((x) => [...x, evidence(`e${x.length + 1}`)]);
  return <EvidencePanel view={viewWith(items)} onChanged={async () => {}} focus="e2" />;
}

describe('opening a case at an evidence item', () => {
  it('outlines that card and scrolls to it once, not again when the case reloads', () => {
    const host = renderWithSession(<ReloadingEvidence />);
    const card = host.querySelector('[data-evidence-id="e2"]')!;
    expect(card.getAttribute('aria-current')).toBe('true');
    expect(host.querySelector('[data-evidence-id="e1"]')!.getAttribute('aria-current')).toBeNull();
    expect(scrolled).toEqual([card]);
    act(() => reload());
    expect(host.querySelector('[data-evidence-id="e3"]')).not.toBeNull();
    expect(scrolled).toEqual([card]);
  });
});
