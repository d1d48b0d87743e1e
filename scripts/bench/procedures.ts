/**
 * Procedure figures: evaluating one busy case (state, lawful actions, deadlines, legality
 * checklist) and replaying the whole store's event log into projections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '#core/core.js';
import { evaluateCase } from '#core/domain/procedure/engine.js';
import {
  act,
  evalCtx,
  openedCase,
  versionsOf,
  startTrack,
  withDocument,
  withPhoto,
} from '#core/testing/procedureCase.js';
import type { CaseState } from '#common/schemas/cases.js';
import { buildBigDataDir } from './bigDatabase.js';
import { median, type Figure } from './report.js';

/** The newest shipped 一般程序: the figures follow the version new cases get. */
const ordinaryNewest = versionsOf('ordinary').at(-1)!;

/** A case in 决定 with 500 events: records, photos, statements, a hearing, two tracks. */
export function busyCase(): CaseState {
  let s: CaseState = { ...openedCase('2026-03-02', ordinaryNewest), node: 'report' };
  s = act(
    s,
    'submitReport',
    { facts: '超标排放', proposedFine: 200000, investment: null, reasoning: '' },
    '2026-03-05',
  );
  s = startTrack(startTrack(s, 'seizure', '2026-03-05'), 'correction', '2026-03-05');
  s = act(s, 'passReview', {}, '2026-03-06');
  for (let i = 0; s.version < 250; i++)
    s = i % 2 ? withPhoto(s) : withDocument(s, i % 4 ? 'inspection-record' : 'interview-record', {}, null);
  s = withDocument(s, 'penalty-notice', {}, '罚告字1号');
  s = act(act(s, 'submitNotice', {}, '2026-03-09'), 'approveNotice', {}, '2026-03-09');
  s = withDocument(s, 'service-receipt', { servedDocument: '行政处罚事先告知书' });
  s = act(s, 'serveNotice', { servedOn: '2026-03-10' }, '2026-03-10');
  while (s.version < 499)
    s = act(s, 'recordDefence', { on: '2026-03-11', text: '陈述意见', newFacts: false, waived: false }, '2026-03-11');
  s = act(s, 'closeDefence', {}, '2026-03-20');
  return s;
}

export async function procedureFigures(report: (f: Figure) => void): Promise<void> {
  const s = busyCase();
  const ctx = evalCtx('2026-03-23', ['officer', 'head']);
  for (let i = 0; i < 20; i++) evaluateCase(ordinaryNewest, s, ctx);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    evaluateCase(ordinaryNewest, s, ctx);
    times.push(performance.now() - t0);
  }
  report({
    name: 'evaluate-case-500-events',
    value: median(times),
    unit: 'ms',
    op: '<',
    target: 5,
    note: `${s.version} events, 2 tracks: node, lawful actions, deadlines, legality checklist`,
  });

  const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-replay-'));
  try {
    const t0 = performance.now();
    await buildBigDataDir(dir, 10_000, 50);
    console.log(`# built 10,000 cases / 500,000 events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const core = await createCore({ dataDir: dir, demo: true });
    try {
      const t1 = performance.now();
      const n = core.services.cases.rebuildAll();
      const sec = (performance.now() - t1) / 1000;
      report({
        name: 'replay-10k-cases-x-50-events',
        value: sec,
        unit: 's',
        op: '<',
        target: 20,
        note: `${n} cases: read the log, fold every event, save every projection`,
      });
    } finally {
      await core.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
