/**
 * The procedures of the law as data: every definition passes the checker, and each path (hearing,
 * re-review, legal review, tracks, summary) allows and refuses what the articles say.
 */
import { describe, expect, it } from 'vitest';
import { blockingReasons, evaluateCase, startableTracks } from './engine.js';
import { checkDefinition } from './checkDefinition.js';
import { procedureDefinition, type ProcedureDefinition } from './definition.js';
import { knownGuards } from './guards.js';
import { actionForms } from '#common/schemas/actions.js';
import { documentTypes } from '#common/documentTypes.js';
import {
  act,
  allDefinitions,
  evalCtx,
  openedCase,
  versionsOf,
  startTrack,
  withDocument,
} from '#core/testing/procedureCase.js';
import type { Role } from '#common/roles.js';
import type { CaseState } from '#common/schemas/cases.js';
import { loadProcedures } from '#core/services.js';
import { versionInForce } from './versions.js';

const forms = new Set(Object.keys(actionForms));
const documents: ReadonlySet<string> = new Set(documentTypes);
/** The newest shipped version of `id`. */
const def = (id: string): ProcedureDefinition => versionsOf(id).at(-1)!;
const reasons = (
  s: CaseState,
  action: string,
  today: string,
  data: Record<string, unknown> = {},
  roles: Role[] = ['officer', 'head'],
  track = 'main',
) => {
  const started = track === 'main' ? s.procedure : s.tracks.find((t) => t.id === track)!.procedure;
  const d = allDefinitions.get(`${started.id}@${started.version}`)!;
  return blockingReasons(d, s, d.actions.find((a) => a.id === action)!, evalCtx(today, roles), data, track);
};

describe('procedure definitions', () => {
  it('every shipped definition passes the schema and the checker (reachability, dead ends, citations, forms)', () => {
    const loaded = loadProcedures();
    expect([...loaded.keys()].sort()).toEqual([...allDefinitions.keys()].sort());
    for (const d of loaded.values())
      expect(checkDefinition(d, knownGuards, forms, documents), `${d.id}@${d.version}`).toEqual([]);
    expect([...new Set([...loaded.values()].filter((d) => d.kind === 'track').map((d) => d.id))].sort()).toEqual([
      'correction',
      'dailyPenalty',
      'preservation',
      'productionRestriction',
      'referral',
      'seizure',
    ]);
  });

  it('every node cites its article and every deadline its source', () => {
    for (const d of allDefinitions.values()) {
      for (const n of d.nodes) if (!n.terminal) expect(n.citation, `${d.id}/${n.id}`).not.toBe('');
      for (const dl of d.deadlines) expect(dl.citation, `${d.id}/${dl.id}`).toMatch(/法|办法|规定/);
    }
  });

  it('the checker rejects an unknown form, a branch with no default, a bad deadline reference and a track without attach', () => {
    const broken = structuredClone(versionsOf('ordinary').at(-1)!);
    broken.actions[0]!.form = 'noSuchForm';
    broken.actions.push({
      id: 'br',
      name: 'br',
      from: 'report',
      next: [{ when: { name: 'hasReport' }, to: 'review' }],
      roles: ['officer'],
      guards: [],
    });
    broken.deadlines.push({
      id: 'x',
      name: 'x',
      start: 'action:nothing',
      length: 1,
      unit: 'workingDays',
      citation: '某法',
      metBy: 'decisionApproved',
    });
    const p = checkDefinition(broken, knownGuards, forms).join('\n');
    expect(p).toMatch(/未知表单 noSuchForm/);
    expect(p).toMatch(/next 最后一项须无条件/);
    expect(p).toMatch(/期限 x 引用了不存在的操作 nothing/);
    const track = procedureDefinition.parse({ ...structuredClone(def('seizure')), attach: undefined });
    expect(checkDefinition(track, knownGuards, forms).join('\n')).toMatch(/缺少 attach/);
  });

  it('the checker refuses a document type that is not in the registry, in a node or in a guard', () => {
    const broken = structuredClone(def('ordinary'));
    const node = broken.nodes[0]!;
    node.documents.push('penalty-decison');
    node.requirements.push({ text: '定稿', guard: { name: 'documentFinalised', args: { type: 'penalty-decisions' } } });
    const p = checkDefinition(broken, knownGuards, forms, documents).join('\n');
    expect(p).toContain(`节点 ${node.id}的文书类型 penalty-decison 不存在`);
    expect(p).toContain(`节点 ${node.id}的文书类型 penalty-decisions 不存在`);
    expect(checkDefinition(def('ordinary'), knownGuards, forms, documents)).toEqual([]);
  });
});

