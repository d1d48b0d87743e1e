// @vitest-environment jsdom
/**
 * A 同步冲突 tells the clerk in Chinese what he did, what the other desk did first and why; he redoes it
 * from the action's form or discards it — only his own, only after confirming, and a refusal of the
 * core leaves it listed with the reason.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncConflict } from '#common/schemas/sync';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { ApiError } from '#renderer/api/errors';

vi.mock('#renderer/api/send', () => ({ send: vi.fn() }));
const { send } = await import('#renderer/api/send');
const { SyncConflictItem } = await import('./SyncConflictItem');
const sent = vi.mocked(send);

afterEach(cleanup);
beforeEach(() => {
  sent.mockReset();
});

const conflict: SyncConflict = {
  id: 'k1',
  caseId: 'c1',
  caseNumber: '天环立字〔2026〕3号',
  kind: 'unlawful',
  summary: '退回立案申请（杨建国）',
  reason: '其他工作站已先办理了本案，此操作在案件的新状态下不再合法：当前阶段“调查取证”不能执行此操作',
  kept: [
    {
      type: 'action.performed',
      actorName: '杨建国',
      at: '2026-12-07T02:00:00Z',
      payload: { data: { comment: '请补充现场检查照片' } },
    },
  ],
  createdAt: '2026-12-07T03:00:00Z',
  theirs: '杨建国：批准立案（2026-12-07）',
  actorId: 'u1',
  draft: { action: 'rejectFiling', actionName: '退回立案申请', track: 'main', form: 'action:rejectFiling@main' },
};

const click = (el: Element | null): void => {
  if (!el) throw new Error('not rendered');
  act(() => (el as HTMLElement).click());
};
const flush = () => act(async () => {});

describe('SyncConflictItem', () => {
  it('says what he did, what the other desk did first and why, and how to redo it', () => {
    const el = renderWithSession(<SyncConflictItem conflict={conflict} offeredNow={true} onChanged={() => {}} />);
    expect(byTestId(el, 'conflict-mine')!.textContent).toBe(
      '天环立字〔2026〕3号：本机办理的“退回立案申请（杨建国）”未能生效',
    );
    expect(byTestId(el, 'conflict-typed')!.textContent).toBe('所填内容：请补充现场检查照片');
    expect(byTestId(el, 'conflict-theirs')!.textContent).toBe('其他工作站已先办理：杨建国：批准立案（2026-12-07）');
    expect(byTestId(el, 'conflict-reason')!.textContent).toContain('不再合法');
    expect(byTestId(el, 'conflict-redo')!.textContent).toContain('点击“退回立案申请”：表单中已恢复当时所填内容');
    const notNow = renderWithSession(<SyncConflictItem conflict={conflict} offeredNow={false} onChanged={() => {}} />);
    expect(byTestId(notNow, 'conflict-redo')!.textContent).toContain('在案件当前阶段不能办理');
  });

  it('discards only after confirming, and only his own', async () => {
    const changed = vi.fn();
    sent.mockResolvedValue({ discarded: true } as never);
    const el = renderWithSession(<SyncConflictItem conflict={conflict} onChanged={changed} />);
    click(byTestId(el, 'conflict-discard'));
    expect(sent).not.toHaveBeenCalled();
    const dialog = document.querySelector('[data-testid="conflict-discard-confirm"]');
    expect(dialog!.textContent).toContain('冲突记录和所填内容仍保留备查');
    click(dialog!.querySelector('[data-testid="confirm-ok"]'));
    await flush();
    expect(sent).toHaveBeenCalledWith('sync.discardConflict', { conflictId: 'k1' });
    expect(changed).toHaveBeenCalledTimes(1);

    const someoneElses = renderWithSession(
      <SyncConflictItem conflict={{ ...conflict, actorId: 'u9' }} onChanged={changed} />,
    );
    expect(byTestId(someoneElses, 'conflict-discard')).toBeNull();
    expect(someoneElses.textContent).toContain('由杨建国本人重新办理或丢弃');
  });

  it('a refusal of the core keeps the conflict and says why', async () => {
    const changed = vi.fn();
    let refuse: (e: unknown) => void = () => {};
    sent.mockImplementation(
      () =>
        new Promise((_, reject) => {
          refuse = reject;
        }),
    );
    const el = renderWithSession(<SyncConflictItem conflict={conflict} onChanged={changed} />);
    click(byTestId(el, 'conflict-discard'));
    click(document.querySelector('[data-testid="conflict-discard-confirm"] [data-testid="confirm-ok"]'));
    await act(async () => refuse(new ApiError('VALIDATION', '这项同步冲突已经处理过了')));
    expect(changed).not.toHaveBeenCalled();
    expect(document.querySelector('[data-testid="conflict-discard-confirm"]')!.textContent).toContain('已经处理过了');
  });
});
