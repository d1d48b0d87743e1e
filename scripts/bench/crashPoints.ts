/**
 * Safety: kill -9 at ≥ 100 seeded random points across document generation and 定稿, enterprise
 * import, evidence upload and 组卷 (main/core/testing/crashHarness.ts), on the real Chromium engine;
 * prints the seed, a summary per operation, every violation found, and two figures.
 * ANJUAN_CRASH_SEED repeats a run; ANJUAN_CRASH_ENGINE=quick uses the stand-in PDF engine.
 */
import { runCrashPoints, summarise, violationCount } from '#core/testing/crashHarness.js';
import type { Figure } from './report.js';

/** 4 × 28 = 112 kills, so that at least 100 land inside an operation (a few may land as the core closes). */
const killsPerOp = 28;

export async function crashPointFigures(report: (f: Figure) => void): Promise<void> {
  const seed = process.env.ANJUAN_CRASH_SEED
    ? Number(process.env.ANJUAN_CRASH_SEED)
    : Math.floor(Math.random() * 2 ** 31);
  const engine = process.env.ANJUAN_CRASH_ENGINE === 'quick' ? 'quick' : 'chromium';
  console.log(
    `# crash points: seed ${seed} (ANJUAN_CRASH_SEED=${seed} repeats it), ${killsPerOp} kills per operation, PDF engine ${engine}`,
  );
  const run = await runCrashPoints({ seed, killsPerOp, engine });
  for (const line of summarise(run)) console.log(`# ${line}`);
  for (const v of run.controlViolations) console.log(`# violation: ${v}`);
  for (const p of run.points)
    for (const v of p.violations) console.log(`# violation: ${p.op} killed at ${p.delayMs} ms: ${v}`);
  const mid = run.points.filter((p) => p.midOperation).length;
  report({
    name: 'kill9-points',
    value: mid,
    unit: 'count',
    op: '>=',
    target: 100,
    note: `seed ${seed}; kills inside an operation, of ${run.points.length} (the others hit the core closing)`,
  });
  report({
    name: 'kill9-violations',
    value: violationCount(run),
    unit: 'count',
    op: '=',
    target: 0,
    note: 'start-up, hash chains, projections, files, numbers, temp files, import prefix, redo',
  });
}