/**
 * What 一般程序 2026.2 brought (hearing, legal review, tracks, execution), over 2026.2 and every later
 * shipped version of it: a new version is tested by these without editing them.
 */
describe.each(versionsOf('ordinary', '2026.2'))('一般程序 $version', (ordinaryVersion) => {
  /** An ordinary case with the notice served on `servedOn`. */
  function noticeServed(servedOn: string, fine = 200000): CaseState {
    let s: CaseState = { ...openedCase('2026-09-01', ordinaryVersion), node: 'report' };
    s = act(
      s,
      'submitReport',
      { facts: '超标排放', proposedFine: fine, investment: null, reasoning: '' },
      '2026-09-10',
    );
    s = act(s, 'passReview', {}, '2026-09-11');
    s = withDocument(s, 'penalty-notice', {}, '黔东南环天罚告字〔2026〕1号');
    s = act(act(s, 'submitNotice', {}, '2026-09-12'), 'approveNotice', {}, '2026-09-12');
    s = withDocument(s, 'service-receipt', { servedDocument: '行政处罚事先告知书' });
    return act(s, 'serveNotice', { servedOn }, servedOn);
  }

  describe('调查报告', () => {
    it('keeps the discretion calculation the fine came from, for the documents to print', () => {
      const discretion = {
        benchmarkVersion: '2026.1',
        violationId: 'air',
        levels: { harm: 'light' },
        base: null,
        aggravated: false,
        fine: 150000,
        explanation: '危害后果：较轻……',
      };
      const s = act(
        { ...openedCase('2026-03-02', ordinaryVersion), node: 'report' },
        'submitReport',
        { facts: '超标', proposedFine: 150000, investment: null, reasoning: '', discretion },
        '2026-03-05',
      );
      expect(s.report?.discretion).toEqual(discretion);
      expect(actionForms.report.parse({ facts: 'x', proposedFine: 1, discretion: null }).discretion).toBeNull();
      expect(actionForms.report.safeParse({ facts: 'x', proposedFine: 1, discretion: { fine: 1 } }).success).toBe(
        false,
      );
    });
  });

  describe('告知, 陈述申辩 and 听证', () => {
    it('a notice served just before the National Day holiday: the hearing request window ends 2026-10-13 (5 working days, 10-10 is a 调休 Saturday)', () => {
      const s = noticeServed('2026-09-30');
      expect(
        reasons(s, 'requestHearing', '2026-10-13', { requestedOn: '2026-10-13', requestedBy: '王某', how: '书面' }),
      ).toEqual([]);
      const late = reasons(s, 'requestHearing', '2026-10-14', {
        requestedOn: '2026-10-14',
        requestedBy: '王某',
        how: '书面',
      });
      expect(late[0]!.message).toMatch(/2026-10-13/);
      expect(late[0]!.citation).toMatch(/第六十四条/);
      const v = evaluateCase(ordinaryVersion, s, evalCtx('2026-10-12'));
      expect(v.deadlines.find((d) => d.id === 'defencePeriod')).toMatchObject({
        dueOn: '2026-10-13',
        status: 'dueSoon',
      });
    });

    it('the hearing notice reaches the party 7 working days ahead, and the presider is not an investigator', () => {
      let s = noticeServed('2026-03-02');
      s = act(s, 'requestHearing', { requestedOn: '2026-03-03', requestedBy: '王某', how: '书面' }, '2026-03-03');
      expect(s.node).toBe('hearing.notice');
      const tooSoon = reasons(s, 'notifyHearing', '2026-03-04', {
        notifiedOn: '2026-03-04',
        hearingOn: '2026-03-12',
        place: '会议室',
        presider: '赵敏',
      });
      expect(tooSoon.map((r) => r.rule)).toEqual(['hearingNotice']);
      expect(tooSoon[0]!.message).toMatch(/2026-03-13/);
      expect(
        reasons(s, 'notifyHearing', '2026-03-04', {
          notifiedOn: '2026-03-04',
          hearingOn: '2026-03-13',
          place: '会议室',
          presider: '张伟',
        }).map((r) => r.rule),
      ).toEqual(['hearingPresider']);
      expect(
        reasons(s, 'notifyHearing', '2026-03-04', {
          notifiedOn: '2026-03-04',
          hearingOn: '2026-03-13',
          place: '会议室',
          presider: '赵敏',
        }),
      ).toEqual([]);
    });

    it('after a hearing the case goes to 法制审核 (art. 58), then to the decision; the fine cannot rise', () => {
      let s = noticeServed('2026-03-02');
      s = act(s, 'requestHearing', { requestedOn: '2026-03-03', requestedBy: '王某', how: '书面' }, '2026-03-03');
      s = act(
        s,
        'notifyHearing',
        { notifiedOn: '2026-03-04', hearingOn: '2026-03-13', place: '会议室', presider: '赵敏' },
        '2026-03-04',
      );
      s = act(s, 'recordHearing', { heldOn: '2026-03-13', partyAttended: true, summary: '当事人陈述' }, '2026-03-13');
      expect(reasons(s, 'finishHearing', '2026-03-16', { opinion: '维持', proposedFine: 250000 })[0]!.rule).toBe(
        'fineNotRaisedAfterDefence',
      );
      s = act(s, 'finishHearing', { opinion: '酌减', proposedFine: 150000 }, '2026-03-16');
      expect(s.node).toBe('legalReview');
      expect(s.report!.proposedFine).toBe(150000);
      s = act(s, 'completeLegalReview', { opinion: '同意', passed: true }, '2026-03-17');
      expect(s.node).toBe('decision.draft');
    });

    it('a legal review that does not pass sends the case back to the report', () => {
      let s = noticeServed('2026-03-02', 600000);
      s = act(s, 'closeDefence', {}, '2026-03-10');
      expect(s.node).toBe('legalReview'); // 600,000 reaches the (unverified) major-case figure kept as data
      s = act(s, 'completeLegalReview', { opinion: '证据不足', passed: false }, '2026-03-11');
      expect(s.node).toBe('report');
    });

    it('复核 needs new facts from the party, and may lower but never raise the fine', () => {
      let s = noticeServed('2026-03-02');
      expect(
        reasons(s, 'reReview', '2026-03-04', { conclusion: 'x', adopted: true, proposedFine: 150000 }).map(
          (r) => r.rule,
        ),
      ).toEqual(['newFactsRaised']);
      s = act(s, 'recordDefence', { on: '2026-03-03', text: '已整改', newFacts: true, waived: false }, '2026-03-03');
      expect(
        reasons(s, 'reReview', '2026-03-04', { conclusion: 'x', adopted: false, proposedFine: 300000 }).map(
          (r) => r.rule,
        ),
      ).toEqual(['fineNotRaisedAfterDefence']);
      s = act(s, 'reReview', { conclusion: '部分采纳', adopted: true, proposedFine: 150000 }, '2026-03-04');
      expect(s.report!.proposedFine).toBe(150000);
    });
  });

  describe('legality review before the decision', () => {
    it('blocks a decision before the notice is served, naming the rule and its article', () => {
      const s: CaseState = withDocument(
        {
          ...act({ ...openedCase('2026-03-02', ordinaryVersion), node: 'report' }, 'submitReport', {
            facts: 'f',
            proposedFine: 200000,
          }),
          node: 'decision.draft',
        },
        'penalty-decision',
        {},
        '罚字1号',
      );
      const r = reasons(s, 'submitDecision', '2026-03-10');
      expect(r.map((x) => x.rule)).toContain('noticeServedBeforeDecision');
      expect(r.map((x) => x.rule)).toContain('legality:noticeServed');
      const v = evaluateCase(ordinaryVersion, s, evalCtx('2026-03-10'));
      expect(v.legality?.point).toBe('decision');
      expect(v.legality?.checks.find((c) => c.id === 'noticeServed')).toMatchObject({
        passed: false,
        citation: expect.stringMatching(/第四十四条/),
      });
      expect(v.legality?.passed).toBe(false);
    });

    it('a 不予处罚 decision needs no notice, but still two officers and the time limit', () => {
      const s: CaseState = { ...openedCase('2026-03-02', ordinaryVersion), node: 'decision.draft' };
      expect(reasons(s, 'submitNoPenalty', '2026-03-10', { ground: '违法事实不能成立', explanation: '' })).toEqual([]);
      expect(
        reasons(s, 'submitNoPenalty', '2026-06-10', { ground: '违法事实不能成立', explanation: '' }).map((r) => r.rule),
      ).toEqual(['legality:decisionTimeLimit']);
    });

    it('an approved extension moves the 90-day limit; a 中止 pauses it', () => {
      let s: CaseState = { ...openedCase('2026-01-05', ordinaryVersion), node: 'investigation' };
      s = act(s, 'extendDecisionLimit', { newDueOn: '2026-05-07', reason: '案情复杂' }, '2026-03-30');
      let v = evaluateCase(ordinaryVersion, s, evalCtx('2026-04-20'));
      expect(v.deadlines.find((d) => d.id === 'decisionLimit')).toMatchObject({
        dueOn: '2026-05-07',
        extensions: 1,
        status: 'running',
      });
      expect(
        reasons(s, 'extendDecisionLimit', '2026-04-20', { newDueOn: '2026-06-01', reason: '再延' }).map((r) => r.rule),
      ).toEqual(['performedFewerThan']);
      s = act(s, 'suspend', { reason: '等待司法鉴定' }, '2026-04-20');
      expect(s.node).toBe('suspended');
      expect(evaluateCase(ordinaryVersion, s, evalCtx('2026-04-20')).suspended).toBe(true);
      s = act(s, 'resume', { reason: '鉴定完成' }, '2026-04-30');
      expect(s.node).toBe('investigation');
      v = evaluateCase(ordinaryVersion, s, evalCtx('2026-05-06'));
      expect(v.deadlines.find((d) => d.id === 'decisionLimit')!.dueOn).toBe('2026-05-18'); // 05-07 + 10 suspended days = 05-17 (Sun) → 05-18
    });
  });

  describe('execution', () => {
    function served(fine: number): CaseState {
      let s: CaseState = {
        ...openedCase('2026-03-02', ordinaryVersion),
        node: 'decision.review',
        decision: { kind: 'penalty', fine, warning: false, approvedOn: '2026-03-20' },
      };
      s = {
        ...s,
        node: 'service',
        services: [{ documentType: 'penalty-decision', servedOn: '2026-03-23', method: '直接送达', recipient: '王某' }],
      };
      return s;
    }

    it('late payment: 3% of the fine a day, never more than the fine (art. 72)', () => {
      const s = { ...served(100000), node: 'execution' };
      expect(evaluateCase(ordinaryVersion, s, evalCtx('2026-04-07')).surcharge).toBeNull(); // due 04-07
      expect(evaluateCase(ordinaryVersion, s, evalCtx('2026-04-10')).surcharge).toEqual({
        days: 3,
        amount: 9000,
        cappedAtFine: false,
      });
      expect(evaluateCase(ordinaryVersion, s, evalCtx('2026-06-30')).surcharge).toMatchObject({
        amount: 100000,
        cappedAtFine: true,
      });
    });

    it('a deferral moves the payment date; 催告 only once overdue; court only 10 working days after 催告 and after the litigation period', () => {
      let s: CaseState = { ...served(100000), node: 'execution' };
      expect(reasons(s, 'sendReminder', '2026-04-07', { servedOn: '2026-04-07', method: '直接送达' })[0]!.rule).toBe(
        'paymentOverdue',
      );
      s = act(s, 'grantDeferral', { newDueOn: '2026-05-20', instalments: 1, reason: '经营困难' }, '2026-04-01');
      expect(
        evaluateCase(ordinaryVersion, s, evalCtx('2026-04-10')).deadlines.find((d) => d.id === 'payment'),
      ).toMatchObject({
        dueOn: '2026-05-20',
        extensions: 1,
      });
      expect(
        reasons(s, 'sendReminder', '2026-05-20', { servedOn: '2026-05-20', method: '直接送达' })[0]!.message,
      ).toMatch(/2026-05-20/);
      s = act(s, 'sendReminder', { servedOn: '2026-05-21', method: '直接送达' }, '2026-05-21');
      const early = reasons(s, 'applyForEnforcement', '2026-06-04', {
        appliedOn: '2026-06-04',
        court: '天柱县人民法院',
      }); // 催告期 ends 06-04
      expect(early.map((r) => r.rule)).toEqual(['periodOver', 'periodOver']);
      expect(
        reasons(s, 'applyForEnforcement', '2026-09-24', { appliedOn: '2026-09-24', court: '天柱县人民法院' }),
      ).toEqual([]);
      expect(
        reasons(s, 'applyForEnforcement', '2027-01-05', { appliedOn: '2027-01-05', court: '天柱县人民法院' }).map(
          (r) => r.rule,
        ),
      ).toEqual(['withinPeriod']);
    });
  });

  describe('tracks alongside the case', () => {
    it('offers the tracks that attach to the current node, once unless repeatable', () => {
      let s: CaseState = { ...openedCase('2026-03-02', ordinaryVersion), node: 'investigation' };
      const names = () =>
        startableTracks(s, evalCtx('2026-03-03'))
          .map((t) => `${t.procedure}:${t.allowed}`)
          .sort();
      expect(names()).toEqual([
        'correction:true',
        'preservation:true',
        'productionRestriction:true',
        'referral:true',
        'seizure:true',
      ]);
      s = startTrack(startTrack(s, 'correction'), 'seizure');
      expect(names()).toContain('correction:false');
      expect(names()).toContain('seizure:true');
      expect(startableTracks(s, evalCtx('2026-03-03', ['reviewer'])).every((t) => !t.allowed)).toBe(true);
    });

    it('查封扣押: 30 days, one extension of 30, an emergency ratified within 24 hours', () => {
      let s = startTrack({ ...openedCase('2026-03-02', ordinaryVersion), node: 'investigation' }, 'seizure');
      s = act(
        s,
        'emergencySeizure',
        { implementedOn: '2026-03-03', reason: '正在排放', items: '排污泵1台' },
        '2026-03-03',
        'seizure-1',
      );
      expect(reasons(s, 'ratifySeizure', '2026-03-05', { comment: '' }, ['head'], 'seizure-1')[0]!.rule).toBe(
        'withinPeriod',
      );
      expect(reasons(s, 'ratifySeizure', '2026-03-04', { comment: '' }, ['head'], 'seizure-1')).toEqual([]);
      s = act(s, 'ratifySeizure', {}, '2026-03-04', 'seizure-1');
      const dl = () =>
        evaluateCase(ordinaryVersion, s, evalCtx('2026-03-20')).deadlines.find((d) => d.id === 'seizureLimit')!;
      expect(dl()).toMatchObject({ dueOn: '2026-04-02', track: 'seizure-1' });
      s = act(s, 'extendSeizure', { newDueOn: '2026-05-02', reason: '检测' }, '2026-03-30', 'seizure-1');
      expect(dl().extensions).toBe(1);
      expect(
        reasons(s, 'extendSeizure', '2026-04-20', { newDueOn: '2026-05-30', reason: '再延' }, ['head'], 'seizure-1')[0]!
          .citation,
      ).toMatch(/第二十五条/);
      s = act(s, 'releaseSeizure', { releasedOn: '2026-04-20', reason: '违法行为已经消除' }, '2026-04-20', 'seizure-1');
      expect(s.tracks[0]).toMatchObject({ node: 'released', endedOn: '2026-04-20' });
    });

    it('按日连续处罚: re-check within 30 days; days from the day after service to the re-check; repeatable', () => {
      let s = startTrack({ ...openedCase('2026-03-02', ordinaryVersion), node: 'decision.draft' }, 'dailyPenalty');
      s = act(
        s,
        'serveCorrectionOrder',
        {
          servedDocument: '责令改正违法行为决定书',
          servedOn: '2026-03-10',
          method: '直接送达',
          recipient: '王某',
          consent: false,
          reasonForPublicNotice: '',
          correctBy: '2026-03-20',
        },
        '2026-03-10',
        'dailyPenalty-1',
      );
      expect(
        reasons(
          s,
          'recordRecheck',
          '2026-04-10',
          { recheckOn: '2026-04-10', corrected: false, covert: true, findings: '仍超标' },
          ['officer'],
          'dailyPenalty-1',
        )[0]!.rule,
      ).toBe('dataDateWithin');
      s = act(
        s,
        'recordRecheck',
        { recheckOn: '2026-03-25', corrected: false, covert: true, findings: '仍超标' },
        '2026-03-25',
        'dailyPenalty-1',
      );
      expect(s.tracks[0]!.node).toBe('dailyDecision');
      s = act(s, 'decideDailyPenalty', { originalFine: 200000 }, '2026-03-26', 'dailyPenalty-1');
      const decided = s.steps.at(-1)!.data;
      expect(decided).toMatchObject({ servedOn: '2026-03-10', recheckOn: '2026-03-25', days: 15, amount: 3000000 });
      expect(s.tracks[0]!.node).toBe('order.service'); // a new order to correct, and again
      s = act(
        s,
        'serveCorrectionOrder',
        {
          servedDocument: '责令改正违法行为决定书',
          servedOn: '2026-03-27',
          method: '直接送达',
          recipient: '王某',
          consent: false,
          reasonForPublicNotice: '',
          correctBy: '2026-04-05',
        },
        '2026-03-27',
        'dailyPenalty-1',
      );
      s = act(
        s,
        'recordRecheck',
        { recheckOn: '2026-04-08', corrected: true, covert: true, findings: '已达标' },
        '2026-04-08',
        'dailyPenalty-1',
      );
      expect(s.tracks[0]).toMatchObject({ node: 'corrected', endedOn: '2026-04-08' });
    });

    const order = (servedOn: string, orderedOn?: string) => ({
      servedDocument: '责令改正违法行为决定书',
      ...(orderedOn ? { orderedOn } : {}),
      servedOn,
      method: '直接送达',
      recipient: '王某',
      consent: false,
      reasonForPublicNotice: '',
      correctBy: '2026-12-31',
    });

    it('the 生态环境法典 (in force 2026-08-15): a track started 2026-08-14 keeps v1, one started 2026-08-15 gets v2, and each keeps its version', () => {
      const v1Day = startTrack(
        { ...openedCase('2026-08-01', ordinaryVersion), node: 'decision.draft' },
        'dailyPenalty',
        '2026-08-14',
      );
      const v2Day = startTrack(
        { ...openedCase('2026-08-01', ordinaryVersion), node: 'decision.draft' },
        'dailyPenalty',
        '2026-08-15',
      );
      expect(v1Day.tracks[0]!.procedure).toEqual({ id: 'dailyPenalty', version: '2026.1' });
      expect(v2Day.tracks[0]!.procedure).toEqual({ id: 'dailyPenalty', version: '2026.2' });
      for (const id of ['seizure', 'productionRestriction', 'referral']) {
        expect(versionInForce(allDefinitions.values(), id, '2026-08-14')?.version, id).toBe('2026.1');
        expect(versionInForce(allDefinitions.values(), id, '2026-08-15')?.version, id).toBe('2026.2');
      }
      // Procedures with no new version are unaffected; the ordinary procedure stays at its newest.
      expect(versionInForce(allDefinitions.values(), 'correction', '2026-12-07')?.version).toBe('2026.1');
      expect(versionInForce(allDefinitions.values(), 'ordinary', '2026-12-07')?.version).toBe('2026.2');
      // What the case page offers to start is the version in force that day.
      const offered = (today: string) =>
        startableTracks({ ...openedCase('2026-08-01', ordinaryVersion), node: 'decision.draft' }, evalCtx(today)).find(
          (x) => x.procedure === 'dailyPenalty',
        )!;
      expect(offered('2026-08-14').citation).toMatch(/环境保护法第五十九条/);
      expect(offered('2026-08-15').citation).toMatch(/生态环境法典第一千零六十条/);
      // The v1 track started on 2026-08-14 runs on under v1 after the Code took effect: its days still run from service.
      let s = act(v1Day, 'serveCorrectionOrder', order('2026-08-20'), '2026-08-20', 'dailyPenalty-1');
      s = act(
        s,
        'recordRecheck',
        { recheckOn: '2026-09-01', corrected: false, covert: true, findings: '仍超标' },
        '2026-09-01',
        'dailyPenalty-1',
      );
      s = act(s, 'decideDailyPenalty', { originalFine: 100000 }, '2026-09-02', 'dailyPenalty-1');
      expect(s.tracks[0]!.procedure.version).toBe('2026.1');
      expect(s.steps.at(-1)!.data).toMatchObject({
        servedOn: '2026-08-20',
        countedFrom: '2026-08-20',
        days: 12,
        amount: 1200000,
      });
    });

    it('按日连续处罚 under art. 1060 (v2): days from the day after the order to correct, not from its service', () => {
      let s = startTrack(
        { ...openedCase('2026-08-01', ordinaryVersion), node: 'decision.draft' },
        'dailyPenalty',
        '2026-09-01',
      );
      // The order's date is asked, and may not be after its service.
      expect(
        reasons(
          s,
          'serveCorrectionOrder',
          '2026-09-05',
          order('2026-09-05', '2026-09-06'),
          ['officer'],
          'dailyPenalty-1',
        )[0],
      ).toMatchObject({ rule: 'dataDateNotAfter', citation: '生态环境法典第一千零六十条第一款' });
      expect(actionForms.dailyOrderService.safeParse(order('2026-09-05')).success).toBe(false);
      s = act(s, 'serveCorrectionOrder', order('2026-09-05', '2026-09-02'), '2026-09-05', 'dailyPenalty-1');
      s = act(
        s,
        'recordRecheck',
        { recheckOn: '2026-09-20', corrected: false, obstructed: false, covert: true, findings: '仍超标' },
        '2026-09-20',
        'dailyPenalty-1',
      );
      expect(s.tracks[0]!.node).toBe('dailyDecision');
      // The re-check records where the count starts, for the decision drafted before it is made.
      expect(s.steps.at(-1)!.data).toMatchObject({
        dailyCountFrom: '2026-09-02',
        dailyCountFromText: '责令改正之日的次日',
      });
      s = act(s, 'decideDailyPenalty', { originalFine: 100000 }, '2026-09-21', 'dailyPenalty-1');
      // 09-03 … 09-20: 18 days (from service it would have been 15).
      expect(s.steps.at(-1)!.data).toMatchObject({
        servedOn: '2026-09-05',
        countedFrom: '2026-09-02',
        countedTo: '2026-09-20',
        days: 18,
        amount: 1800000,
      });
    });

    it('按日连续处罚 under art. 1060 (v2): refusing or obstructing the re-check leads to the daily penalty too', () => {
      let s = startTrack(
        { ...openedCase('2026-08-01', ordinaryVersion), node: 'decision.draft' },
        'dailyPenalty',
        '2026-09-01',
      );
      s = act(s, 'serveCorrectionOrder', order('2026-09-05', '2026-09-05'), '2026-09-05', 'dailyPenalty-1');
      s = act(
        s,
        'recordRecheck',
        {
          recheckOn: '2026-09-15',
          corrected: false,
          obstructed: true,
          covert: false,
          findings: '拒绝执法人员进入厂区',
        },
        '2026-09-15',
        'dailyPenalty-1',
      );
      expect(s.tracks[0]!.node).toBe('dailyDecision');
      s = act(s, 'decideDailyPenalty', { originalFine: 50000 }, '2026-09-16', 'dailyPenalty-1');
      expect(s.steps.at(-1)!.data).toMatchObject({ days: 10, amount: 500000 });
    });

    it('checkDefinition accepts the new versions and rejects a daily count naming an unknown action', () => {
      const loaded = loadProcedures();
      for (const key of ['seizure@2026.2', 'dailyPenalty@2026.2', 'productionRestriction@2026.2', 'referral@2026.2']) {
        const d = loaded.get(key)!;
        expect(d.effectiveFrom, key).toBe('2026-08-15');
        expect(checkDefinition(d, knownGuards, forms), key).toEqual([]);
      }
      const broken = structuredClone(loaded.get('dailyPenalty@2026.2')!);
      broken.dailyCount = { ...broken.dailyCount!, from: 'action:nothing.orderedOn' };
      expect(checkDefinition(broken, knownGuards, forms).join('\n')).toMatch(/计日规则引用了不存在的操作 nothing/);
      expect(procedureDefinition.safeParse({ ...broken, effectiveFrom: '2026-8-15' }).success).toBe(false);
    });

    it('先行登记保存: decided within 7 working days (art. 56, 85)', () => {
      let s = startTrack({ ...openedCase('2026-09-01', ordinaryVersion), node: 'investigation' }, 'preservation');
      s = act(s, 'approvePreservation', {}, '2026-09-29', 'preservation-1');
      s = act(
        s,
        'implementPreservation',
        { implementedOn: '2026-09-29', items: '台账3册' },
        '2026-09-29',
        'preservation-1',
      );
      const dl = evaluateCase(ordinaryVersion, s, evalCtx('2026-10-12')).deadlines.find(
        (d) => d.id === 'preservationDecision',
      )!;
      // 09-30, then the holiday, then 10-08, 10-09, 10-10 (调休 Saturday), 10-12, 10-13, 10-14.
      expect(dl).toMatchObject({ dueOn: '2026-10-14', status: 'dueSoon', unit: 'workingDays' });
    });

    it('移送 of a suspected crime must follow approval within 24 hours; other referrals have no such deadline', () => {
      let s = startTrack({ ...openedCase('2026-03-02', ordinaryVersion), node: 'investigation' }, 'referral');
      s = act(
        s,
        'submitReferral',
        { kind: '涉嫌犯罪', receiver: '天柱县公安局', reason: '涉嫌污染环境罪' },
        '2026-03-05',
        'referral-1',
      );
      s = act(s, 'approveReferral', {}, '2026-03-05', 'referral-1');
      expect(
        evaluateCase(ordinaryVersion, s, evalCtx('2026-03-06')).deadlines.find((d) => d.id === 'crimeReferral24h'),
      ).toMatchObject({ dueOn: '2026-03-06', status: 'dueSoon' });
      let t = startTrack({ ...openedCase('2026-03-02', ordinaryVersion), node: 'investigation' }, 'referral');
      t = act(
        act(
          t,
          'submitReferral',
          { kind: '行政拘留', receiver: '天柱县公安局', reason: '拒不改正' },
          '2026-03-05',
          'referral-1',
        ),
        'approveReferral',
        {},
        '2026-03-05',
        'referral-1',
      );
      expect(
        evaluateCase(ordinaryVersion, t, evalCtx('2026-03-06')).deadlines.find((d) => d.id === 'crimeReferral24h'),
      ).toBeUndefined();
    });

    it('结案 waits until every track has ended', () => {
      let s = startTrack({ ...openedCase('2026-03-02', ordinaryVersion), node: 'investigation' }, 'correction');
      s = withDocument({ ...s, node: 'closing.draft' }, 'closing-approval');
      expect(reasons(s, 'submitClosing', '2026-04-01').map((r) => r.rule)).toEqual(
        expect.arrayContaining(['allTracksEnded', 'legality:tracksEnded']),
      );
    });
  });
});

