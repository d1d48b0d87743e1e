/**
 * Every sample scenario of `npm run sample-dossier -- --scenario NAME` runs to its end through the
 * public operations, with the facts of its path on record. The same one run of the scenarios
 * (testing/sampleRuns.ts) is then read back as bound dossiers (testing/scenarioDossierChecks.ts) and
 * printed by LibreOffice to compare page counts (testing/scenarioFidelityChecks.ts). (`ordinary` and
 * `code` have files of their own too: ordinaryCase.test.ts, codeScenario.test.ts.)
 */
import { documentTypeName } from '#common/documentTypeNames.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCore } from '../testing/testCore.js';
import type { ScenarioResult } from '../testing/scenario.js';
import { hasChromium, runSampleScenarios, type SampleRuns } from '../testing/sampleRuns.js';
import { describeScenarioDossiers } from '../testing/scenarioDossierChecks.js';
import { describeScenarioFidelity } from '../testing/scenarioFidelityChecks.js';

let runs: SampleRuns;
let t: TestCore;
const results: Record<string, ScenarioResult> = {};
beforeAll(async () => {
  runs = await runSampleScenarios();
  t = runs.t;
  Object.assign(results, runs.results);
}, 600_000);
afterAll(async () => runs?.t.close());

describeScenarioDossiers(() => runs, hasChromium());
describeScenarioFidelity(() => runs, hasChromium());

const steps = (name: string) =>
  results[name]!.archived.state.steps.map((s) => `${s.track === 'main' ? '' : `${s.track}:`}${s.action}`);
/** The documents in the order they were made: `track:type`, receipts with (the name of) the document they prove. */
const documents = (name: string) =>
  results[name]!.archived.state.documents.map(
    (d) =>
      `${d.track ? `${d.track}:` : ''}${d.type}${d.type === 'service-receipt' ? `(${documentTypeName(d.fields.servedDocument ?? '')})` : ''}`,
  );
const catalog = (name: string, volume: '正卷' | '副卷') =>
  results[name]!.dossier.volumes.find((v) => v.volume === volume)!.catalog.map((c) => c.title);

// Each ordinary-procedure scenario opens, investigates, reviews, gives notice and serves it like this.
const opening = ['filing-approval', 'inspection-record', 'interview-record'];
const notice = ['internal-approval', 'penalty-notice', 'service-receipt(行政处罚事先告知书)'];
const decision = ['penalty-decision', 'service-receipt(行政处罚决定书)'];

