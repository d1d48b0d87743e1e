// @vitest-environment jsdom
/** 卷内顺序: a reviewer moves within a group (buttons, Alt+↑/↓), leaves a draft out and saves; an officer reads. */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DossierOrderView } from '#common/schemas/dossierOrder';
import { send } from '#renderer/api/send';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { ArrangeOrder } from './ArrangeOrder';

vi.mock('#renderer/api/send', () => ({ send: vi.fn() }));
afterEach(cleanup);

const group = '现场检查(勘察)笔录至行政处罚案件调查报告';
const entry = (id: string, band: number, over: Partial<DossierOrderView['items'][number]> = {}) => ({
  id,
  title: id,
  volume: '正卷' as const,
  band,
  bandLabel: band === 8 ? '立案审批表' : group,
  draft: false,
  excluded: false,
  ...over,
});
const view: DossierOrderView = {
  items: [entry('立案审批表', 8), entry('检查笔录', 10), entry('照片', 10), entry('询问笔录', 10, { draft: true })],
  arranged: null,
  version: 7,
};

const flush = () => act(async () => {});
const rows = (el: HTMLElement) => [...el.querySelectorAll('[data-testid="order-row"]')] as HTMLElement[];
const order = (el: HTMLElement) => rows(el).map((r) => r.dataset.id);
const button = (row: HTMLElement, id: string) => row.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement;

beforeEach(() => {
  vi.mocked(send).mockReset();
  vi.mocked(send).mockImplementation(
    async (op) => (op === 'dossier.order' ? view : { ...view, arranged: null }) as never,
  );
});

describe('ArrangeOrder', () => {
  it('offers only the moves the rules allow, with the reason on the disabled ones', async () => {
    const el = renderWithSession(<ArrangeOrder caseId="c1" caseVersion={7} />, ['reviewer']);
    await flush();
    expect(order(el)).toEqual(['立案审批表', '检查笔录', '照片', '询问笔录']);
    // The group's name under the title, except where it only repeats it (a group of one type).
    expect(rows(el)[0]!.textContent).not.toContain('立案审批表立案审批表');
    expect(rows(el)[1]!.textContent).toContain(group);
    const first = rows(el)[1]!;
    expect(button(first, 'order-up').disabled).toBe(true);
    expect(button(first, 'order-up').parentElement!.getAttribute('aria-label')).toBe(
      `已在“${group}”一组最前：按文书清单的排列规则，只能在本组内调整顺序`,
    );
    expect(button(first, 'order-down').disabled).toBe(false);
    // a final document cannot be left out; the draft can
    expect((rows(el)[1]!.querySelector('[data-testid="order-exclude"]') as HTMLInputElement).disabled).toBe(true);
    expect((rows(el)[3]!.querySelector('[data-testid="order-exclude"]') as HTMLInputElement).disabled).toBe(false);
  });

  it('moves with Alt+↑ and the buttons, leaves the draft out and saves the whole order', async () => {
    const el = renderWithSession(<ArrangeOrder caseId="c1" caseVersion={7} />, ['reviewer']);
    await flush();
    const save = byTestId(el, 'order-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    act(() => {
      rows(el)[3]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }));
    });
    expect(order(el)).toEqual(['立案审批表', '检查笔录', '询问笔录', '照片']);
    expect(document.activeElement).toBe(rows(el)[2]);
    act(() => button(rows(el)[1]!, 'order-down').click());
    expect(order(el)).toEqual(['立案审批表', '询问笔录', '检查笔录', '照片']);
    act(() => (rows(el)[1]!.querySelector('[data-testid="order-exclude"]') as HTMLInputElement).click());
    expect(rows(el)[1]!.dataset.excluded).toBe('true');
    await act(async () => save.click());
    expect(send).toHaveBeenCalledWith('dossier.arrange', {
      caseId: 'c1',
      volumes: [
        { volume: '正卷', items: ['立案审批表', '询问笔录', '检查笔录', '照片'] },
        { volume: '副卷', items: [] },
      ],
      excluded: ['询问笔录'],
      expectedVersion: 7,
    });
  });

  it('asks before discarding unsaved changes', async () => {
    const el = renderWithSession(<ArrangeOrder caseId="c1" caseVersion={7} />, ['reviewer']);
    await flush();
    act(() => button(rows(el)[2]!, 'order-down').click());
    act(() => (byTestId(el, 'order-discard') as HTMLButtonElement).click());
    const dialog = document.querySelector('[data-testid="order-discard-dialog"]')!;
    expect(dialog.textContent).toContain('尚未保存');
    expect(order(el)).toEqual(['立案审批表', '检查笔录', '询问笔录', '照片']);
    act(() => (dialog.querySelector('[data-testid="confirm-ok"]') as HTMLButtonElement).click());
    expect(order(el)).toEqual(['立案审批表', '检查笔录', '照片', '询问笔录']);
  });

  it('shows an officer the order read-only', async () => {
    const el = renderWithSession(<ArrangeOrder caseId="c1" caseVersion={7} />, ['officer']);
    await flush();
    expect(order(el)).toHaveLength(4);
    expect(el.querySelector('[data-testid="order-up"]')).toBeNull();
    expect(el.querySelector('[data-testid="order-save"]')).toBeNull();
    expect(byTestId(el, 'order-source')!.textContent).toContain('由法制审核人员或负责人调整');
  });
});