describe('summary procedure (当场处罚)', () => {
  const summary = def('summary');
  const base = () => openedCase('2026-03-02', summary, { band: { kind: 'range', min: 0, max: 5000 } });
  it('a warning or at most 3,000 yuan for an organisation, 200 yuan for a citizen (art. 51)', () => {
    const data = (fine: number, warning = false) => ({
      facts: '噪声超标',
      warning,
      fine,
      rightsExplained: true,
      servedOn: '2026-03-02',
    });
    expect(reasons(base(), 'decideOnTheSpot', '2026-03-02', data(3000))).toEqual([]);
    expect(reasons(base(), 'decideOnTheSpot', '2026-03-02', data(3001))[0]!.message).toMatch(/3000元/);
    const citizen = openedCase('2026-03-02', summary, {
      partyKind: 'individual',
      band: { kind: 'range', min: 0, max: 5000 },
    });
    expect(reasons(citizen, 'decideOnTheSpot', '2026-03-02', data(201))[0]!.citation).toMatch(/第五十一条/);
    expect(reasons(citizen, 'decideOnTheSpot', '2026-03-02', data(0, true))).toEqual([]);
  });
  it('runs 当场处罚 → 备案 → 缴款 → 结案, or ends at 备案 for a warning', () => {
    let s = act(
      base(),
      'decideOnTheSpot',
      { facts: 'x', warning: false, fine: 1000, rightsExplained: true, servedOn: '2026-03-02' },
      '2026-03-02',
    );
    expect(s.decision).toMatchObject({ fine: 1000, approvedOn: '2026-03-02' });
    s = act(s, 'fileSummaryRecord', {}, '2026-03-03');
    expect(s.node).toBe('execution');
    let w = act(
      base(),
      'decideOnTheSpot',
      { facts: 'x', warning: true, fine: 0, rightsExplained: true, servedOn: '2026-03-02' },
      '2026-03-02',
    );
    w = act(w, 'fileSummaryRecord', {}, '2026-03-03');
    expect(w.node).toBe('closed');
    expect(w.closedOn).toBe('2026-03-03');
  });
});
