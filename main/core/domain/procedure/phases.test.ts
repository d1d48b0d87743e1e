import { describe, expect, it } from 'vitest';
import { evaluateCase } from './engine.js';
import { act, allDefinitions, evalCtx, openedCase } from '#core/testing/procedureCase.js';
import type { CaseState } from '#common/schemas/cases.js';

const v2 = allDefinitions.get('ordinary@2026.2')!;
const report = (proposedFine: number, flags: Record<string, unknown> = {}) => ({
  facts: '超标排放',
  proposedFine,
  investment: null,
  reasoning: '首次违法',
  ...flags,
});

/** Filed, investigated and reported with this fine, reviewed and noticed, the defence period closed. */
function toDecision(proposedFine: number, flags: Record<string, unknown> = {}): CaseState {
  let s = openedCase('2026-09-01', v2);
  for (const a of ['submitFiling', 'approveFiling', 'finishInvestigation']) s = act(s, a);
  s = act(s, 'submitReport', report(proposedFine, flags));
  for (const a of ['passReview', 'submitNotice', 'approveNotice', 'serveNotice', 'closeDefence']) s = act(s, a);
  return s;
}

const phases = (s: CaseState) => evaluateCase(v2, s, evalCtx('2026-10-10')).phases;

describe('the stepper ticks only the phases that happened', () => {
  it('法制审核/集体讨论 under the thresholds is 不适用, with the amount, the threshold and the missing flags', () => {
    const s = toDecision(150000);
    expect(s.node).toBe('decision.draft');
    const p = phases(s);
    const deliberation = p.find((x) => x.id === 'deliberation')!;
    expect(deliberation.status).toBe('notApplicable');
    expect(deliberation.note).toContain('本案无须法制审核：拟罚款150,000元，未达重大执法决定标准（500,000元）');
    expect(deliberation.note).toContain('本案无须集体讨论');
    expect(p.filter((x) => x.status === 'done').map((x) => x.id)).toEqual([
      'filing',
      'investigation',
      'review',
      'notice',
    ]);
    expect(p.find((x) => x.id === 'decision')!.status).toBe('current');
  });

  it('a case that went through 法制审核 has the phase ticked', () => {
    let s = toDecision(150000, { major: true });
    expect(s.node).toBe('legalReview');
    s = act(s, 'completeLegalReview', { passed: true, opinion: '同意' });
    expect(s.node).toBe('collective'); // 重大: 集体讨论 too
    s = act(s, 'recordCollectiveDiscussion', { conclusion: '同意' });
    expect(s.node).toBe('decision.draft');
    const deliberation = phases(s).find((x) => x.id === 'deliberation')!;
    expect(deliberation.status).toBe('done');
    expect(deliberation.note).toBeUndefined();
  });

  it('a phase jumped over names the step that went past it', () => {
    let s = openedCase('2026-09-01', v2);
    for (const a of ['submitFiling', 'approveFiling', 'finishInvestigation']) s = act(s, a);
    s = act(s, 'submitReport', report(150000));
    s = act(s, 'reviewToNoPenalty');
    const notice = phases(s).find((x) => x.id === 'notice')!;
    expect(notice.status).toBe('notApplicable');
    expect(notice.note).toBe('经“审查意见：不予处罚或移送”，未经此环节');
  });

  it('phases still ahead stay to do, never 不适用', () => {
    const s = act(act(openedCase('2026-09-01', v2), 'submitFiling'), 'approveFiling');
    const p = phases(s);
    expect(p[0]!.status).toBe('done');
    expect(p[1]!.status).toBe('current');
    expect(p.slice(2).every((x) => x.status === 'todo')).toBe(true);
  });
});
