/**
 * Figures of sync with the provincial server (a real server with embedded PostgreSQL in a child process):
 *   - a day's work (300 events, 50 photos of 3 MB) through a proxy throttled to 2 Mbit/s that cuts the link
 *     every few seconds — run time-scaled: the link 10× faster and cut 10× as often, the time × 10;
 *   - the first provisioning of a workstation with the 90,910 enterprises, the laws, the violation types and
 *     the templates published as reference data: the replies' size gzip-compressed, and the time to apply;
 *   - 500 simulated workstations (light HTTP clients: users, push of a new case, pull) syncing at once;
 *   - the server's memory (RSS of its process) and PostgreSQL's size per 10,000 cases.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { appRoot } from '#core/paths.js';
import { createTestCore, type TestCore } from '#core/testing/testCore.js';
import { CaseRunner, openCase } from '#core/testing/caseRunner.js';
import { chunk } from '#core/testing/png.js';
import { officerIdOf } from '#core/store/syncUsers.js';
import { syntheticDirectory } from '#core/seed/syntheticDirectory.js';
import { directoryHeader } from '#core/seed/syntheticDirectory.js';
import { loadBenchmark } from '#core/services.js';
import PizZip from 'pizzip';
import { chain, opened, userPassword } from '../../server/testing/fixtures.js';
import { testAdminPassword } from '../../server/testing/testServer.js';
import { startFaultProxy } from '../../server/testing/faultProxy.js';
import { percentile } from './enterprises.js';
import type { Figure } from './report.js';

const county = '522627';
const today = '2026-12-07';

export interface Server {
  child: ChildProcess;
  url: string;
  pool: pg.Pool;
}

export async function startServer(): Promise<Server> {
  // ANJUAN_BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server alone (NODE_OPTIONS refuses --cpu-prof).
  const extra = (process.env.ANJUAN_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'scripts/bench/syncServerChild.ts'], {
    cwd: appRoot(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = await new Promise<{ url: string; databaseUrl: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  const pool = new pg.Pool({ connectionString: info.databaseUrl, max: 2 });
  // Stopping the server's PostgreSQL ends this pool's idle connections too: expected, not a failure of the bench.
  pool.on('error', () => undefined);
  return { child, url: info.url, pool };
}

export async function stopServer(s: Server): Promise<void> {
  await s.pool.end();
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

/** CPU seconds (user + system) of a process (`own`) and of it with all its descendants (the server's Node and its PostgreSQL). */
export function treeCpuSeconds(pid: number): { own: number; total: number } {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  const children = new Map<number, number[]>();
  const own = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(f[1]);
      own.set(Number(d), (Number(f[11]) + Number(f[12])) / tick);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const walk = (p: number): void => {
    total += own.get(p) ?? 0;
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return { own: own.get(pid) ?? 0, total };
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

// biome-ignore lint/suspicious/noExplicitAny: the bench reads the fields it needs from each reply
type Json = any;

export async function req(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<Json> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

/**
 * GET /api/sync/users as a workstation asks it: with the ETag of the list it holds (main/core/sync/users.ts),
 * answered 304 with no body while the bureau's users are unchanged. Returns the ETag the desk now holds.
 */
export async function usersAsDesk(base: string, token: string, etag: string | null): Promise<string | null> {
  const res = await fetch(`${base}/api/sync/users`, {
    headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
  });
  const text = await res.text();
  if (res.status === 304) return etag;
  if (!res.ok) throw new Error(`GET /api/sync/users: ${res.status} ${text.slice(0, 300)}`);
  JSON.parse(text);
  return res.headers.get('etag');
}

export async function addUser(
  base: string,
  token: string,
  bureauId: string,
  username: string,
  roles: string[],
  cert?: string,
) {
  return (
    await req(base, 'POST', '/api/admin/users', {
      token,
      body: {
        bureauId,
        username,
        name: username,
        roles,
        password: userPassword,
        ...(cert ? { certificateNo: cert, certificateValidUntil: '2030-12-31' } : {}),
      },
    })
  ).id as string;
}

export const code = async (base: string, token: string, bureauId = county) =>
  (await req(base, 'POST', '/api/admin/enrolment-codes', { token, body: { bureauId } })).code as string;

/** A PNG of random pixels: it does not compress, so its size is what goes over the link. */
function noisePng(bytes: number): Buffer {
  const width = 512;
  const height = Math.ceil(bytes / (width * 3));
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) randomBytes(width * 3).copy(raw, y * (width * 3 + 1) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rounds until nothing waits (events pushed, every file known to the server); how many rounds it took. */
async function syncUntilDone(t: TestCore, maxRounds = 400): Promise<{ rounds: number; failed: number }> {
  let failed = 0;
  for (let rounds = 1; rounds <= maxRounds; rounds++) {
    const o = await t.core.services.sync.round();
    if (!o.ok) {
      failed++;
      continue;
    }
    if (o.pushed === 0 && o.pulled === 0 && t.core.services.sync.store.pendingCount() === 0) {
      const changes = t.core.services.sync.status().changes.join();
      if (!changes.includes('未能传送')) return { rounds, failed };
    }
  }
  throw new Error(`${maxRounds} rounds did not finish the day`);
}

/** A day's work through a slow link that keeps dropping, time-scaled by `scale`. */
async function dayThrottled(s: Server, province: string, report: (f: Figure) => void): Promise<void> {
  const scale = 10;
  const zhang = await addUser(s.url, province, county, 'zhang.wei', ['officer'], '贵环执字522627101');
  const li = await addUser(s.url, province, county, 'li.na', ['officer'], '贵环执字522627102');
  await addUser(s.url, province, county, 'yang.head', ['head']);
  const proxy = await startFaultProxy({
    target: s.url,
    bytesPerSecond: (2_000_000 / 8) * scale,
    cutEveryMs: 5000 / scale,
  });
  // tus's waits between retries, time-scaled as the link is.
  const t = await createTestCore({ today, core: { sync: { fileRetryDelays: [50, 100, 200, 400] } } });
  try {
    const admin = await t.login('admin');
    proxy.on = false;
    await t.call(admin, 'sync.enrol', { serverUrl: proxy.url, code: await code(s.url, province), deviceName: '一科' });
    await t.core.services.sync.idle();
    await syncUntilDone(t);
    // The day: 50 cases, each opened, its 立案审批表 made and submitted, approved, a 现场检查笔录 and a photo.
    const officer = await t.login('zhang.wei', userPassword);
    const head = await t.login('yang.head', userPassword);
    for (let i = 0; i < 50; i++) {
      const view = await openCase(t, officer, {
        officerIds: [officerIdOf(zhang), officerIdOf(li)],
        discoveredOn: '2026-12-01',
        filedOn: '2026-12-02',
      });
      const run = new CaseRunner(t, { setDate: () => undefined }, officer, head, '');
      run.caseId = view.state.id;
      run.today = today;
      await run.gen('filing-approval');
      await run.act(officer, 'submitFiling');
      await run.act(head, 'approveFiling', { comment: '同意立案' });
      await run.gen('inspection-record');
      await t.call(officer, 'evidence.add', {
        caseId: view.state.id,
        kind: 'photo',
        fileName: `现场${i + 1}.png`,
        contentBase64: noisePng(3 * 1024 * 1024).toString('base64'),
        description: `现场照片${i + 1}`,
        takenOn: today,
      });
    }
    const events = t.core.services.sync.store.pendingCount();
    proxy.bytes.up = 0;
    proxy.on = true;
    const t0 = performance.now();
    const { rounds, failed } = await syncUntilDone(t);
    const seconds = ((performance.now() - t0) / 1000) * scale;
    const held = await s.pool.query<{ n: string }>('SELECT count(*) AS n FROM files WHERE size > 1000000');
    report({
      name: 'sync-day-throttled',
      value: seconds,
      unit: 's',
      op: '<',
      target: 3600,
      note:
        `${events} events, ${held.rows[0]!.n} photos of 3 MB on the server; time-scaled ×${scale} (link ${(2 * scale).toFixed(0)} Mbit/s cut every ${5000 / scale} ms, ` +
        `the time ×${scale}); ${proxy.periodicCuts} connections cut, ${rounds} rounds (${failed} broken), ${(proxy.bytes.up / 1048576).toFixed(0)} MB up`,
    });
  } finally {
    await t.close();
    await proxy.close();
  }
}

/**
 * The reference data as the province would publish it, in parts under the 16 MB request limit: the
 * directory in parts of 20,000 rows, every law text of shared/laws, the benchmark's violation types as a
 * new version, and every template as a new version (each file changed, so each is checked and stored).
 */
function referenceVersions(): Array<{ kind: string; version: string; payload: unknown }> {
  const out: Array<{ kind: string; version: string; payload: unknown }> = [];
  const rows = syntheticDirectory(90_910, { seed: 90910 }).rows;
  const part = 20_000;
  for (let i = 0; i < rows.length; i += part)
    out.push({
      kind: 'enterprises',
      version: `2026.12-${i / part + 1}`,
      payload: { header: directoryHeader, rows: rows.slice(i, i + part) },
    });
  const lawsDir = join(appRoot(), '..', 'shared', 'laws');
  const files = existsSync(lawsDir)
    ? readdirSync(lawsDir)
        .filter((f) => f.endsWith('.md'))
        .map((f) => ({ name: f, content: readFileSync(join(lawsDir, f), 'utf8') }))
    : [];
  if (files.length) out.push({ kind: 'laws', version: '2026.12', payload: { files } });
  out.push({ kind: 'violationTypes', version: '2026.12', payload: { ...loadBenchmark(), version: '2026.12' } });
  const templates = join(appRoot(), 'templates');
  out.push({
    kind: 'templates',
    version: '2026.12',
    payload: {
      templates: readdirSync(templates)
        .filter((f) => f.endsWith('.docx'))
        .map((f) => {
          const zip = new PizZip(readFileSync(join(templates, f)));
          const body = zip.file('word/document.xml')!.asText();
          zip.file('word/document.xml', body.replace('</w:body>', '<w:p/></w:body>'));
          return {
            type: f.replace(/\.docx$/, ''),
            fileName: f,
            contentBase64: zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }).toString('base64'),
          };
        }),
    },
  });
  return out;
}

async function provisioning(s: Server, province: string, report: (f: Figure) => void): Promise<void> {
  const published = referenceVersions();
  for (const v of published) await req(s.url, 'POST', '/api/admin/reference', { token: province, body: v });
  // What the replies weigh gzip-compressed (the server does not compress yet; a reverse proxy in front does).
  let raw = 0;
  let gz = 0;
  let files = 0;
  let fetching = 0;
  // The round asks about case files right after the reference data is applied: the end of provisioning.
  // (The bureau's case files — the throttled day's photos — come down after it, and are not provisioning.)
  let cpu0 = process.cpuUsage();
  let applied: { at: number; cpu: NodeJS.CpuUsage } | null = null;
  const counting = async (url: string, init: RequestInit) => {
    if (url.includes('/api/sync/files/status') && !applied)
      applied = { at: performance.now(), cpu: process.cpuUsage(cpu0) };
    const f0 = performance.now();
    const res = await fetch(url, init);
    const body = Buffer.from(await res.arrayBuffer());
    // The bureau's case files (the day's photos above) come down too; they are not the provisioning.
    if (url.includes('/api/sync/files/')) files += body.length;
    else {
      fetching += performance.now() - f0;
      raw += body.length;
      gz += gzipSync(body, { level: 6 }).length;
    }
    return new Response(body, { status: res.status, headers: res.headers });
  };
  const t = await createTestCore({ today, core: { sync: { fetch: counting } } });
  try {
    const admin = await t.login('admin');
    const enrolCode = await code(s.url, province);
    const t0 = performance.now();
    cpu0 = process.cpuUsage();
    await t.call(admin, 'sync.enrol', { serverUrl: s.url, code: enrolCode, deviceName: '新工作站' });
    await t.core.services.sync.idle();
    // No case files to ask about (no day's work before): the round ends with the reference data.
    const end = (applied as { at: number; cpu: NodeJS.CpuUsage } | null) ?? {
      at: performance.now(),
      cpu: process.cpuUsage(cpu0),
    };
    const seconds = (end.at - t0) / 1000;
    // The machine is shared: CPU time says what the round costs whatever else runs (it includes this bench's gzip of the replies).
    const cpuSeconds = (end.cpu.user + end.cpu.system) / 1e6;
    const status = t.core.services.sync.status();
    if (status.lastError) throw new Error(status.lastError);
    // Everything published must be applied, not only downloaded.
    const services = t.core.services;
    const enterprises = services.enterprises.count();
    const laws = services.laws.lawIds().length;
    const benchmark = services.discretion.benchmark().version;
    const loaded = services.manifest.filter((m) => services.templates.versions(m)[0]?.source === 'loaded').length;
    const templateCount = (published.find((p) => p.kind === 'templates')!.payload as { templates: unknown[] }).templates
      .length;
    const lawFiles = (published.find((p) => p.kind === 'laws')?.payload as { files: unknown[] } | undefined)?.files
      .length;
    const refused = status.changes.filter((l) => l.includes('未启用') || l.includes('未能启用'));
    const complete = enterprises >= 90_910 && benchmark === '2026.12' && loaded === templateCount && !refused.length;
    report({
      name: 'sync-provision',
      value: gz / 1048576,
      unit: 'MB',
      op: '<',
      target: 8,
      note: `first sync's replies gzip-compressed (${(raw / 1048576).toFixed(1)} MB raw; the bureau's ${(files / 1048576).toFixed(0)} MB of case files apart): 90,910 enterprises, ${lawFiles ?? 0} law texts, ${services.discretion.violationTypes().length} violation types, ${templateCount} templates`,
    });
    report({
      name: 'sync-provision-apply',
      value: seconds,
      unit: 's',
      op: '<',
      target: 30,
      forceMiss: !complete,
      note:
        `enrolment to the reference data applied in the first round (before its case files): ${enterprises} enterprises, ${laws} laws in the library, ` +
        `violation types ${benchmark}, ${loaded}/${templateCount} templates as new versions; ${(fetching / 1000).toFixed(1)} s of it waiting for the server's replies; ` +
        `${cpuSeconds.toFixed(1)} s CPU in the workstation's process (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)` +
        (refused.length ? `; REFUSED: ${refused.join(' / ')}` : ''),
    });
  } finally {
    await t.close();
  }
}

/** 500 light clients, spread over the province's counties, each round: users, push of one new case, pull. */
async function manyDevices(s: Server, province: string, report: (f: Figure) => void): Promise<void> {
  const counties = (
    await s.pool.query<{ id: string }>("SELECT id FROM bureaus WHERE level = 'county' ORDER BY id")
  ).rows.map((r) => r.id);
  const officers = new Map<string, string>();
  for (const [i, c] of counties.entries())
    officers.set(c, await addUser(s.url, province, c, `bench.officer.${c}`, ['officer'], `贵环执字${c}9${i}`));
  const refCursor = Number(
    (await s.pool.query<{ n: string }>('SELECT COALESCE(max(seq), 0) AS n FROM reference_data')).rows[0]!.n,
  );
  interface Device {
    credential: string;
    county: string;
    next: number;
    end: number;
    mutation: number;
    cursor: number;
    usersEtag: string | null;
  }
  const devices: Device[] = [];
  const n = 500;
  for (let i = 0; i < n; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, n - i) }, async (_, k) => {
        const c = counties[(i + k) % counties.length]!;
        const e = await req(s.url, 'POST', '/api/enrol', {
          body: { code: await code(s.url, province, c), deviceName: `模拟工作站${i + k + 1}` },
        });
        const block = await req(s.url, 'POST', '/api/sync/number-block', {
          token: e.credential,
          body: { kind: 'case', year: 2026, size: 20 },
        });
        // A desk's first round after enrolment takes the whole list; the timed rounds are the steady state after it.
        const usersEtag = await usersAsDesk(s.url, e.credential, null);
        return {
          credential: e.credential,
          county: c,
          next: block.start,
          end: block.end,
          mutation: 0,
          cursor: 0,
          usersEtag,
        };
      }),
    );
    devices.push(...batch);
  }
  const times: number[] = [];
  const steps = { users: [] as number[], push: [] as number[], pull: [] as number[] };
  let errors = 0;
  const round = async (d: Device, wave: number) => {
    const t0 = performance.now();
    try {
      d.usersEtag = await usersAsDesk(s.url, d.credential, d.usersEtag);
      const t1 = performance.now();
      steps.users.push(t1 - t0);
      const caseId = `bench-${d.county}-${d.next}-${wave}-${Math.random().toString(36).slice(2, 8)}`;
      const events = chain(caseId, { id: officers.get(d.county)!, name: '模拟办案员' }, [
        opened(`县环罚〔2026〕${d.next}号`),
      ]);
      d.next++;
      d.mutation++;
      await req(s.url, 'POST', '/api/sync/push', {
        token: d.credential,
        body: { mutations: [{ mutationId: d.mutation, caseId, events }] },
      });
      const t2 = performance.now();
      steps.push.push(t2 - t1);
      const pull = await req(s.url, 'GET', `/api/sync/pull?cursor=${d.cursor}&refCursor=${refCursor}&limit=500`, {
        token: d.credential,
      });
      d.cursor = pull.cursor;
      steps.pull.push(performance.now() - t2);
      times.push(performance.now() - t0);
    } catch (e) {
      errors++;
      if (errors <= 3) console.log(`# device round failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const waves = 3;
  const w0 = performance.now();
  // CPU time does not depend on the machine's load: the server's (Node + PostgreSQL) and the clients' (this process).
  const serverCpu0 = treeCpuSeconds(s.child.pid!);
  const clientCpu0 = process.cpuUsage();
  for (let w = 0; w < waves; w++) await Promise.all(devices.map((d) => round(d, w)));
  const wall = (performance.now() - w0) / 1000;
  const serverCpu1 = treeCpuSeconds(s.child.pid!);
  const serverCpu = serverCpu1.total - serverCpu0.total;
  const nodeCpu = serverCpu1.own - serverCpu0.own;
  const clientCpu = process.cpuUsage(clientCpu0);
  const p = (xs: number[], q: number) => (xs.length ? percentile(xs, q).toFixed(0) : 'n/a');
  console.log(
    `# 500 devices: ${((n * waves) / wall).toFixed(0)} rounds/s; p50/p95 ms — users ${p(steps.users, 50)}/${p(steps.users, 95)}, ` +
      `push ${p(steps.push, 50)}/${p(steps.push, 95)}, pull ${p(steps.pull, 50)}/${p(steps.pull, 95)}; ` +
      `CPU ${serverCpu.toFixed(1)} s in the server (${nodeCpu.toFixed(1)} s Node + ${(serverCpu - nodeCpu).toFixed(1)} s PostgreSQL, ${((serverCpu * 1000) / (n * waves)).toFixed(1)} ms a round), ` +
      `${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s in the clients; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  );
  report({
    name: 'sync-500-devices-p95',
    value: times.length ? percentile(times, 95) : null,
    unit: 'ms',
    op: '<',
    target: 1000,
    forceMiss: errors > 0,
    note: `${n} devices over ${counties.length} counties, ${waves} waves all at once (users, push of a new case, pull); ${errors} errors; median ${times.length ? percentile(times, 50).toFixed(0) : 'n/a'} ms`,
  });
  report({
    name: 'server-rss',
    value: rssMb(s.child.pid!),
    unit: 'MB',
    op: '<',
    target: 1024,
    note: 'the server process after the 500 devices (PostgreSQL apart)',
  });
}

/** PostgreSQL's growth for 10,000 cases of 20 events each, written as push writes them (copies of a real case). */
async function sizePer10k(s: Server): Promise<void> {
  const size = async () =>
    Number((await s.pool.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]!.n);
  const before = await size();
  const client = await s.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`INSERT INTO cases (id, bureau_id, number, head_seq, head_hash, state, created_at, updated_at)
      SELECT 'size-' || g, c.bureau_id, '测环罚〔2026〕' || g || '号', 20, c.head_hash, c.state, now(), now()
      FROM generate_series(1, 10000) g, (SELECT * FROM cases WHERE state ? 'documents' ORDER BY jsonb_array_length(state->'documents') DESC LIMIT 1) c`);
    await client.query(`INSERT INTO case_events (id, case_id, seq, type, payload, actor_id, actor_name, device, hlc, at, prev_hash, hash, bureau_id, device_id, received_at)
      SELECT 'size-' || g || '-' || k, 'size-' || g, k, e.type, e.payload, e.actor_id, e.actor_name, e.device, e.hlc, e.at, md5(g::text || k), md5(k::text || g) || md5(g::text), e.bureau_id, e.device_id, now()
      FROM generate_series(1, 10000) g, generate_series(1, 20) k,
        (SELECT * FROM case_events ORDER BY length(payload::text) DESC LIMIT 1 OFFSET 5) e`);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  await s.pool.query('ANALYZE');
  const grown = (await size()) - before;
  console.log(
    `bench server-pg-size-per-10k-cases: ${(grown / 1048576).toFixed(0)} MB (info)  # 10,000 cases × 20 events copied from a real pushed case (its largest documents-bearing state, a large event), indexes included`,
  );
}

/** `ANJUAN_BENCH_SYNC=provision,devices` runs only those parts (day, provision, devices, size); all by default. */
const parts = new Set((process.env.ANJUAN_BENCH_SYNC ?? 'day,provision,devices,size').split(','));

export async function syncFigures(report: (f: Figure) => void): Promise<void> {
  const s = await startServer();
  try {
    const province = (
      await req(s.url, 'POST', '/api/admin/login', { body: { username: 'admin', password: testAdminPassword } })
    ).token as string;
    // The throttled day first: the reference data published next would go down its slow link too.
    if (parts.has('day'))
      await dayThrottled(s, province, report).catch((e) => {
        console.log(`bench sync-day-throttled: failed — ${e instanceof Error ? e.message : String(e)} MISS`);
      });
    if (parts.has('provision'))
      await provisioning(s, province, report).catch((e) => {
        console.log(`bench sync-provision: failed — ${e instanceof Error ? e.message : String(e)} MISS`);
      });
    if (parts.has('devices')) await manyDevices(s, province, report);
    if (parts.has('size')) await sizePer10k(s);
  } finally {
    await stopServer(s);
  }
}
