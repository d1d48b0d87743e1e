/** A core on a fresh temporary data directory with a settable clock, for tests and benchmarks. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../core.js';
import type { OpInput, OpName, OpOutput } from '#common/operations.js';
import { AppError } from '#common/errors.js';
import type { Transport } from '#common/client.js';
import { awaitJob, isJobOp, type JobOp, type JobResult } from '#common/jobs.js';
import type { JobStarted, JobView } from '#common/schemas/jobs.js';

export class FakeClock {
  constructor(private t: Date) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso);
  }
  /** Moves to 10:00 China time on the given calendar date. */
  setDate(date: string): void {
    this.t = new Date(`${date}T10:00:00+08:00`);
  }
}

export interface TestCore {
  core: Core;
  clock: FakeClock;
  dir: string;
  login(username: string, password?: string): Promise<string>;
  call<N extends OpName>(token: string | null, op: N, input: OpInput<N>): Promise<Answer<N>>;
  /** The same, as the CLI sends it (transport 'cli': the one that may name files by path). */
  cli<N extends OpName>(token: string | null, op: N, input: OpInput<N>): Promise<Answer<N>>;
  close(): Promise<void>;
}

/** What `call` gives: the operation's output, or for a job operation (an import) the job's result. */
export type Answer<N extends OpName> = N extends JobOp ? JobResult<N> : OpOutput<N>;

/**
 * `call(token, op, input)` over a core: the value, or the error value thrown as an AppError. A job
 * operation answers with a job id: the call waits for the job as the CLI does (polling jobs.get) and
 * gives its result, or throws its error — so a test reads as if the import answered at once.
 */
export function callerFor(core: Pick<Core, 'dispatch'>, transport?: Transport) {
  return async <N extends OpName>(token: string | null, op: N, input: OpInput<N>): Promise<Answer<N>> => {
    const via = transport ? { transport } : {};
    const r = await core.dispatch({ op, input, token, ...via });
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    if (!isJobOp(op)) return r.value as Answer<N>;
    const get = async (jobId: string): Promise<JobView> => {
      const g = await core.dispatch({ op: 'jobs.get', input: { jobId }, token, ...via });
      if (!g.ok) throw new AppError(g.error.code, g.error.message, g.error.details);
      return g.value as JobView;
    };
    return (await awaitJob(get, (r.value as JobStarted).jobId, { pollMs: 10 })) as Answer<N>;
  };
}

/** `core`: more options for createCore (a PDF engine, stand-in engines). */
export async function createTestCore(
  opts: { today?: string; dir?: string; core?: Omit<CoreOptions, 'dataDir' | 'clock'> } = {},
): Promise<TestCore> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'anjuan-test-'));
  const clock = new FakeClock(new Date(`${opts.today ?? '2026-03-02'}T10:00:00+08:00`));
  // The demo bureau unless a test asks for an installed workstation (`core: { demo: false }`).
  const core = await createCore({ demo: true, ...opts.core, dataDir: dir, clock });
  const call = callerFor(core);
  const passwords: Record<string, string> = {
    officer: 'officer123',
    officer2: 'officer123',
    reviewer: 'reviewer123',
    head: 'head123',
    admin: 'admin123',
  };
  return {
    core,
    clock,
    dir,
    call,
    cli: callerFor(core, 'cli'),
    login: async (username, password) =>
      (await call(null, 'session.login', { username, password: password ?? passwords[username] ?? '' })).token,
    close: async () => {
      await core.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs an operation expecting failure; returns the error's code and message. */
export async function expectFailure(
  p: Promise<unknown>,
): Promise<{ code: string; message: string; details?: unknown }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('expected the operation to fail');
}
