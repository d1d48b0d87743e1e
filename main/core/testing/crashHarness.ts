/**
 * kill -9 at random points of the operations that write the most (safety): a data directory is
 * prepared once with a scripted case; for each operation (crashOps.ts: document generation and
 * 定稿, enterprise import, evidence upload, 组卷) a child process (crashChild.ts) first runs it
 * uninterrupted to measure how long it takes, then, on a fresh copy of the directory each time, is
 * killed with SIGKILL after a delay drawn from a seeded PRNG and spread over that duration; a fresh
 * core then opens the copy and crashChecks.ts checks it and redoes the operation.
 * Used by store/crashPoints.test.ts (a few kills) and the bench (scripts/bench/crashPoints.ts, ≥ 100).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCore } from './testCore.js';
import { CaseRunner, openCase } from './caseRunner.js';
import { seededRandom } from '../seed/random.js';
import { syntheticDirectory } from '../seed/syntheticDirectory.js';
import { directoryCsvText, encodeCsv } from '../seed/directoryFile.js';
import { bundleWorker, runKillable, type KillableRun } from './killableChild.js';
import { makeSealPng } from './sealPng.js';
import { checkDataDir, dataFile, listFiles } from './crashChecks.js';
import { coreOptionsFor, crashOpNames, type CrashBase, type CrashOpName } from './crashOps.js';

export interface KillPoint {
  op: CrashOpName;
  delayMs: number;
  /** false: the operation had printed `done` before the kill landed (the kill hit the core's close). */
  midOperation: boolean;
  progress: string;
  tempFiles: number;
  orphanBlobs: number;
  violations: string[];
}

export interface CrashRun {
  seed: number;
  engine: CrashBase['engine'];
  /**
   * Milliseconds each operation takes uninterrupted: first measured alone, then the median of that
   * and every run that ended before its kill (a busy machine makes the first measure long).
   */
  durations: Record<CrashOpName, number>;
  points: KillPoint[];
  /** Breaches found on the uninterrupted runs (a control: they must be clean too). */
  controlViolations: string[];
}

export interface CrashOptions {
  seed: number;
  /** Kills per operation. */
  killsPerOp: number;
  engine?: CrashBase['engine'];
  /** Rows in the enterprise file (a few thousand). */
  importRows?: number;
  ops?: readonly CrashOpName[];
  /** Progress, one line per kill. */
  log?: (line: string) => void;
}

const today = '2026-03-03';

/**
 * The scripted sample case up to 调查取证 (立案 approved, the 现场检查笔录 and 询问笔录 made, two
 * photos, the bureau's seal image) in the demo bureau, and the enterprise file to import.
 */
export async function prepareBase(work: string, engine: CrashBase['engine'], importRows: number): Promise<CrashBase> {
  const dataDir = join(work, 'base');
  mkdirSync(dataDir);
  const rows = syntheticDirectory(importRows, { seed: 31337 }).rows;
  const importFile = join(work, 'directory.csv');
  writeFileSync(importFile, encodeCsv(directoryCsvText(rows), 'utf-8'));
  const skeleton = { dataDir, today, engine } as CrashBase;
  const t = await createTestCore({ dir: dataDir, today: '2026-03-02', core: coreOptionsFor(skeleton) });
  let base: CrashBase;
  try {
    const r = await CaseRunner.start(t, { setDate: (d) => t.clock.setDate(d) });
    r.day('2026-03-02');
    r.caseId = (await openCase(t, r.officer, { requestId: 'crash-harness-case' })).state.id;
    await r.gen('filing-approval');
    await r.act(r.officer, 'submitFiling');
    await r.act(r.head, 'approveFiling', { comment: '同意立案。' });
    r.day(today);
    await r.gen('inspection-record');
    await r.gen('interview-record');
    await r.photos([]);
    // The bureau's own seal image, as a workstation in use has it (documents.finalise stamps it).
    await t.call(r.head, 'settings.setSeal', { pngBase64: makeSealPng(300).toString('base64') });
    const state = t.core.services.cases.get(r.caseId);
    const inFile = new Set(rows.map((row) => row[1]!));
    const all = (t.core.services.db.prepare('SELECT uscc FROM enterprises').all() as Array<{ uscc: string }>).map(
      (e) => e.uscc,
    );
    base = {
      ...skeleton,
      caseId: r.caseId,
      importFile,
      importFileName: '企业名录（崩溃测试）.csv',
      importUsccs: rows.map((row) => row[1]!),
      enterprisesOutsideFile: all.filter((u) => !inFile.has(u)).length,
      inspectionVersions: state.documents.filter((d) => d.type === 'inspection-record').length,
      evidenceBefore: state.evidence.length,
      photosPerRun: 3,
      otherFiles: [],
    };
  } finally {
    await t.core.close();
  }
  base.otherFiles = listFiles(dataDir).filter((f) => !dataFile.test(f));
  return base;
}

/**
 * Where in an operation its kills land, as fractions of its duration: `n` strata of [0, 1), one
 * seeded draw in each, so the kills land all along the operation rather than bunched at one point.
 */
export function killFractions(rnd: () => number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i + rnd()) / n);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

interface Task {
  op: CrashOpName;
  control: boolean;
  delayMs?: number;
}
interface Launched {
  task: Task;
  dir: string;
  go(): void;
  abort: AbortController;
  done: Promise<KillableRun>;
}

