import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockingReasons, evaluateCase } from './engine.js';
import { checkDefinition } from './checkDefinition.js';
import type { ProcedureDefinition } from './definition.js';
import { knownGuards } from './guards.js';
import { act, calendar, evalCtx, openedCase, ordinary, withDocument, withPhoto } from '#core/testing/procedureCase.js';
import type { Role } from '#common/roles.js';
import type { CaseState } from '#common/schemas/cases.js';

const ctx = (today: string, roles: Role[] = ['officer']) => evalCtx(today, roles);
const reasonsFor = (
  s: CaseState,
  action: string,
  today: string,
  roles: Role[] = ['officer'],
  data: Record<string, unknown> = {},
) => blockingReasons(ordinary, s, ordinary.actions.find((a) => a.id === action)!, ctx(today, roles), data);

describe('ordinary procedure definition (v1, kept for cases opened under it)', () => {
  it('passes the checker: every node reachable, no dead ends, citations present', () => {
    expect(checkDefinition(ordinary, knownGuards)).toEqual([]);
  });
  it('the checker rejects an unreachable node, a dead end and an unknown guard', () => {
    const broken: ProcedureDefinition = structuredClone(ordinary);
    broken.nodes.push({ id: 'orphan', phase: 'filing', name: '孤立', citation: '', documents: [], requirements: [] });
    broken.actions.push({
      id: 'x',
      name: 'x',
      from: 'filing.draft',
      to: 'filing.review',
      roles: ['officer'],
      guards: [{ name: 'noSuchGuard' }],
    });
    const problems = checkDefinition(broken, knownGuards).join('\n');
    expect(problems).toMatch(/orphan 无法到达/);
    expect(problems).toMatch(/orphan 是死路/);
    expect(problems).toMatch(/orphan 缺少法律依据/);
    expect(problems).toMatch(/未知条件 noSuchGuard/);
  });
});

describe('engine on the main path', () => {
  it('a new case must produce the 立案审批表 before submission, and only a head approves', () => {
    let s = openedCase();
    expect(reasonsFor(s, 'submitFiling', '2026-03-02').map((r) => r.rule)).toEqual(['hasDocument']);
    s = withDocument(s, 'filing-approval');
    expect(reasonsFor(s, 'submitFiling', '2026-03-02')).toEqual([]);
    s = act(s, 'submitFiling');
    const officerView = evaluateCase(ordinary, s, ctx('2026-03-02'));
    const approve = officerView.actions.find((a) => a.id === 'approveFiling')!;
    expect(approve.allowed).toBe(false);
    expect(approve.kind).toBe('approval');
    expect(officerView.actions.find((a) => a.id === 'rejectFiling')!.kind).toBe('sendBack');
    expect(approve.reasons[0]!.message).toMatch(/负责人/);
    expect(reasonsFor(s, 'approveFiling', '2026-03-02', ['head'])).toEqual([]);
  });

  it('investigation ends only with both records and a photo', () => {
    let s = act(act(withDocument(openedCase(), 'filing-approval'), 'submitFiling'), 'approveFiling');
    expect(s.node).toBe('investigation');
    expect(reasonsFor(s, 'finishInvestigation', '2026-03-03').map((r) => r.rule)).toEqual([
      'hasDocument',
      'hasDocument',
      'hasEvidence',
    ]);
    s = withPhoto(withDocument(withDocument(s, 'inspection-record'), 'interview-record'));
    expect(reasonsFor(s, 'finishInvestigation', '2026-03-03')).toEqual([]);
  });

  it('refuses a fine outside the statutory band, citing the penalty article', () => {
    const s = { ...openedCase(), node: 'report' };
    const r = reasonsFor(s, 'submitReport', '2026-03-03', ['officer'], { proposedFine: 50000 });
    expect(r[0]!.message).toMatch(/超出法定幅度/);
    expect(r[0]!.citation).toMatch(/第九十九条/);
    expect(reasonsFor(s, 'submitReport', '2026-03-03', ['officer'], { proposedFine: 200000 })).toEqual([]);
  });

  it('the decision waits for the 5-working-day defence period after service, across a holiday', () => {
    let s: CaseState = { ...openedCase('2026-09-01'), node: 'notice.service' };
    s = withDocument(s, 'service-receipt', { servedDocument: '行政处罚事先告知书' });
    s = act(s, 'serveNotice', { servedOn: '2026-09-30', method: '直接送达', recipient: '王某' }, '2026-09-30');
    expect(s.node).toBe('defence');
    // Due 2026-10-13 (国庆 holiday; 10-10 is a 调休 working Saturday).
    expect(reasonsFor(s, 'closeDefence', '2026-10-13')[0]!.message).toMatch(/2026-10-13/);
    expect(reasonsFor(s, 'closeDefence', '2026-10-14')).toEqual([]);
    const dl = evaluateCase(ordinary, s, ctx('2026-10-12')).deadlines.find((d) => d.id === 'defencePeriod')!;
    expect(dl).toMatchObject({ dueOn: '2026-10-13', status: 'dueSoon', unit: 'workingDays' });
  });

  it('a written waiver ends the defence period early', () => {
    let s: CaseState = { ...openedCase(), node: 'notice.service' };
    s = withDocument(s, 'service-receipt', { servedDocument: '行政处罚事先告知书' });
    s = act(s, 'serveNotice', { servedOn: '2026-03-02' });
    s = act(s, 'recordDefence', { on: '2026-03-03', text: '放弃陈述申辩', waived: true });
    expect(reasonsFor(s, 'closeDefence', '2026-03-03')).toEqual([]);
  });

  it('marks the 90-day decision limit overdue and blocks a late decision', () => {
    const s: CaseState = { ...openedCase('2026-01-05'), node: 'decision.draft' };
    const v = evaluateCase(ordinary, s, ctx('2026-04-08'));
    expect(v.deadlines.find((d) => d.id === 'decisionLimit')).toMatchObject({ dueOn: '2026-04-07', status: 'overdue' });
    expect(reasonsFor(s, 'submitDecision', '2026-04-08').map((r) => r.rule)).toContain('decisionWithinTimeLimit');
  });

  it('an action from another node is refused with the node named', () => {
    const r = reasonsFor(openedCase(), 'approveDecision', '2026-03-02', ['head']);
    expect(r).toHaveLength(1);
    expect(r[0]!.rule).toBe('node');
  });
});

