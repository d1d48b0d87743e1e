/** A core on a fresh temporary data directory with a settable clock, for tests and benchmarks. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../core.js';
import type { OpInput, OpName, OpOutput } from '../../../common/operations.js';
import { AppError } from '../../../common/errors.js';
import type { Transport } from '../../../common/client.js';

export class FakeClock {
  constructor(private t: Date) {}
  now(): Date { return new Date(this.t); }
  set(iso: string): void { this.t = new Date(iso); }
  /** Moves to 10:00 China time on the given calendar date. */
  setDate(date: string): void { this.t = new Date(`${date}T10:00:00+08:00`); }
}

export interface TestCore {
  core: Core;
  clock: FakeClock;
  dir: string;
  login(username: string, password?: string): Promise<string>;
  call<N extends OpName>(token: string | null, op: N, input: OpInput<N>): Promise<OpOutput<N>>;
  /** The same, as the CLI sends it (transport 'cli': the one that may name files by path, issue 11). */
  cli<N extends OpName>(token: string | null, op: N, input: OpInput<N>): Promise<OpOutput<N>>;
  close(): Promise<void>;
}

/** `call(token, op, input)` over a core: the value, or the error value thrown as an AppError. */
export function callerFor(core: Pick<Core, 'dispatch'>, transport?: Transport) {
  return async <N extends OpName>(token: string | null, op: N, input: OpInput<N>): Promise<OpOutput<N>> => {
    const r = await core.dispatch({ op, input, token, ...(transport ? { transport } : {}) });
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    return r.value as OpOutput<N>;
  };
}

/** `core`: more options for createCore (a PDF engine, stand-in engines). */
export async function createTestCore(opts: { today?: string; dir?: string; core?: Omit<CoreOptions, 'dataDir' | 'clock'> } = {}): Promise<TestCore> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'anjuan-test-'));
  const clock = new FakeClock(new Date(`${opts.today ?? '2026-03-02'}T10:00:00+08:00`));
  // The demo bureau unless a test asks for an installed workstation (`core: { demo: false }`, issue 11).
  const core = await createCore({ demo: true, ...opts.core, dataDir: dir, clock });
  const call = callerFor(core);
  const passwords: Record<string, string> = { officer: 'officer123', officer2: 'officer123', reviewer: 'reviewer123', head: 'head123', admin: 'admin123' };
  return {
    core, clock, dir, call, cli: callerFor(core, 'cli'),
    login: async (username, password) => (await call(null, 'session.login', { username, password: password ?? passwords[username] ?? '' })).token,
    close: async () => {
      await core.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs an operation expecting failure; returns the error's code and message. */
export async function expectFailure(p: Promise<unknown>): Promise<{ code: string; message: string; details?: unknown }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('expected the operation to fail');
}
