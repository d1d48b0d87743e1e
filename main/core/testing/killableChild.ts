/**
 * A TypeScript worker started in its own process group and killed with SIGKILL, as a power cut or
 * `kill -9` would end the core: shared by the crash tests (store/crash.test.ts) and the crash
 * harness (crashHarness.ts).
 *
 * `node --import tsx`, not the tsx CLI: the CLI runs the script in a child process, which a SIGKILL
 * of the CLI would leave running (and writing) behind the test's back. The worker leads its own
 * process group and the whole group is killed, so a PDF engine it started (Chromium) dies with it.
 *
 * A worker started many times may be bundled first (`bundleWorker`, esbuild, as scripts/build.mjs
 * bundles the core): loading the core through tsx's loader costs ~2.5 s of CPU per start, bundled
 * ~1.1 s (measured here, Node 20).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { appRoot } from '../paths.js';

export interface KillableRun {
  /** The worker was killed (false: it ended by itself before the kill). */
  killed: boolean;
  /** Its exit code when it ended by itself. */
  code: number | null;
  /** Every line it printed on stdout before it ended. */
  lines: string[];
  stderr: string;
  /** Milliseconds from the `ready` line to `done` as seen here, when it printed both. */
  readyToDoneMs: number | null;
}

export interface KillableOptions {
  /** The script, relative to the application root: a `.ts` runs through tsx, an `.mjs` (a bundle) as it is. */
  script: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Kill this many ms after the worker prints the `ready` line; absent: let it run to its end. */
  killAfterReadyMs?: number;
  /** Give up (kill, and fail) after this long. */
  timeoutMs?: number;
  /**
   * The worker prints `waiting` once it has started and waits for a line on stdin; it gets `go` when
   * this resolves. So the next worker can start up while the last one's directory is checked.
   */
  gate?: Promise<void>;
  /** Kills the worker (counted as killed) when aborted, e.g. a prepared worker no longer needed. */
  signal?: AbortSignal;
}

export function runKillable(o: KillableOptions): Promise<KillableRun> {
  return new Promise((resolve, reject) => {
    const script = isAbsolute(o.script) ? o.script : join(appRoot(), o.script);
    const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const child = spawn(process.execPath, [...loader, script, ...o.args], {
      stdio: [o.gate ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      cwd: appRoot(),
      env: o.env ?? process.env,
      detached: true,
    });
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    let killed = false;
    let readyAt: number | null = null;
    let doneAt: number | null = null;
    const killGroup = () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killed = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timeout = setTimeout(() => {
      killGroup();
      reject(new Error(`worker ${o.script} timed out: ${stderr.slice(-2000)}`));
    }, o.timeoutMs ?? 120_000);
    o.signal?.addEventListener('abort', killGroup, { once: true });
    // A worker gone before its `go` (it failed to start) must not make the write fail loudly.
    child.stdin?.on('error', () => undefined);
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout!.on('data', (d: Buffer) => {
      const parts = (partial + d.toString()).split('\n');
      partial = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (line === 'waiting') void o.gate?.then(() => child.stdin?.end('go\n'));
        if (line === 'ready' && readyAt === null) {
          readyAt = performance.now();
          if (o.killAfterReadyMs !== undefined) setTimeout(killGroup, o.killAfterReadyMs);
        }
        if (line.startsWith('done') && doneAt === null) doneAt = performance.now();
      }
    });
    child.on('error', (e) => {
      clearTimeout(timeout);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timeout);
      o.signal?.removeEventListener('abort', killGroup);
      if (partial) lines.push(partial);
      // Whatever the worker started in its group (a PDF engine) goes with it.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* the group is empty */
      }
      resolve({
        killed: killed && signal === 'SIGKILL',
        code,
        lines,
        stderr,
        readyToDoneMs: readyAt !== null && doneAt !== null ? doneAt - readyAt : null,
      });
    });
  });
}

export interface Bundle {
  script: string;
  remove(): void;
}

/**
 * Bundles a worker's own sources (path relative to the application root) into one file in a folder
 * under node_modules/.cache; every package stays external and loads from node_modules as under tsx
 * (native addons, and packages that find their files next to themselves, keep working). `remove()`
 * deletes it.
 */
export async function bundleWorker(entry: string): Promise<Bundle> {
  const { build } = await import('esbuild');
  const cache = join(appRoot(), 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'anjuan-worker-'));
  const script = join(dir, 'worker.mjs');
  try {
    await build({
      entryPoints: [entry],
      outfile: script,
      absWorkingDir: appRoot(),
      bundle: true,
      packages: 'external',
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
      // ESM bundles still load CommonJS dependencies with require().
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return { script, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
