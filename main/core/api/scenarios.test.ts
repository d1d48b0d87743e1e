/**
 * Every sample scenario of `npm run sample-dossier -- --scenario NAME` runs to its end through the
 * public operations, with the facts of its path on record. (`ordinary` is ordinaryCase.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import { scenarios, type ScenarioResult } from '../testing/scenario.js';

let t: TestCore;
const results: Record<string, ScenarioResult> = {};
beforeAll(async () => {
  t = await createTestCore();
  for (const name of ['hearing', 'summary', 'seizure', 'daily-penalty', 'detention-referral']) {
    results[name] = await scenarios[name]!(t, { setDate: (d) => t.clock.setDate(d) });
  }
}, 240_000);
afterAll(async () => t?.close());

const steps = (name: string) => results[name]!.archived.state.steps.map((s) => `${s.track === 'main' ? '' : `${s.track}:`}${s.action}`);

describe('sample scenarios', () => {
  it('hearing: requested in time, noticed 7 working days ahead, heard, legally reviewed; the fine fell and was paid', () => {
    const s = results.hearing!.archived.state;
    expect(steps('hearing')).toEqual(expect.arrayContaining(['requestHearing', 'notifyHearing', 'recordHearing', 'finishHearing', 'completeLegalReview', 'approveDecision', 'approveClosing', 'archive']));
    expect(s.decision).toMatchObject({ kind: 'penalty', fine: 180000 });
    expect(s.noticedFine).toBe(200000);
    expect(s.node).toBe('archived');
    expect(results.hearing!.dossier.pages).toBeGreaterThan(5);
  });

  it('summary: a warning on the spot, filed, closed the same week', () => {
    const s = results.summary!.archived.state;
    expect(s.procedure.id).toBe('summary');
    expect(s.decision).toMatchObject({ warning: true, fine: 0 });
    expect(s).toMatchObject({ node: 'closed', closedOn: '2026-03-03' });
  });

  it('seizure: approved, implemented with its list, released before the decision', () => {
    const s = results.seizure!.archived.state;
    expect(s.tracks).toEqual([expect.objectContaining({ id: 'seizure-1', node: 'released', endedOn: '2026-03-16' })]);
    expect(steps('seizure')).toEqual(expect.arrayContaining(['seizure-1:approveSeizure', 'seizure-1:implementSeizure', 'seizure-1:releaseSeizure']));
  });

  it('daily penalty: 9 days × the original fine, a new order, corrected at the second re-check; closing waited for it', () => {
    const s = results['daily-penalty']!.archived.state;
    const decided = s.steps.find((x) => x.action === 'decideDailyPenalty')!;
    expect(decided.data).toMatchObject({ servedOn: '2026-03-16', recheckOn: '2026-03-25', days: 9, amount: 1800000 });
    expect(s.tracks[0]).toMatchObject({ node: 'corrected', endedOn: '2026-04-02' });
    expect(s.closedOn).toBe('2026-04-02');
  });

  it('detention referral: approved, sent with its materials, receipt recorded', () => {
    const s = results['detention-referral']!.archived.state;
    expect(s.violation.id).toBe('water-over-standard-discharge');
    expect(s.tracks[0]).toMatchObject({ procedure: { id: 'referral' }, node: 'referral.done' });
    expect(s.steps.find((x) => x.action === 'submitReferral')!.data.kind).toBe('行政拘留');
  });

  it('every scenario leaves a valid hash chain', async () => {
    for (const r of Object.values(results)) expect((await t.call(r.officer, 'cases.history', { caseId: r.caseId })).chainValid).toBe(true);
  });
});
