// @vitest-environment jsdom
/**
 * 我的草稿: the user's drafts with their case, form and time; 打开 goes to the form on its case (the
 * case page then opens it), 丢弃 deletes only after a confirmation and keeps the draft on a failure.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftSummary } from '#common/schemas/drafts';
import { cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

vi.mock('#renderer/api/send', () => ({ send: vi.fn() }));
const { send } = await import('#renderer/api/send');
const { ApiError } = await import('#renderer/api/errors');
const { DraftsScreen } = await import('./DraftsScreen');
const { dropDraftForm, pendingDraftForm, takeDraftForm } = await import('#renderer/app/pendingForm');

const drafts: DraftSummary[] = [
  {
    caseId: 'c1',
    caseNumber: '黔东南环立〔2026〕8号',
    partyName: '贵州某某化工有限公司',
    form: 'action:submitReport@main',
    formName: '提交调查报告',
    savedAt: '2026-12-07T02:30:00.000Z',
  },
  {
    caseId: null,
    caseNumber: null,
    partyName: null,
    form: 'openCase',
    formName: '立案登记',
    savedAt: '2026-12-06T08:00:00.000Z',
  },
];

let list: DraftSummary[] = [];
let failDiscard = false;
beforeEach(() => {
  list = [...drafts];
  failDiscard = false;
  window.location.hash = '#/drafts';
  vi.mocked(send).mockImplementation((async (op: string, input: { caseId: string | null; form: string }) => {
    if (op === 'drafts.list') return list;
    if (op === 'drafts.discard') {
      if (failDiscard) throw new ApiError('INTERNAL', '数据库忙，请稍后重试');
      list = list.filter((d) => !(d.caseId === input.caseId && d.form === input.form));
      return { discarded: true };
    }
    throw new Error(`unexpected ${op}`);
  }) as never);
});
afterEach(() => {
  cleanup();
  dropDraftForm();
  vi.mocked(send).mockReset();
});

const rows = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('[data-testid="drafts-row"]')];
const click = async (el: Element | null | undefined) => {
  expect(el).toBeTruthy();
  await act(async () => (el as HTMLElement).click());
};
const confirmDialog = () => document.querySelector<HTMLElement>('[data-testid="drafts-discard-confirm"]');

describe('我的草稿', () => {
  it('lists each draft with its case and party, its form and when it was saved', async () => {
    const el = renderWithSession(<DraftsScreen />);
    await act(async () => {});
    const [report, filing] = rows(el);
    expect(report!.textContent).toContain('黔东南环立〔2026〕8号 贵州某某化工有限公司');
    expect(report!.textContent).toContain('提交调查报告');
    expect(report!.textContent).toMatch(/2026.*12.*07/);
    expect(report!.querySelector('a')!.getAttribute('href')).toBe('#/cases/c1/documents');
    expect(filing!.textContent).toContain('（尚未立案）');
    expect(filing!.textContent).toContain('立案登记');
  });

  it('opens a draft at its form on its case, and a 立案 draft on the case list', async () => {
    const el = renderWithSession(<DraftsScreen />);
    await act(async () => {});
    await click(rows(el)[0]!.querySelector('[data-testid="drafts-open"]'));
    expect(window.location.hash).toBe('#/cases/c1/documents');
    expect(pendingDraftForm()).toEqual({ caseId: 'c1', form: 'action:submitReport@main' });
    // Handed over once, to the form it names only.
    expect(takeDraftForm('c1', 'action:approveFiling@main')).toBe(false);
    expect(takeDraftForm('c1', 'action:submitReport@main')).toBe(true);
    expect(takeDraftForm('c1', 'action:submitReport@main')).toBe(false);

    await click(rows(el)[1]!.querySelector('[data-testid="drafts-open"]'));
    expect(window.location.hash).toBe('#/cases');
    expect(takeDraftForm(null, 'openCase')).toBe(true);
  });

  it('discards only once confirmed; 取消 keeps the draft', async () => {
    const el = renderWithSession(<DraftsScreen />);
    await act(async () => {});
    await click(rows(el)[0]!.querySelector('[data-testid="drafts-discard"]'));
    expect(confirmDialog()!.textContent).toContain('提交调查报告');
    expect(confirmDialog()!.textContent).toContain('不能恢复');
    await click([...confirmDialog()!.querySelectorAll('button')].find((b) => b.textContent === '取消'));
    expect(vi.mocked(send).mock.calls.some(([op]) => op === 'drafts.discard')).toBe(false);
    expect(rows(el)).toHaveLength(2);

    await click(rows(el)[0]!.querySelector('[data-testid="drafts-discard"]'));
    await click(confirmDialog()!.querySelector('button[type="submit"]'));
    expect(send).toHaveBeenCalledWith('drafts.discard', { caseId: 'c1', form: 'action:submitReport@main' });
    expect(rows(el)).toHaveLength(1);
    expect(rows(el)[0]!.textContent).toContain('立案登记');
  });

  it('keeps the draft and says why in Chinese when discarding fails', async () => {
    failDiscard = true;
    const el = renderWithSession(<DraftsScreen />);
    await act(async () => {});
    await click(rows(el)[1]!.querySelector('[data-testid="drafts-discard"]'));
    await click(confirmDialog()!.querySelector('button[type="submit"]'));
    expect(confirmDialog()!.querySelector('[role="alert"]')!.textContent).toBe('数据库忙，请稍后重试');
    expect(rows(el)).toHaveLength(2);
  });

  it('says so when there is no draft', async () => {
    list = [];
    const el = renderWithSession(<DraftsScreen />);
    await act(async () => {});
    expect(el.querySelector('[data-testid="drafts-empty"]')!.textContent).toBe('没有未提交的草稿。');
  });
});