export async function runCrashPoints(o: CrashOptions): Promise<CrashRun> {
  const work = mkdtempSync(join(tmpdir(), 'anjuan-crash-points-'));
  // The children's temporary files (a killed Chromium's profile) stay inside the work folder.
  const tmp = join(work, 'tmp');
  mkdirSync(tmp);
  const env = { ...process.env, TMPDIR: tmp };
  const log = o.log ?? (() => undefined);
  const engine = o.engine ?? 'quick';
  const rnd = seededRandom(o.seed);
  const bundle = await bundleWorker('main/core/testing/crashChild.ts');
  let pending: Launched | null = null;
  try {
    const base = await prepareBase(work, engine, o.importRows ?? 3000);
    const baseFile = join(work, 'base.json');
    writeFileSync(baseFile, JSON.stringify(base));
    const ops = o.ops ?? crashOpNames;
    const durations = {} as Record<CrashOpName, number>;
    const observed = new Map<CrashOpName, number[]>();
    const controlViolations: string[] = [];
    const points: KillPoint[] = [];
    // First each operation uninterrupted (its duration), then the kills, whose delays need it.
    const tasks: Task[] = [
      ...ops.map((op) => ({ op, control: true })),
      ...ops.flatMap((op) => Array.from({ length: o.killsPerOp }, () => ({ op, control: false }))),
    ];
    const fractions = new Map(ops.map((op) => [op, killFractions(rnd, o.killsPerOp)]));
    let n = 0;
    const launch = (task: Task): Launched => {
      if (!task.control) task.delayMs = Math.round(fractions.get(task.op)!.shift()! * durations[task.op]);
      const dir = join(work, `run-${n++}`);
      cpSync(base.dataDir, dir, { recursive: true });
      let go = (): void => undefined;
      const gate = new Promise<void>((resolve) => {
        go = resolve;
      });
      const abort = new AbortController();
      const done = runKillable({
        script: bundle.script,
        args: [dir, task.op, baseFile],
        env,
        gate,
        signal: abort.signal,
        killAfterReadyMs: task.delayMs,
        timeoutMs: 600_000,
      });
      // Awaited below; a failure of a worker never awaited (an earlier error) must not go unhandled.
      done.catch(() => undefined);
      return { task, dir, go, abort, done };
    };
    // The next worker starts up (loads the core, opens its copy, logs in) while the last directory is checked.
    pending = launch(tasks[0]!);
    for (let i = 0; i < tasks.length; i++) {
      const cur: Launched = pending!;
      cur.go();
      const run = await cur.done;
      const { task } = cur;
      if (!run.lines.includes('ready'))
        throw new Error(`${task.op}: the child never started the operation: ${run.stderr.slice(-2000)}`);
      if (task.control && (run.code !== 0 || run.readyToDoneMs === null))
        throw new Error(`${task.op} did not run to its end: ${run.stderr.slice(-2000)}`);
      if (run.readyToDoneMs !== null) {
        observed.set(task.op, [...(observed.get(task.op) ?? []), run.readyToDoneMs]);
        durations[task.op] = median(observed.get(task.op)!);
      }
      pending = i + 1 < tasks.length ? launch(tasks[i + 1]!) : null;
      if (task.control) {
        const control = await checkDataDir(cur.dir, base, task.op, false);
        controlViolations.push(...control.violations.map((v) => `${task.op} (uninterrupted): ${v}`));
        log(
          `# ${task.op}: ${Math.round(durations[task.op])} ms uninterrupted${control.violations.length ? ` — ${control.violations.join('; ')}` : ''}`,
        );
      } else {
        const midOperation = run.killed && !run.lines.some((l) => l.startsWith('done'));
        const check = await checkDataDir(cur.dir, base, task.op);
        // A child that ended by itself with an error is a failure of the operation, not a crash point.
        if (!run.killed && run.code !== 0) check.violations.push(`the child failed: ${run.stderr.slice(-500)}`);
        points.push({ op: task.op, delayMs: task.delayMs!, midOperation, ...check });
        log(
          `# ${task.op} kill at ${task.delayMs} ms: ${check.progress}${midOperation ? '' : ' (after done)'}${check.violations.length ? ` — ${check.violations.join('; ')}` : ''}`,
        );
      }
      rmSync(cur.dir, { recursive: true, force: true });
    }
    return { seed: o.seed, engine, durations, points, controlViolations };
  } finally {
    if (pending) {
      pending.abort.abort();
      await pending.done.catch(() => undefined);
    }
    bundle.remove();
    rmSync(work, { recursive: true, force: true });
  }
}

/** One line per operation: how many kills, where they left it, temp files swept, violations. */
export function summarise(run: CrashRun): string[] {
  const ops = [...new Set(run.points.map((p) => p.op))];
  return ops.map((op) => {
    const ps = run.points.filter((p) => p.op === op);
    const counts = new Map<string, number>();
    for (const p of ps) {
      // "partly imported: 123 of 3000" and "…: 1037 of 3000" are one outcome.
      const outcome = p.progress.replace(/: \d+ of \d+$/, '');
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    }
    const where = [...counts].map(([k, v]) => `${v} ${k}`).join(', ');
    const v = ps.reduce((a, p) => a + p.violations.length, 0);
    return (
      `${op}: ${ps.length} kills over ${Math.round(run.durations[op])} ms (${ps.filter((p) => p.midOperation).length} mid-operation): ${where}; ` +
      `${ps.reduce((a, p) => a + p.tempFiles, 0)} temp files left (removed by the start-up sweep), ${ps.reduce((a, p) => a + p.orphanBlobs, 0)} orphan blobs; ${v} violations`
    );
  });
}

export const violationCount = (run: CrashRun): number =>
  run.controlViolations.length + run.points.reduce((a, p) => a + p.violations.length, 0);
