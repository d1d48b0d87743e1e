/**
 * 台账 of the whole province at 50,000 cases (the dashboards bench's data): the case ledger downloaded
 * over HTTP from a server in a process of its own, read as it arrives (never held by the client), with
 * the server's peak RSS (targets: < 10 s, < 300 MB). The supervision facts are made current first (the
 * dashboards' first request does it), so the figure is the export.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chinaDate } from '#core/domain/dates.js';
import { appRoot } from '#core/paths.js';
import { loadCalendar, loadProcedures } from '#core/services.js';
import { refreshFacts } from '../../server/supervision/refresh.js';
import { adminToken } from '../../server/testing/fixtures.js';
import { startTestServer } from '../../server/testing/testServer.js';
import { seedFiftyThousandCases } from './dashboards.js';
import { median, type Figure } from './report.js';

interface Usage {
  maxRss: number;
  cpuMs: number;
}

async function startChild(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/ledgerServerChild.ts'], {
    cwd: appRoot(),
    env: { ...process.env, ANJUAN_BENCH_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`the ledger server exited (${code})`)));
  });
  return { child, url };
}

const usageOf = (child: ChildProcess) =>
  new Promise<Usage>((resolve) => {
    child.once('message', (m) => resolve(m as Usage));
    child.send('usage');
  });

/** Downloads a ledger, counting its bytes as they come; returns the wall time and the size. */
async function download(url: string, token: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/supervision/ledgers/cases`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`ledger: ${res.status} ${(await res.text()).slice(0, 300)}`);
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return { ms: performance.now() - t0, bytes };
}

export async function ledgerFigures(report: (f: Figure) => void): Promise<void> {
  const s = await startTestServer({ judgeGuards: false }); // synthetic histories, as the dashboards bench
  let child: ChildProcess | null = null;
  try {
    const t0 = performance.now();
    await seedFiftyThousandCases(s.pool);
    await refreshFacts({ pool: s.pool, procedures: loadProcedures(), calendar: loadCalendar() }, chinaDate(new Date()));
    console.log(`# built 50,000 cases with current facts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const token = await adminToken(s);
    const started = await startChild(s.cluster.url);
    child = started.child;
    const before = await usageOf(child);
    const runs: Array<{ ms: number; bytes: number }> = [];
    for (let i = 0; i < 3; i++) runs.push(await download(started.url, token));
    const after = await usageOf(child);
    const ms = median(runs.map((r) => r.ms));
    const cpuEach = (after.cpuMs - before.cpuMs) / runs.length;
    report({
      name: 'ledger-50k',
      value: ms / 1000,
      unit: 's',
      op: '<',
      target: 10,
      note: `province case ledger over HTTP, 50,000 rows, ${(runs[0]!.bytes / 1e6).toFixed(1)} MB .xlsx; server CPU ${(cpuEach / 1000).toFixed(1)} s each`,
    });
    report({
      name: 'ledger-50k-peak-rss',
      value: Math.round(after.maxRss / 1e6),
      unit: 'MB',
      op: '<',
      target: 300,
      note: `server process peak over 3 exports (${Math.round(before.maxRss / 1e6)} MB before the first)`,
    });
  } finally {
    if (child) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await s.close();
  }
}
