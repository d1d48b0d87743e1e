// @vitest-environment jsdom
/** 来源 on the case page: the field task a case came from, with the ticks; nothing for another case. */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldAssignment } from '#common/schemas/fieldTasks';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

let answer: FieldAssignment | null = null;
vi.mock('../../api/send', () => ({ send: vi.fn(async () => answer) }));
const { CaseFieldTask } = await import('./CaseFieldTask');

const settle = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 20));
  });
afterEach(cleanup);

const assignment: FieldAssignment = {
  id: 'a1',
  taskId: 't1',
  taskName: '天柱县12月双随机抽查',
  issuedBy: '贵州省生态环境厅',
  periodFrom: '2026-12-01',
  periodTo: '2026-12-31',
  uscc: '91522627MA6DXXXX1X',
  enterpriseName: '天柱化工有限公司',
  enterpriseId: 'e1',
  officers: [
    { officerId: 'off-1', name: '张伟', certificateNo: '1' },
    { officerId: 'off-2', name: '李娜', certificateNo: '2' },
  ],
  status: 'done',
  inspectedOn: '2026-12-05',
  findings: '废气排放口颗粒物浓度超标',
  result: 'issues',
  recordedBy: '张伟',
  caseId: 'c1',
  caseNumber: '天环罚〔2026〕1号',
  uploadError: null,
  checklist: null,
  checklistTicks: {
    version: '2026.12',
    name: '化学原料和化学制品制造',
    items: [
      { id: 'vocs', text: 'VOCs治理设施正常运行', checked: true },
      { id: 'eia', text: '环评手续齐全', checked: false },
    ],
  },
};

describe('CaseFieldTask', () => {
  it('shows the task, the inspection and the items ticked', async () => {
    answer = assignment;
    const host = renderWithSession(<CaseFieldTask caseId="c1" />);
    await settle();
    const box = byTestId(host, 'case-field-task')!;
    expect(box.textContent).toContain('来自现场检查任务：天柱县12月双随机抽查（贵州省生态环境厅下达，双随机抽查）');
    expect(box.textContent).toContain('2026-12-05 检查天柱化工有限公司，发现问题；执法人员张伟、李娜');
    expect(box.textContent).toContain('化学原料和化学制品制造检查要点（2026.12版）已检查1/2项：VOCs治理设施正常运行');
  });

  it('shows nothing for a case that did not come from a task', async () => {
    answer = null;
    const host = renderWithSession(<CaseFieldTask caseId="c2" />);
    await settle();
    expect(byTestId(host, 'case-field-task')).toBeNull();
  });
});
