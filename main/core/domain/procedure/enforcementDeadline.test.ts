/**
 * 申请人民法院强制执行 (强制法 art. 53): within three months after the periods for review (60 days,
 * 行政复议法 art. 20) and litigation (6 months, 行政诉讼法 art. 46) have ended — both counted from the
 * decision's service, so the later one, litigation, decides. Not nine months from the 催告.
 */
import { describe, expect, it } from 'vitest';
import type { CaseState } from '#common/schemas/cases.js';
import { calendar, evalCtx, openedCase, versionsOf } from '#core/testing/procedureCase.js';
import { evaluateDeadline } from './deadlines.js';
import { runGuard } from './guards.js';

describe.each(versionsOf('ordinary', '2026.2'))(
  'the deadline to apply to the court for enforcement (强制法 art. 53), 一般程序 $version',
  (ordinaryVersion) => {
    const rule = ordinaryVersion.deadlines.find((d) => d.id === 'enforcementApplication')!;

    function servedAndReminded(servedOn: string, remindedOn: string): CaseState {
      const s = openedCase('2026-03-02', ordinaryVersion);
      s.decision = { kind: 'penalty', fine: 100_000, warning: false, approvedOn: servedOn };
      s.services = [{ documentType: 'penalty-decision', servedOn, method: '直接送达', recipient: '王某' }];
      s.steps = [...s.steps, { track: 'main', action: 'sendReminder', on: remindedOn, data: { servedOn: remindedOn } }];
      return s;
    }

    it('is counted from the service of the decision: six months of litigation, then three months', () => {
      const s = servedAndReminded('2026-04-03', '2026-04-24');
      const d = evaluateDeadline(rule, s, 'main', { today: '2026-05-01', calendar, warnAheadWorkingDays: 3 })!;
      expect(d.startEvent).toBe('decisionServedOn');
      expect(d.startOn).toBe('2026-04-03');
      // 2026-10-03 falls in the 国庆 holiday: the litigation period ends on 2026-10-08; three months on.
      expect(d.dueOn).toBe('2027-01-08');
      expect(d).toMatchObject({ length: 6, unit: 'months', then: { length: 3, unit: 'months' } });
      expect(d.citation).toContain('行政强制法第五十三条');
      expect(d.citation).toContain('行政诉讼法第四十六条');
    });

    it('does not move with the 催告: a later reminder leaves the due date where service put it', () => {
      const early = evaluateDeadline(rule, servedAndReminded('2026-04-03', '2026-04-24'), 'main', {
        today: '2026-05-01',
        calendar,
        warnAheadWorkingDays: 3,
      })!;
      const late = evaluateDeadline(rule, servedAndReminded('2026-04-03', '2026-09-01'), 'main', {
        today: '2026-09-02',
        calendar,
        warnAheadWorkingDays: 3,
      })!;
      expect(late.dueOn).toBe(early.dueOn);
    });

    it('the application guard uses the same period', () => {
      const action = ordinaryVersion.actions.find((a) => a.id === 'applyForEnforcement')!;
      const within = action.guards.find((g) => g.name === 'withinPeriod')!;
      const s = servedAndReminded('2026-04-03', '2026-04-24');
      const at = (today: string) =>
        runGuard(within.name, within.args, {
          state: s,
          track: 'main',
          today,
          calendar,
          data: {},
          review: evalCtx(today).review,
        });
      expect(at('2027-01-08')).toEqual([]);
      expect(at('2027-01-09')[0]?.message).toContain('已于2027-01-08届满');
    });
  },
);
