// @vitest-environment jsdom
/** 我的草稿 → 打开 on a document's draft: the case page opens that document's form, once. */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '#common/schemas/cases';
import type { TemplateInfo } from '#common/schemas/documents';
import { cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

// The form itself (and its draft) is GenerateDocumentDialog's business: here only which one opens.
vi.mock('./GenerateDocumentDialog', () => ({
  GenerateDocumentDialog: ({ template, track }: { template: TemplateInfo; track?: string }) => (
    <div data-testid="generate-dialog" data-template={template.id} data-track={track ?? ''} />
  ),
}));
const { NodeDocuments } = await import('./NodeDocuments');
const { openDraftForm, dropDraftForm, pendingDraftForm } = await import('#renderer/app/pendingForm');

afterEach(() => {
  cleanup();
  dropDraftForm();
});

const types = [
  { type: 'inspection-record', name: '现场检查(勘察)笔录', hasTemplate: true, generated: false },
  { type: 'interview-record', name: '调查询问笔录', hasTemplate: true, generated: true },
];
const view = { state: { id: 'c1' }, documentTypes: types } as unknown as CaseView;
const templates = types.map((t) => ({ id: t.type, name: t.name }) as TemplateInfo);
const dialog = (el: HTMLElement) => el.querySelector('[data-testid="generate-dialog"]');

describe('NodeDocuments and a draft to open', () => {
  it('opens the form the draft belongs to once the templates are there', async () => {
    openDraftForm('c1', 'document:interview-record');
    let el = renderWithSession(<NodeDocuments view={view} templates={[]} onGenerated={async () => {}} />);
    expect(dialog(el)).toBeNull();
    cleanup();
    el = renderWithSession(<NodeDocuments view={view} templates={templates} onGenerated={async () => {}} />);
    await act(async () => {});
    expect(dialog(el)?.getAttribute('data-template')).toBe('interview-record');
    expect(pendingDraftForm()).toBeNull();
  });

  it('opens nothing for another case or another track', async () => {
    openDraftForm('c2', 'document:interview-record');
    const el = renderWithSession(<NodeDocuments view={view} templates={templates} onGenerated={async () => {}} />);
    await act(async () => {});
    expect(dialog(el)).toBeNull();
    openDraftForm('c1', 'document:interview-record@seizure');
    const main = renderWithSession(<NodeDocuments view={view} templates={templates} onGenerated={async () => {}} />);
    await act(async () => {});
    expect(dialog(main)).toBeNull();
    const track = renderWithSession(
      <NodeDocuments view={view} templates={templates} onGenerated={async () => {}} track="seizure" />,
    );
    await act(async () => {});
    expect(dialog(track)?.getAttribute('data-track')).toBe('seizure');
  });
});