describe('sample scenarios', () => {
  it('hearing: requested in time, noticed 7 working days ahead, heard, legally reviewed; the fine fell and was paid', () => {
    const s = results.hearing!.archived.state;
    expect(steps('hearing')).toEqual(
      expect.arrayContaining([
        'requestHearing',
        'notifyHearing',
        'recordHearing',
        'finishHearing',
        'completeLegalReview',
        'approveDecision',
        'approveClosing',
        'archive',
      ]),
    );
    expect(s.decision).toMatchObject({ kind: 'penalty', fine: 180000 });
    expect(s.noticedFine).toBe(200000);
    expect(s.node).toBe('archived');
    expect(results.hearing!.dossier.pages).toBeGreaterThan(5);
  });

  it('hearing: the 听证通知书, 听证笔录, 听证报告 and 法制审核意见书 are made at their steps; the paper file gets its cover, catalog and remarks', () => {
    expect(documents('hearing')).toEqual([
      ...opening,
      'photo-evidence',
      'investigation-report',
      ...notice,
      'hearing-notice',
      'service-receipt(行政处罚听证通知书)',
      'hearing-record',
      'hearing-report',
      'legal-review-opinion',
      ...decision,
      'closing-approval',
      'dossier-cover',
      'dossier-catalog',
      'dossier-remarks',
    ]);
    const docs = results.hearing!.archived.state.documents;
    expect(docs.find((d) => d.type === 'hearing-notice')!.number).toBe('黔东南环天听通字〔2026〕1号');
    expect(docs.find((d) => d.type === 'legal-review-opinion')!.generatedBy).not.toBe(
      docs.find((d) => d.type === 'hearing-report')!.generatedBy,
    );
    expect(catalog('hearing', '副卷')).toEqual(['听证报告', '案件处理内部审批表', '法制审核意见书']);
    expect(docs.find((d) => d.type === 'dossier-cover')!.fields.dossierExtent).toBe(
      `共${catalog('hearing', '正卷').length}件${results.hearing!.dossier.pages}页`,
    );
  });

  it('summary: a warning on the spot, filed, closed the same week', () => {
    const s = results.summary!.archived.state;
    expect(s.procedure.id).toBe('summary');
    expect(s.decision).toMatchObject({ warning: true, fine: 0 });
    expect(s).toMatchObject({ node: 'closed', closedOn: '2026-03-03' });
    expect(documents('summary')).toEqual(['inspection-record', 'on-spot-decision']);
    expect(s.documents[1]!.number).toBe('黔东南环天当罚字〔2026〕1号');
  });

  it('seizure: approved, implemented with its list, released before the decision', () => {
    const s = results.seizure!.archived.state;
    expect(s.tracks).toEqual([expect.objectContaining({ id: 'seizure-1', node: 'released', endedOn: '2026-03-16' })]);
    expect(steps('seizure')).toEqual(
      expect.arrayContaining(['seizure-1:approveSeizure', 'seizure-1:implementSeizure', 'seizure-1:releaseSeizure']),
    );
  });

  it('seizure: its 审批表, the 决定书 with its 清单 and the 解除决定书 are made on the track; the approval goes to the 副卷', () => {
    expect(documents('seizure')).toEqual([
      ...opening,
      'photo-evidence',
      'seizure-1:seizure-approval',
      'seizure-1:seizure-decision',
      'seizure-1:seizure-list',
      'seizure-1:service-receipt(查封(扣押)决定书)',
      'investigation-report',
      ...notice,
      'seizure-1:seizure-release',
      'seizure-1:service-receipt(解除查封(扣押)决定书)',
      ...decision,
      'closing-approval',
    ]);
    const docs = results.seizure!.archived.state.documents;
    expect(docs.find((d) => d.type === 'seizure-decision')!.number).toBe('黔东南环天封扣字〔2026〕1号');
    expect(docs.find((d) => d.type === 'seizure-release')!.number).toBe('黔东南环天解封扣字〔2026〕1号');
    expect(catalog('seizure', '副卷')).toContain('查封(扣押)审批表');
    expect(catalog('seizure', '正卷')).toEqual(
      expect.arrayContaining(['查封决定书', '查封、扣押清单', '解除查封(扣押)决定书']),
    );
  });

  it('daily penalty: 9 days × the original fine, a new order, corrected at the second re-check; closing waited for it', () => {
    const s = results['daily-penalty']!.archived.state;
    const decided = s.steps.find((x) => x.action === 'decideDailyPenalty')!;
    expect(decided.data).toMatchObject({ servedOn: '2026-03-16', recheckOn: '2026-03-25', days: 9, amount: 1800000 });
    expect(s.tracks[0]).toMatchObject({ node: 'corrected', endedOn: '2026-04-02' });
    expect(s.closedOn).toBe('2026-04-02');
  });

  it('daily penalty: each order to correct, its receipt, each 复查意见书 and the 按日连续处罚决定书 (served with the second order) are made on the track', () => {
    const track = 'dailyPenalty-1';
    expect(documents('daily-penalty')).toEqual([
      ...opening,
      'photo-evidence',
      'investigation-report',
      ...notice,
      `${track}:correction-order`,
      `${track}:service-receipt(责令改正违法行为决定书)`,
      ...decision,
      `${track}:recheck-opinion`,
      `${track}:daily-penalty-decision`,
      `${track}:correction-order`,
      `${track}:service-receipt(按日连续处罚决定书)`,
      `${track}:service-receipt(责令改正违法行为决定书)`,
      `${track}:recheck-opinion`,
      'closing-approval',
    ]);
    const numbers = results['daily-penalty']!.archived.state.documents.filter((d) => d.number && d.track).map(
      (d) => d.number,
    );
    expect(numbers).toEqual([
      '黔东南环天责改〔2026〕1号',
      '黔东南环天按日罚字〔2026〕1号',
      '黔东南环天责改〔2026〕2号',
    ]);
  });

  it('daily penalty: the file keeps every round — both orders each followed by its receipt, both 复查意见书', () => {
    const rows = results['daily-penalty']!.dossier.volumes.find((v) => v.volume === '正卷')!.catalog;
    const titles = rows.map((c) => (c.number ? `${c.title} ${c.number}` : c.title));
    const first = titles.indexOf('责令改正违法行为决定书 黔东南环天责改〔2026〕1号');
    const second = titles.indexOf('责令改正违法行为决定书 黔东南环天责改〔2026〕2号');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(titles.slice(first, second + 2)).toEqual([titles[first], '送达回证', titles[second], '送达回证']);
    expect(titles.filter((x) => x === '复查意见书')).toHaveLength(2);
    // Every document of the case is filed (the file's own sheets are drawn by the assembler).
    expect(
      rows.length + results['daily-penalty']!.dossier.volumes.find((v) => v.volume === '副卷')!.catalog.length,
    ).toBe(
      results['daily-penalty']!.archived.state.documents.length +
        results['daily-penalty']!.archived.state.evidence.length,
    );
  });

  it('detention referral: approved, sent with its materials, receipt recorded', () => {
    const s = results['detention-referral']!.archived.state;
    expect(s.violation.id).toBe('water-over-standard-discharge');
    expect(s.tracks[0]).toMatchObject({ procedure: { id: 'referral' }, node: 'referral.done' });
    expect(s.steps.find((x) => x.action === 'submitReferral')!.data.kind).toBe('行政拘留');
  });

  it('detention referral: the 审批表 before submitting, the 移送书 and 移送材料清单 before sending, on the track; water sampled', () => {
    expect(documents('detention-referral')).toEqual([
      ...opening,
      'sampling-record',
      'photo-evidence',
      'referral-1:detention-referral-approval',
      'referral-1:referral-letter',
      'referral-1:referral-materials',
      'investigation-report',
      ...notice,
      ...decision,
      'closing-approval',
    ]);
    expect(
      results['detention-referral']!.archived.state.documents.find((d) => d.type === 'referral-letter')!.number,
    ).toBe('黔东南环天移字〔2026〕1号');
    expect(catalog('detention-referral', '副卷')).toContain('移送行政拘留案件审批表');
  });

  it('every scenario document was typed in full: no field left to a placeholder', () => {
    const placeholders = Object.entries(results).flatMap(([name, r]) =>
      r.archived.state.documents.flatMap((d) =>
        Object.entries(d.fields)
          .filter(([, v]) => v.includes('（示例）'))
          .map(([k]) => `${name} ${d.type}.${k}`),
      ),
    );
    expect(placeholders).toEqual([]);
  });

  it('together the scenarios render every template their paths issue; the rest need a path no scenario takes', () => {
    const made = new Set(Object.values(results).flatMap((r) => r.archived.state.documents.map((d) => d.type)));
    const all = t.core.services.manifest.map((m) => m.id);
    // Each needs a step or a track that none of the six scenarios takes.
    const offPath = {
      'preservation-notice': '先行登记保存 track',
      'preservation-release-notice': '先行登记保存 track',
      'withdrawal-approval': 'withdrawFiling (销案)',
      'no-penalty-decision': 'reviewToNoPenalty / submitNoPenalty',
      'transfer-letter': 'submitTransfer (移送管辖)',
      'collective-discussion-record': 'a fine ≥ the 集体讨论 threshold or a 重大/复杂 report',
      'restriction-decision': '限制生产/停产整治 track',
      'seizure-extension-notice': 'extendSeizure',
      'confiscation-record': 'decideSeized (没收) and its execution',
      'deferral-notice': 'grantDeferral',
      reminder: 'sendReminder (逾期未缴)',
      'enforcement-application': 'applyForEnforcement',
    };
    expect(all.filter((id) => !made.has(id)).sort()).toEqual(Object.keys(offPath).sort());
    expect(made.size).toBe(all.length - Object.keys(offPath).length);
  });

  it('every scenario leaves a valid hash chain', async () => {
    for (const r of Object.values(results))
      expect((await t.call(r.officer, 'cases.history', { caseId: r.caseId })).chainValid).toBe(true);
  });

  it('案卷评查 scores each scenario’s file, read back from the volumes the real engines bound: full marks', async () => {
    for (const [name, r] of Object.entries(results)) {
      const review = await t.call(r.head, 'review.run', { caseId: r.caseId });
      expect([name, review.result.deductions]).toEqual([name, []]);
      expect(review.result.score).toBe(100);
    }
  });
});
