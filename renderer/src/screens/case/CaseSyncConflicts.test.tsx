// @vitest-environment jsdom
/**
 * The case page lists this case's sync conflicts only, and says whether the kept action can be redone
 * here now (its form then restores what was typed) or not.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '#common/schemas/cases';
import type { SyncConflict } from '#common/schemas/sync';
import { cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

vi.mock('#renderer/api/send', () => ({ send: vi.fn() }));
const { send } = await import('#renderer/api/send');
const { CaseSyncConflicts } = await import('./CaseSyncConflicts');

afterEach(cleanup);

const conflict = (id: string, caseId: string, action: string): SyncConflict => ({
  id,
  caseId,
  caseNumber: `案${id}`,
  kind: 'unlawful',
  summary: `${action}（杨建国）`,
  reason: '其他工作站已先办理了本案，此操作在案件的新状态下不再合法',
  kept: [{ type: 'action.performed', actorName: '杨建国', at: '', payload: { data: { comment: '同意' } } }],
  createdAt: '',
  theirs: '杨建国：退回立案申请',
  actorId: 'u1',
  draft: {
    action,
    actionName: action === 'approveFiling' ? '批准立案' : '退回立案申请',
    track: 'main',
    form: `action:${action}@main`,
  },
});

const view = (allowed: boolean) =>
  ({
    state: { id: 'c1', version: 5 },
    actions: [{ id: 'approveFiling', allowed }],
    tracks: [],
  }) as unknown as CaseView;

describe('CaseSyncConflicts', () => {
  it('shows only this case’s conflicts, and whether the action is offered here now', async () => {
    vi.mocked(send).mockResolvedValue([
      conflict('k1', 'c1', 'approveFiling'),
      conflict('k2', 'c2', 'rejectFiling'),
    ] as never);
    const el = renderWithSession(<CaseSyncConflicts view={view(true)} />, ['head']);
    await act(async () => {});
    const items = el.querySelectorAll('[data-testid="sync-conflict"]');
    expect([...items].map((i) => i.getAttribute('data-conflict'))).toEqual(['k1']);
    expect(el.textContent).toContain('请在本页“可执行的操作”中点击“批准立案”');

    const blocked = renderWithSession(<CaseSyncConflicts view={view(false)} />, ['head']);
    await act(async () => {});
    expect(blocked.textContent).toContain('“批准立案”在案件当前阶段不能办理');
  });

  it('asks nothing of a user who may not see conflicts', async () => {
    vi.mocked(send).mockClear();
    const el = renderWithSession(<CaseSyncConflicts view={view(true)} />, ['admin']);
    await act(async () => {});
    expect(send).not.toHaveBeenCalled();
    expect(el.textContent).toBe('');
  });
});
