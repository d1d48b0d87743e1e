/**
 * The built-in engine when its browser or page dies: the document in flight fails with a Chinese
 * error, and the next one is printed by a fresh browser or page. Processes are found with `ps`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '#common/errors.js';
import { sampleDocx } from '../fixtures.js';
import { loadManifest } from '../manifest.js';
import { ChromiumEngine, chromiumExecutable } from './chromium.js';

const chromium = chromiumExecutable();
if (!existsSync(chromium)) console.log(`chromium.test: skipped: no Chromium at ${chromium} (set ANJUAN_CHROMIUM)`);

/** This process's descendants, with their command lines. */
function descendants(): Array<{ pid: number; args: string }> {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)!)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
  const tree = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows)
      if (tree.has(r.ppid) && !tree.has(r.pid)) {
        tree.add(r.pid);
        grew = true;
      }
  }
  return rows.filter((r) => r.pid !== process.pid && tree.has(r.pid));
}

/** The browser process itself: its children inherit the pipe flag but carry a --type. */
const isBrowser = (args: string): boolean => args.includes('--remote-debugging-pipe') && !args.includes('--type=');

describe.skipIf(!existsSync(chromium))('built-in engine survives its browser', () => {
  const t = loadManifest().find((m) => m.id === 'penalty-decision')!;
  const docx = sampleDocx(t);
  const engine = new ChromiumEngine({ timeoutMs: 30_000 });
  afterAll(() => engine.close());

  it('prints again after the browser is killed', async () => {
    const first = await engine.convert(docx);
    const browsers = descendants().filter((p) => isBrowser(p.args));
    expect(browsers).toHaveLength(1);
    process.kill(browsers[0]!.pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const again = await engine.convert(docx);
    expect(again.pages).toBe(first.pages);
    const now = descendants().filter((p) => isBrowser(p.args));
    expect(now.map((p) => p.pid)).not.toContain(browsers[0]!.pid);
  }, 60_000);

  it('fails the document whose page crashed, in Chinese, and prints the next on a fresh page', async () => {
    await engine.convert(docx);
    const renderer = () => descendants().filter((p) => p.args.includes('--type=renderer'));
    const inFlight = engine.convert(docx);
    // Kill the page's renderer while it works on the document.
    await new Promise((r) => setTimeout(r, 20));
    for (const p of renderer()) process.kill(p.pid, 'SIGKILL');
    const outcome = await inFlight.then(
      () => 'printed',
      (e: unknown) => e,
    );
    // It may have finished before the kill landed; if not, it failed as a conversion error.
    if (outcome !== 'printed') {
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).code).toBe('PDF_CONVERSION_FAILED');
      expect((outcome as AppError).message).toMatch(/内置引擎转换PDF失败/);
    }
    expect((await engine.convert(docx)).pages).toBeGreaterThan(0);
  }, 60_000);

  it('leaves no browser process behind when closed', async () => {
    const browserPids = () =>
      descendants()
        .filter((p) => isBrowser(p.args))
        .map((p) => p.pid);
    const before = new Set(browserPids());
    const e = new ChromiumEngine();
    await e.convert(docx);
    const its = browserPids().filter((p) => !before.has(p));
    expect(its).toHaveLength(1);
    await e.close();
    expect(descendants().map((p) => p.pid)).not.toContain(its[0]);
  }, 60_000);
});