describe('property: no sequence of allowed actions skips the law', () => {
  it('never reaches a decision without a served notice and an elapsed defence period', () => {
    const allRoles: Role[] = ['officer', 'head'];
    fc.assert(
      fc.property(fc.array(fc.nat(30), { maxLength: 40 }), fc.array(fc.nat(20), { maxLength: 40 }), (choices, days) => {
        let s = openedCase();
        let today = '2026-03-02';
        for (const [i, c] of choices.entries()) {
          today = calendar.addCalendarDays(today, days[i] ?? 0).dueOn;
          // Make every document and evidence available so that only the rules of order and time decide.
          for (const t of ordinary.nodes.find((n) => n.id === s.node)!.documents) {
            s = withDocument(s, t, {
              servedDocument: s.node === 'notice.service' ? '行政处罚事先告知书' : '行政处罚决定书',
            });
          }
          if (s.node === 'investigation') s = withPhoto(s);
          const allowed = evaluateCase(ordinary, s, ctx(today, allRoles)).actions.filter((a) => a.allowed);
          const pick = allowed[c % Math.max(allowed.length, 1)];
          if (!pick) continue;
          const data: Record<string, unknown> =
            pick.form === 'report'
              ? { facts: 'f', proposedFine: 100000 + c * 1000 }
              : pick.form === 'payment'
                ? { amount: 1000000, paidOn: today, receiptNo: 'r' }
                : pick.form === 'defence'
                  ? { on: today, text: 't' }
                  : {};
          if (
            blockingReasons(ordinary, s, ordinary.actions.find((a) => a.id === pick.id)!, ctx(today, allRoles), data)
              .length
          )
            continue;
          s = act(s, pick.id, pick.id === 'serveNotice' ? { servedOn: today } : data, today);
          if (s.decision?.approvedOn) {
            const served = s.services.find((x) => x.documentType === 'penalty-notice');
            expect(served).toBeDefined();
            expect(
              s.decision.approvedOn > calendar.addWorkingDays(served!.servedOn, 5).dueOn ||
                s.defence.statements.some((x) => x.waived),
            ).toBe(true);
            expect(s.decision.fine).toBeGreaterThanOrEqual(100000);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
