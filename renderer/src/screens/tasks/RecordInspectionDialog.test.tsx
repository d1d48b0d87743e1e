// @vitest-environment jsdom
/** 记录现场检查 with the industry's 行业检查要点: the items offered are listed, and the ticked ones are sent. */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldAssignment } from '#common/schemas/fieldTasks';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

const calls: Array<{ op: string; input: Record<string, unknown> }> = [];
vi.mock('../../api/send', () => ({
  send: vi.fn(async (op: string, input: Record<string, unknown>) => {
    calls.push({ op, input });
    return {};
  }),
}));
const { RecordInspectionDialog } = await import('./RecordInspectionDialog');
afterEach(() => {
  cleanup();
  calls.length = 0;
});

const base = {
  id: 'a1',
  taskName: '12月抽查',
  periodFrom: '2026-12-01',
  periodTo: '2026-12-31',
  enterpriseName: '天柱水泥有限公司',
  checklist: {
    version: '2026.12',
    name: '水泥制造',
    verified: false,
    items: [
      { id: 'permit', text: '排污许可证在有效期内', basis: '排污许可证' },
      { id: 'kiln-cems', text: '窑尾、窑头自动监测设备正常运行' },
    ],
  },
} as unknown as FieldAssignment;

function setText(el: HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('RecordInspectionDialog', () => {
  it('lists the checklist, says it is unverified, and sends the ticked items', async () => {
    renderWithSession(<RecordInspectionDialog assignment={base} onClose={() => {}} onRecorded={() => {}} />);
    const list = byTestId(document.body, 'industry-checklist')!;
    expect(list.textContent).toContain('水泥制造检查要点（2026.12版，示例，未经核对）');
    expect(list.textContent).toContain('排污许可证在有效期内（依据：排污许可证）');
    const boxes = list.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    expect(boxes).toHaveLength(2);
    act(() => boxes[1]!.click());
    setText(document.body.querySelector('textarea')!, '窑尾在线数据正常');
    act(() => document.body.querySelector<HTMLInputElement>('input[value="clean"]')!.click());
    await act(async () => {
      document.body.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    });
    expect(calls).toEqual([
      {
        op: 'fieldTasks.record',
        input: expect.objectContaining({ assignmentId: 'a1', result: 'clean', checked: ['kiln-cems'] }),
      },
    ]);
  });

  it('offers no checklist when the industry has none', () => {
    renderWithSession(
      <RecordInspectionDialog assignment={{ ...base, checklist: null }} onClose={() => {}} onRecorded={() => {}} />,
    );
    expect(byTestId(document.body, 'industry-checklist')).toBeNull();
  });
});
