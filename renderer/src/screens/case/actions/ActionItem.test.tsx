// @vitest-environment jsdom
/** an action barred for this user (separation of duties) is disabled, with why as its tooltip. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionView, BlockedBy } from '#common/schemas/cases';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { ActionItem } from './ActionItem';

afterEach(cleanup);

const duties: BlockedBy = {
  rule: 'separationOfDuties',
  article: '《中华人民共和国行政处罚法》第五十七条',
  message: '“提交立案审批”是您本人办理的，审批须由办理人以外的负责人作出',
};
const approve: ActionView = {
  id: 'approveFiling',
  name: '批准立案',
  allowed: false,
  roles: ['head'],
  kind: 'approval',
  form: 'approval',
  track: 'main',
  overridable: false,
  reasons: [{ rule: 'separationOfDuties', message: duties.message, citation: duties.article }],
  blockedBy: duties,
};

describe('ActionItem', () => {
  it('an action barred by separation of duties is disabled, with the reason and article as its tooltip and beside it', () => {
    const el = renderWithSession(<ActionItem action={approve} pending={false} onClick={() => {}} />, ['head']);
    expect(byTestId<HTMLButtonElement>(el, 'action-button-approveFiling')!.disabled).toBe(true);
    expect(byTestId(el, 'action-blocked-approveFiling')!.getAttribute('aria-label')).toBe(
      `${duties.message}（${duties.article}）`,
    );
    expect(byTestId(el, 'action-reasons-approveFiling')!.textContent).toContain('是您本人办理的');
  });

  it('an allowed action has no tooltip and is enabled', () => {
    const el = renderWithSession(
      <ActionItem
        action={{ ...approve, allowed: true, reasons: [], blockedBy: undefined }}
        pending={false}
        onClick={() => {}}
      />,
      ['head'],
    );
    expect(byTestId<HTMLButtonElement>(el, 'action-button-approveFiling')!.disabled).toBe(false);
    expect(byTestId(el, 'action-blocked-approveFiling')).toBeNull();
  });
});
