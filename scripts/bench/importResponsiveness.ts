/**
 * Security audit: "a 200,000-row import blocked other requests for 22.5 s". The web host runs in a
 * process of its own (as it does for users); this process sends it a 200,000-row GBK directory through
 * enterprises.import and, while the job runs, app.info and cases.list every 50 ms, timing each answer
 * from here. The figure is the p95 of those answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '#core/paths.js';
import { syntheticDirectory } from '#core/seed/syntheticDirectory.js';
import { directoryCsvText, encodeCsv } from '#core/seed/directoryFile.js';
import { percentile } from './enterprises.js';
import type { Figure } from './report.js';

const rows = 200_000;

function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const host = join(appRoot(), 'dist/core/host.mjs');
  if (!existsSync(host)) throw new Error('dist/core/host.mjs missing: run npm run build');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [host], {
      env: { ...process.env, ANJUAN_DATA_DIR: dataDir, ANJUAN_PORT: '0', ANJUAN_DEMO: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (d: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(d.toString());
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`web host exited (${code})`)));
  });
}

export async function importResponsivenessFigures(report: (f: Figure) => void): Promise<void> {
  // The file first: a connection idle for the seconds it takes would be closed by the host under fetch's feet (EPIPE).
  const contentBase64 = encodeCsv(directoryCsvText(syntheticDirectory(rows, { seed: 200_000 }).rows), 'gbk').toString(
    'base64',
  );
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-jobs-'));
  const { child, url } = await startHost(dir);
  const call = async (op: string, input: unknown, token?: string): Promise<Record<string, unknown>> => {
    const r = await fetch(`${url}api`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ op, input, token }),
    });
    const reply = (await r.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!reply.ok) throw new Error(`${op}: ${reply.error?.message}`);
    return reply.value as Record<string, unknown>;
  };
  try {
    const head = (await call('session.login', { username: 'head', password: 'head123' })).token as string;
    const officer = (await call('session.login', { username: 'officer', password: 'officer123' })).token as string;
    // The same requests with no import running: what this machine answers anyway (a loaded machine shows here).
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const s = performance.now();
      await (i % 2 ? call('cases.list', { limit: 50 }, officer) : call('app.info', {}));
      idle.push(performance.now() - s);
    }
    const t0 = performance.now();
    const { jobId } = await call('enterprises.import', { fileName: '名录-20万.csv', contentBase64 }, head);
    const times: number[] = [];
    let job: { state?: unknown; error?: unknown; result?: { added?: number; fileProblems?: unknown } } = {};
    for (let i = 0; ; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const s = performance.now();
      if (i % 2) await call('cases.list', { limit: 50 }, officer);
      else await call('app.info', {});
      times.push(performance.now() - s);
      if (i % 10 === 0) {
        job = (await call('jobs.get', { jobId }, head)) as typeof job;
        if (job.state !== 'running') break;
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    if (job.state !== 'done' || job.result?.added !== rows)
      throw new Error(`import ${job.state}: ${JSON.stringify(job.error ?? job.result?.fileProblems)}`);
    report({
      name: 'import-200k-other-request-p95',
      value: Math.round(percentile(times, 95)),
      unit: 'ms',
      op: '<',
      target: 200,
      note: `${times.length} app.info/cases.list answers over HTTP while a ${rows.toLocaleString('en')}-row GBK import ran as a job (${seconds.toFixed(1)} s); max ${Math.round(Math.max(...times))} ms; p95 with no import running ${Math.round(percentile(idle, 95))} ms`,
    });
  } finally {
    // The host may be writing its daily backup: the folder goes once the host is gone.
    if (child.exitCode === null && child.signalCode === null)
      await new Promise((r) => {
        child.once('exit', r);
        child.kill();
      });
    rmSync(dir, { recursive: true, force: true });
  }
}
