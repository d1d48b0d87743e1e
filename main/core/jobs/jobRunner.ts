/**
 * Long work off the request path. A job operation starts its work here and answers at once with the
 * job's id; the work runs in this same thread, in slices: it calls `ctl.breathe()` often, and once it
 * has held the thread for `sliceMs` the call yields to the event loop (setImmediate), so every other
 * request is answered between two slices.
 *
 * Why slices and not a worker thread: the core runs in four hosts (the web host's bundle, Electron's
 * utilityProcess as CommonJS, the CLI under tsx, the tests under Vitest) and a worker needs an entry
 * file of its own in each; the rows must come back to this thread anyway, since the one SQLite
 * connection writes them; and a cancel is a flag read between slices, with nothing to tear down. The
 * price — the import is not faster on a second core — does not matter: what mattered was the 22.5 s
 * during which nobody else got an answer.
 *
 * Jobs live in memory: a restart forgets them (the work itself is all-or-nothing, see the imports).
 */
import { ulid } from 'ulid';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError, type ErrorValue } from '#common/errors.js';
import type { JobProgress, JobState, JobView } from '#common/schemas/jobs.js';
import { toErrorValue } from '../errorValue.js';

/** How long a job may hold the thread before it lets other requests through. */
export const defaultSliceMs = 20;
/** Finished jobs kept for `jobs.get`: the newest per user, for an hour. */
const keptPerOwner = 20;
const keptMs = 60 * 60_000;

/** Thrown inside a job by `breathe()` or `checkCancelled()` once the job is asked to stop. */
export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
  }
}

export interface JobControl {
  readonly cancelRequested: boolean;
  progress(stage: string, done: number, total: number | null): void;
  /** Yields to the event loop when the slice is used up; throws JobCancelled once cancelled (while cancellable). */
  breathe(): Promise<void>;
  checkCancelled(): void;
  /** From here on the job may not be cancelled (it writes in one go, or undoes); a cancel asked for is refused. */
  pastCancelling(stage?: string): void;
}

/** For work called outside a job (a direct call, a test): no progress kept, never cancelled, never yields. */
export const noJob: JobControl = {
  cancelRequested: false,
  progress: () => undefined,
  breathe: async () => undefined,
  checkCancelled: () => undefined,
  pastCancelling: () => undefined,
};

export interface JobSpec<T> {
  op: string;
  owner: string;
  /** At most one running job per key (e.g. one enterprise import at a time); a second is refused. */
  exclusive?: string;
  /** The refusal for a second job with the same key (Chinese). */
  busyMessage?: string;
  run(ctl: JobControl): Promise<T>;
}

interface Job {
  id: string;
  op: string;
  owner: string;
  exclusive: string | null;
  state: JobState;
  progress: JobProgress;
  cancellable: boolean;
  cancelRequested: boolean;
  startedAt: string;
  finishedAt: string | null;
  finishedMs: number;
  result: unknown;
  error: ErrorValue | null;
  done: Promise<void>;
}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly now: () => Date,
    private readonly sliceMs = defaultSliceMs,
  ) {}

  start<T>(spec: JobSpec<T>): { jobId: string; op: string } {
    this.forgetOld();
    if (spec.exclusive) {
      const running = [...this.jobs.values()].find((j) => j.state === 'running' && j.exclusive === spec.exclusive);
      if (running)
        throw new AppError(
          'JOB_RUNNING',
          spec.busyMessage,
          running.owner === spec.owner ? { jobId: running.id } : undefined,
        );
    }
    const job: Job = {
      id: `job-${ulid()}`,
      op: spec.op,
      owner: spec.owner,
      exclusive: spec.exclusive ?? null,
      state: 'running',
      progress: { stage: '等待开始', done: 0, total: null },
      cancellable: true,
      cancelRequested: false,
      startedAt: this.now().toISOString(),
      finishedAt: null,
      finishedMs: 0,
      result: undefined,
      error: null,
      done: Promise.resolve(),
    };
    this.jobs.set(job.id, job);
    job.done = this.execute(job, spec.run);
    return { jobId: job.id, op: job.op };
  }

  private async execute<T>(job: Job, run: (ctl: JobControl) => Promise<T>): Promise<void> {
    let sliceStart = performance.now();
    const ctl: JobControl = {
      get cancelRequested() {
        return job.cancelRequested;
      },
      progress: (stage, done, total) => {
        job.progress = { stage, done, total };
      },
      checkCancelled: () => {
        if (job.cancelRequested && job.cancellable) throw new JobCancelled();
      },
      breathe: async () => {
        if (performance.now() - sliceStart >= this.sliceMs) {
          await nextTurn();
          sliceStart = performance.now();
        }
        ctl.checkCancelled();
      },
      pastCancelling: (stage) => {
        job.cancellable = false;
        if (stage) job.progress = { ...job.progress, stage };
      },
    };
    // The operation answers before any of the work is done.
    await nextTurn();
    sliceStart = performance.now();
    try {
      ctl.checkCancelled();
      job.result = await run(ctl);
      job.state = 'done';
    } catch (e) {
      if (e instanceof JobCancelled) {
        job.state = 'cancelled';
        job.error = new AppError('JOB_CANCELLED').toValue();
      } else {
        job.state = 'failed';
        job.error = toErrorValue(e);
      }
    } finally {
      job.cancellable = false;
      job.finishedAt = this.now().toISOString();
      job.finishedMs = Date.now();
    }
  }

  private mine(jobId: string, owner: string): Job {
    const job = this.jobs.get(jobId);
    // Another user's job is as unknown as one that never was.
    if (!job || job.owner !== owner)
      throw new AppError('NOT_FOUND', '找不到该后台任务（可能已完成较久或工作站已重新启动）');
    return job;
  }

  get(jobId: string, owner: string): JobView {
    return view(this.mine(jobId, owner), true);
  }

  cancel(jobId: string, owner: string): JobView {
    const job = this.mine(jobId, owner);
    if (job.state === 'running') {
      if (!job.cancellable)
        throw new AppError('JOB_NOT_CANCELLABLE', `任务正在“${job.progress.stage}”，不能取消，请稍候`);
      job.cancelRequested = true;
    }
    return view(job, true);
  }

  list(owner: string): JobView[] {
    this.forgetOld();
    return [...this.jobs.values()]
      .filter((j) => j.owner === owner)
      .reverse()
      .map((j) => view(j, false));
  }

  /** Resolves once the job is over, whatever its end (tests, close). */
  async settled(jobId: string): Promise<void> {
    await this.jobs.get(jobId)?.done;
  }

  /** Closing the core: every running job is asked to stop, and awaited (an import undoes what it wrote). */
  async close(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.state === 'running');
    for (const j of running) j.cancelRequested = true;
    await Promise.all(running.map((j) => j.done));
  }

  private forgetOld(): void {
    const cutoff = Date.now() - keptMs;
    const perOwner = new Map<string, number>();
    for (const j of [...this.jobs.values()].reverse()) {
      if (j.state === 'running') continue;
      const n = (perOwner.get(j.owner) ?? 0) + 1;
      perOwner.set(j.owner, n);
      if (n > keptPerOwner || j.finishedMs < cutoff) this.jobs.delete(j.id);
    }
  }
}

function view(j: Job, withResult: boolean): JobView {
  return {
    jobId: j.id,
    op: j.op,
    state: j.state,
    progress: j.progress,
    cancellable: j.state === 'running' && j.cancellable,
    cancelRequested: j.cancelRequested,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
    ...(withResult && j.state === 'done' ? { result: j.result } : {}),
    error: j.error,
  };
}
