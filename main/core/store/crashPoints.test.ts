/**
 * kill -9 at seeded random points spread over document generation and 定稿, enterprise import,
 * evidence upload and 组卷 (testing/crashHarness.ts): after every kill a fresh core starts clean,
 * chains verify, projections equal a rebuild, every referenced file is whole, numbers have no gaps,
 * no file is left that the start-up sweep does not remove, the import is a prefix of its file, and
 * the operation can be redone. The bench runs the same with ≥ 100 kills on the real Chromium engine.
 */
import { describe, expect, it } from 'vitest';
import { runCrashPoints, summarise } from '../testing/crashHarness.js';

describe('kill -9 at random points of the writing operations', () => {
  it('12 kills over the four operations: no violation, and each operation can be redone', async () => {
    const run = await runCrashPoints({ seed: 20261207, killsPerOp: 3 });
    expect(run.points).toHaveLength(12);
    expect(new Set(run.points.map((p) => p.op))).toEqual(new Set(['documents', 'import', 'evidence', 'dossier']));
    expect(run.controlViolations).toEqual([]);
    expect(run.points.flatMap((p) => p.violations.map((v) => `${p.op} killed at ${p.delayMs} ms: ${v}`))).toEqual([]);
    // The kills land inside the operations (the last third of each may find it done on a busy machine).
    expect(run.points.filter((p) => p.midOperation).length).toBeGreaterThanOrEqual(6);
    expect(summarise(run)).toHaveLength(4);
  }, 240_000);
});
