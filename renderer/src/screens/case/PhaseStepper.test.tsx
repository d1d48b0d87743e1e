// @vitest-environment jsdom
/** a phase the case passed by is 不适用 with the core's reason, never ticked. */
import { afterEach, describe, expect, it } from 'vitest';
import type { PhaseView } from '#common/schemas/cases';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { PhaseStepper } from './PhaseStepper';

afterEach(cleanup);

const note =
  '本案无须法制审核：拟罚款23,700元，未达重大执法决定标准（500,000元），未经听证，调查报告未标记重大或疑难复杂';
const phases: PhaseView[] = [
  { id: 'notice', name: '告知/听证', status: 'done' },
  { id: 'deliberation', name: '法制审核/集体讨论', status: 'notApplicable', note },
  { id: 'decision', name: '决定', status: 'current' },
  { id: 'service', name: '送达', status: 'todo' },
];

describe('PhaseStepper', () => {
  it('shows 不适用 and the reason for a phase that did not happen, and does not tick it', () => {
    const el = renderWithSession(<PhaseStepper phases={phases} nodeName="处罚决定" />);
    const skipped = byTestId(el, 'phase-deliberation')!;
    expect(skipped.getAttribute('data-status')).toBe('notApplicable');
    expect(skipped.textContent).toContain('不适用');
    expect(skipped.querySelector('.Mui-completed')).toBeNull();
    expect(byTestId(el, 'phase-notice')!.querySelector('.Mui-completed')).not.toBeNull();
    expect(byTestId(el, 'phase-reason-deliberation')!.textContent).toBe(`法制审核/集体讨论不适用：${note}`);
    expect(byTestId(el, 'phase-decision')!.textContent).toContain('处罚决定');
  });

  it('no reason line when every phase applies', () => {
    const el = renderWithSession(
      <PhaseStepper phases={phases.filter((p) => p.id !== 'deliberation')} nodeName="决定" />,
    );
    expect(el.querySelector('[data-testid^="phase-reason-"]')).toBeNull();
  });
});
