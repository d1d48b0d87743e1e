// @vitest-environment jsdom
/**
 * A head overrides a failed legality review from the case page: the action the core marks `overridable`
 * (only legality rules block it and this user may override) stays pressable; one it does not (an officer,
 * another rule blocking too, a procedure that forbids it) stays disabled. Pressing it asks the core, whose
 * refusal opens the override dialog, and the written reason goes with the second call. The page reads
 * no rule names: the fixture's rule id is deliberately not the core's, so a guess from it would fail.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionView, CaseView } from '#common/schemas/cases';

const calls: Array<Record<string, unknown>> = [];
vi.mock('#renderer/api/send', () => ({
  send: vi.fn(async (_op: string, input: Record<string, unknown>) => {
    calls.push(input);
    if (!input.overrideReason) {
      const { ApiError } = await import('#renderer/api/errors');
      throw new ApiError('GUARD_FAILED', '合法性审查未通过', [legality]);
    }
    return { state: { id: 'c1', version: 4 } };
  }),
}));
const { ActionsPanel } = await import('./ActionsPanel');
const { byTestId, cleanup, renderWithSession } = await import('#renderer/testing/renderWithSession');

afterEach(() => {
  cleanup();
  calls.length = 0;
});

const legality = {
  rule: 'limitation',
  message: '合法性审查未通过：追责时效——已超过两年',
  citation: '行政处罚法第三十六条',
};
const decide = (over: Partial<ActionView> = {}): ActionView => ({
  id: 'submitDecision',
  name: '提交处罚决定审批',
  allowed: false,
  roles: ['officer', 'head'],
  kind: 'step',
  form: null,
  track: 'main',
  overridable: true,
  reasons: [legality],
  ...over,
});
const view = { state: { id: 'c1', version: 3 } } as CaseView;
const render = (a: ActionView, roles: Parameters<typeof renderWithSession>[1]) =>
  renderWithSession(<ActionsPanel view={view} actions={[a]} onView={() => {}} onStale={async () => {}} />, roles);
const button = (el: HTMLElement) => byTestId<HTMLButtonElement>(el, 'action-button-submitDecision')!;

function typeReason(text: string): void {
  const box = document.body.querySelector<HTMLTextAreaElement>('[data-testid="override-reason"]')!;
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(box, text);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('a head overrides a failed legality review from the case page', () => {
  it('the button stays pressable for a head, says so, and the reason goes with the second call', async () => {
    const el = render(decide(), ['head']);
    expect(button(el).disabled).toBe(false);
    expect(byTestId(el, 'action-reasons-submitDecision')!.textContent).toContain('追责时效');
    expect(byTestId(el, 'action-override-submitDecision')!.textContent).toContain('写明理由后越过');
    await act(async () => button(el).click());
    await act(async () => document.body.querySelector<HTMLButtonElement>('[data-testid="confirm-ok"]')!.click());
    expect(document.body.querySelector('[data-testid="override-dialog"]')).not.toBeNull();
    typeReason('当事人持续违法，违法行为仍处于继续状态，时效自行为终了之日起计算');
    await act(async () => document.body.querySelector<HTMLButtonElement>('[data-testid="override-confirm"]')!.click());
    expect(calls).toHaveLength(2);
    expect(calls[0]!.overrideReason).toBeUndefined();
    expect(calls[1]!.overrideReason).toBe('当事人持续违法，违法行为仍处于继续状态，时效自行为终了之日起计算');
  });

  it('an officer cannot press it', () => {
    // The core answers `overridable: false` to an officer.
    const el = render(decide({ overridable: false }), ['officer']);
    expect(button(el).disabled).toBe(true);
    expect(byTestId(el, 'action-override-submitDecision')).toBeNull();
  });

  it('nor a head when another rule blocks it too, or the procedure does not let it be overridden', () => {
    const missing = { rule: 'hasDocument', message: '尚未制作《行政处罚决定书》', citation: '行政处罚法第五十九条' };
    expect(button(render(decide({ reasons: [legality, missing], overridable: false }), ['head'])).disabled).toBe(true);
    cleanup();
    expect(button(render(decide({ overridable: false }), ['head'])).disabled).toBe(true);
  });
});
