// @vitest-environment jsdom
/** buttons an officer can never use are not shown; those he may use later stay, disabled with why. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionView, CaseView } from '#common/schemas/cases';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { ActionsPanel } from './ActionsPanel';
import { mayEverStart } from './mayEverDo';

afterEach(cleanup);

const action = (over: Partial<ActionView>): ActionView => ({
  id: 'x',
  name: 'x',
  allowed: true,
  roles: ['officer', 'head'],
  kind: 'step',
  form: null,
  track: 'main',
  overridable: false,
  reasons: [],
  ...over,
});
const approve = action({ id: 'approveDecision', name: '批准决定', roles: ['head'], kind: 'approval', allowed: false });
const submit = action({
  id: 'submitDecision',
  name: '提交处罚决定审批',
  allowed: false,
  reasons: [{ rule: 'hasDocument', message: '尚未制作《行政处罚决定书》', citation: '行政处罚法第五十九条' }],
});
const view = { state: { id: 'c1', version: 3 } } as CaseView;
const render = (actions: ActionView[], roles: Parameters<typeof renderWithSession>[1]) =>
  renderWithSession(<ActionsPanel view={view} actions={actions} onView={() => {}} onStale={async () => {}} />, roles);

describe('ActionsPanel', () => {
  it("an officer does not see a head's approval; his own blocked step stays, disabled with its reason", () => {
    const el = render([submit, approve], ['officer']);
    expect(byTestId(el, 'action-approveDecision')).toBeNull();
    expect(byTestId<HTMLButtonElement>(el, 'action-button-submitDecision')!.disabled).toBe(true);
    expect(byTestId(el, 'action-reasons-submitDecision')!.textContent).toContain('尚未制作《行政处罚决定书》');
    expect(byTestId(el, 'others-do-main')!.textContent).toBe('本环节的其他操作须由负责人执行（批准决定）。');
  });

  it('a head sees the approval (disabled until its conditions hold)', () => {
    const el = render([submit, approve], ['head']);
    expect(byTestId<HTMLButtonElement>(el, 'action-button-approveDecision')!.disabled).toBe(true);
    expect(byTestId(el, 'others-do-main')).toBeNull();
  });

  it('at a node only others act on, the officer reads whom it waits for instead of buttons', () => {
    const el = render([approve], ['officer']);
    expect(el.querySelector('button')).toBeNull();
    expect(el.textContent).toContain('须由负责人执行');
  });

  it('a track whose attach names other roles is not offered; one blocked for now is', () => {
    const track = { procedure: 'seizure', name: '查封扣押', citation: '', allowed: false };
    expect(mayEverStart({ ...track, reasons: [{ rule: 'role', message: '须由负责人启动', citation: '' }] })).toBe(
      false,
    );
    expect(mayEverStart({ ...track, reasons: [{ rule: 'trackRunning', message: '正在进行中', citation: '' }] })).toBe(
      true,
    );
  });
});
