/**
 * A web host of its own for a spec that must stop and restart it (backup restore, encryption): the
 * built `dist/core/host.mjs` on a data directory, with the address it prints and all it said.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface HostProcess {
  child: ChildProcess;
  /** The address, once the host printed it; rejects with its output when it exits first. */
  ready: Promise<string>;
  output: () => string;
}

/** `env` is added to this process's environment; a key set to undefined is removed from it. */
export function startHost(dataDir: string, env: Record<string, string | undefined> = {}): HostProcess {
  const full: NodeJS.ProcessEnv = { ...process.env, ANJUAN_DATA_DIR: dataDir, ANJUAN_PORT: '0', ANJUAN_DEMO: '1' };
  // The worker's clock file belongs to the worker's host (fixtures.ts): this one runs on the real clock
  // unless `env` gives it a file of its own.
  delete full.ANJUAN_TEST_CLOCK_FILE;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete full[k];
    else full[k] = v;
  }
  const child = spawn(process.execPath, ['dist/core/host.mjs'], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start:\n${out}`)), 60_000);
    child.stdout?.on('data', () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}):\n${out}`));
    });
  });
  return { child, ready, output: () => out };
}

export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
