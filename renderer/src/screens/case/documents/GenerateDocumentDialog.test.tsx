// @vitest-environment jsdom
/**
 * 生成 a document with nothing to fill in (立案审批表): the dialog opens with 生成 focused, so Enter
 * generates it as in any other form; with fields to fill in, the first field has the focus instead.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '#common/schemas/cases';
import type { TemplateInfo } from '#common/schemas/documents';
import { cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

const send = vi.fn(async (name: string) => (name === 'drafts.get' ? null : { id: 'd1' }));
vi.mock('#renderer/api/send', () => ({ send: (name: string) => send(name) }));
const { GenerateDocumentDialog } = await import('./GenerateDocumentDialog');

afterEach(() => {
  cleanup();
  send.mockClear();
});

const view = { state: { id: 'c1', version: 3, documents: [] } } as unknown as CaseView;
const template = (fields: TemplateInfo['fields']) =>
  ({ id: 'filing-approval', name: '立案审批表', fields }) as TemplateInfo;
const submit = () => document.querySelector<HTMLButtonElement>('[data-testid="generate-submit"]');

describe('GenerateDocumentDialog and the keyboard', () => {
  it('with nothing to fill in, 生成 has the focus and Enter on it generates the document', async () => {
    const onGenerated = vi.fn();
    renderWithSession(
      <GenerateDocumentDialog template={template([])} view={view} onClose={() => {}} onGenerated={onGenerated} />,
    );
    await act(async () => {});
    expect(document.activeElement).toBe(submit());
    // A focused submit button turns Enter into a click, which submits the form.
    await act(async () => submit()!.click());
    expect(send).toHaveBeenCalledWith('documents.generate');
    expect(onGenerated).toHaveBeenCalledOnce();
  });

  it('with a field to fill in, the field has the focus, not 生成', async () => {
    const field = { key: 'otherNotes', label: '其他说明', source: 'input', required: true, input: 'text' };
    renderWithSession(
      <GenerateDocumentDialog
        template={template([field] as TemplateInfo['fields'])}
        view={view}
        onClose={() => {}}
        onGenerated={() => {}}
      />,
    );
    await act(async () => {});
    expect(document.activeElement).not.toBe(submit());
    expect(document.activeElement?.getAttribute('data-testid')).toBe('field-otherNotes');
  });
});
