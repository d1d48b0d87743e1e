// @vitest-environment jsdom
/** 我的草稿 → 打开 on an action's draft: the case page opens that action's form if it may be done now. */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionView, CaseView } from '#common/schemas/cases';
import { cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

// The form and its draft are ActionFormDialog's business: here only which one opens.
vi.mock('./ActionFormDialog', () => ({
  ActionFormDialog: ({ action }: { action: ActionView }) => <div data-testid="action-dialog" data-action={action.id} />,
}));
const { ActionsPanel } = await import('./ActionsPanel');
const { openDraftForm, dropDraftForm, pendingDraftForm } = await import('#renderer/app/pendingForm');

afterEach(() => {
  cleanup();
  dropDraftForm();
});

const action = (id: string, allowed: boolean): ActionView => ({
  id,
  name: id,
  allowed,
  roles: ['officer'],
  kind: 'step',
  form: 'report',
  track: 'main',
  overridable: false,
  reasons: [],
});
const view = { state: { id: 'c1', version: 3 } } as CaseView;
const render = (actions: ActionView[]) =>
  renderWithSession(<ActionsPanel view={view} actions={actions} onView={() => {}} onStale={async () => {}} />);
const dialog = (el: HTMLElement) => el.querySelector('[data-testid="action-dialog"]');

describe('ActionsPanel and a draft to open', () => {
  it('opens the action whose form holds the draft, once', async () => {
    openDraftForm('c1', 'action:submitReport@main');
    const el = render([action('recordInterview', true), action('submitReport', true)]);
    await act(async () => {});
    expect(dialog(el)?.getAttribute('data-action')).toBe('submitReport');
    expect(pendingDraftForm()).toBeNull();
  });

  it('leaves a blocked action closed and the hand-over to the case page', async () => {
    openDraftForm('c1', 'action:submitReport@main');
    const el = render([action('submitReport', false)]);
    await act(async () => {});
    expect(dialog(el)).toBeNull();
    expect(pendingDraftForm()).toEqual({ caseId: 'c1', form: 'action:submitReport@main' });
  });
});
