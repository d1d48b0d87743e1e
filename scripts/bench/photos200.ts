/**
 * `npm run bench photos` (security audit): 200 photos of 4000×3000 in one case, on the built web host
 * in its own process (dist/core/host.mjs with the core's Node flags, as `npm start` runs it):
 * added through POST /api, then read back through GET /files/… (every photo streamed and checked,
 * every thumbnail) while the host's resident memory is sampled; then the same read through the
 * desktop app's IPC path (ipc.ts → coreProcess.ts → utility.ts) on the same data, in this process.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '#core/paths.js';
import { makeJpeg } from '#core/testing/photos.js';
import coreNodeFlags from '../../resources/core-node-flags.json' with { type: 'json' };
import type { Figure } from './report.js';
import { addPhotos, api, peakRssDuring, readBackWeb, rssMb } from './photoLoad.js';

const count = 200;

function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const host = join(appRoot(), 'dist/core/host.mjs');
  if (!existsSync(host)) throw new Error('dist/core/host.mjs missing: run npm run build');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...coreNodeFlags.flags, host], {
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

const today = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export async function photoFigures(report: (f: Figure) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-photos-'));
  const { child, url } = await startHost(dir);
  try {
    const token = (
      await api<{ token: string }>(url, null, 'session.login', { username: 'officer', password: 'officer123' })
    ).token;
    const [ent] = await api<Array<{ id: string }>>(url, token, 'enterprises.search', { query: '天柱', limit: 1 });
    const on = today();
    const caseId = (
      await api<{ state: { id: string } }>(url, token, 'cases.open', {
        enterpriseId: ent!.id,
        violationId: 'air-over-standard-emission',
        officerIds: ['off-01', 'off-02'],
        discoveredOn: on,
        filedOn: on,
        source: '现场检查',
        summary: '现场检查发现该公司废气排放口颗粒物浓度超过排放标准。',
        requestId: `req-bench-photos-${Date.now()}`,
      })
    ).state.id;
    const photo = await makeJpeg();
    const pid = child.pid!;
    const startMb = rssMb(pid);
    const t0 = performance.now();
    const { result: hashes, peakMb: addPeak } = await peakRssDuring(
      () => addPhotos(url, token, caseId, photo, count, on),
      pid,
    );
    const addSeconds = (performance.now() - t0) / 1000;
    console.log(
      `# ${count} photos of ${(photo.length / 1024 / 1024).toFixed(1)} MB added through POST /api in ${addSeconds.toFixed(1)} s (host peak ${addPeak.toFixed(0)} MB)`,
    );
    const t1 = performance.now();
    const { result: web, peakMb: readPeak } = await peakRssDuring(async () => {
      const view = await api<{ state: { evidence: unknown[] } }>(url, token, 'cases.get', { caseId });
      if (view.state.evidence.length !== count) throw new Error(`案件中的照片数为${view.state.evidence.length}`);
      return readBackWeb(url, token, caseId, hashes);
    }, pid);
    const readSeconds = (performance.now() - t1) / 1000;
    const growth = Math.max(addPeak, readPeak) - startMb;
    report({
      name: 'photos-200-read',
      value: readSeconds,
      unit: 's',
      op: '<',
      target: 30,
      note: `web host: cases.get + ${web.files} photos (${(web.bytes / 1024 / 1024).toFixed(0)} MB) streamed and checked + ${count} thumbnails (${(web.thumbBytes / 1024).toFixed(0)} KB)`,
    });
    report({
      name: 'photos-200-rss',
      value: Math.round(growth),
      unit: 'MB',
      op: '<',
      target: 800,
      note: `web host's peak resident memory above its ${startMb.toFixed(0)} MB after start, while adding and reading back`,
    });
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await gone;
    // The desktop app's path on the same data, in a process of its own (its memory: the core's and the relay's copies).
    const hashesFile = join(dir, 'bench-hashes.json');
    writeFileSync(hashesFile, JSON.stringify(hashes));
    const ipc = JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(appRoot(), 'scripts/bench/photoIpcChild.ts'), dir, token, caseId, hashesFile],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 1024 * 1024,
        },
      )
        .trim()
        .split('\n')
        .at(-1)!,
    ) as { seconds: number; startMb: number; peakMb: number; files: number };
    report({
      name: 'photos-200-ipc-read',
      value: ipc.seconds,
      unit: 's',
      op: '<',
      target: 30,
      note: `${ipc.files} photos and thumbnails through ipc.ts → coreProcess.ts → utility.ts, as bytes`,
    });
    report({
      name: 'photos-200-ipc-rss',
      value: Math.round(ipc.peakMb - ipc.startMb),
      unit: 'MB',
      op: '<',
      target: 800,
      note: `peak resident memory above the ${ipc.startMb.toFixed(0)} MB of the core just opened (core and relay in one process)`,
    });
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
