// @vitest-environment jsdom
/**
 * 定稿 before the approval its step needs is disabled with the approval named as the tooltip;
 * 定稿 and 导入修改稿 are not offered to a role the operations table does not let call them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BlockedBy, DocumentRecord } from '#common/schemas/cases';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

vi.mock('#renderer/api/send', () => ({ send: vi.fn() }));
const { DocumentVersionActions } = await import('./DocumentVersionActions');

afterEach(cleanup);

const doc = { id: 'd1', type: 'penalty-notice', name: '行政处罚事先告知书', version: 1 } as DocumentRecord;
const seal: BlockedBy = {
  rule: 'approvalBeforeSeal',
  article: '《中华人民共和国行政处罚法》第四十四条',
  message: '行政处罚事先告知书须经负责人“批准事先告知”后方可定稿盖章',
};
const noop = (): void => {};

describe('DocumentVersionActions', () => {
  it('定稿 before its approval is disabled with the approval named; once approved, enabled', () => {
    const blocked = renderWithSession(
      <DocumentVersionActions
        caseId="c1"
        doc={doc}
        disabled={false}
        finaliseBlockedBy={seal}
        onChanged={noop}
        onImported={noop}
      />,
    );
    expect(byTestId<HTMLButtonElement>(blocked, 'document-finalise')!.disabled).toBe(true);
    expect(byTestId(blocked, 'document-finalise-blocked')!.getAttribute('aria-label')).toContain('批准事先告知');
    const open = renderWithSession(
      <DocumentVersionActions
        caseId="c1"
        doc={doc}
        disabled={false}
        finaliseBlockedBy={null}
        onChanged={noop}
        onImported={noop}
      />,
    );
    expect(byTestId<HTMLButtonElement>(open, 'document-finalise')!.disabled).toBe(false);
    expect(byTestId(open, 'document-finalise-blocked')).toBeNull();
  });

  it('a 法制审核 user is offered neither 定稿 nor 导入修改稿 (documents.finalise and reimport are not his operations)', () => {
    const el = renderWithSession(
      <DocumentVersionActions caseId="c1" doc={doc} disabled={false} onChanged={noop} onImported={noop} />,
      ['reviewer'],
    );
    expect(byTestId(el, 'document-finalise')).toBeNull();
    expect(byTestId(el, 'document-reimport')).toBeNull();
    const officer = renderWithSession(
      <DocumentVersionActions caseId="c1" doc={doc} disabled={false} onChanged={noop} onImported={noop} />,
      ['officer'],
    );
    expect(byTestId(officer, 'document-reimport')).not.toBeNull();
  });
});
