import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CdpConnection, CdpError, launchChromium } from './cdpPipe.js';
import { chromiumExecutable } from './chromium.js';

/** A connection whose browser side the test plays: what the client wrote, and a way to answer. */
function fakeBrowser() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const written: string[] = [];
  let pending = '';
  toBrowser.on('data', (d: Buffer) => {
    pending += d.toString('utf8');
    const parts = pending.split('\0');
    pending = parts.pop()!;
    written.push(...parts);
  });
  return { cdp: new CdpConnection(toBrowser, fromBrowser), written, fromBrowser };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('CdpConnection', () => {
  it('writes each command as NUL-ended JSON and matches replies by id, even split across reads', async () => {
    const { cdp, written, fromBrowser } = fakeBrowser();
    const a = cdp.send('Browser.getVersion');
    const b = cdp.send('Runtime.evaluate', { expression: '1+1' }, 'S1');
    await tick();
    expect(written.map((w) => JSON.parse(w))).toEqual([
      { id: 1, method: 'Browser.getVersion', params: {} },
      { id: 2, method: 'Runtime.evaluate', params: { expression: '1+1' }, sessionId: 'S1' },
    ]);
    // The second reply first, the first cut in the middle of a multi-byte character.
    const reply = Buffer.from(
      `${JSON.stringify({ id: 2, result: { result: { type: 'number', value: 2 } } })}\0${JSON.stringify({ id: 1, result: { product: '浏览器' } })}\0`,
    );
    const cut = reply.indexOf(Buffer.from('浏')) + 1;
    fromBrowser.write(reply.subarray(0, cut));
    await tick();
    fromBrowser.write(reply.subarray(cut));
    expect((await b).result.value).toBe(2);
    expect((await a).product).toBe('浏览器');
  });

  it('rejects a command the browser refuses, with the method named', async () => {
    const { cdp, fromBrowser } = fakeBrowser();
    const p = cdp.send('Page.navigate', { url: 'x' }, 'S');
    fromBrowser.write(
      `${JSON.stringify({ id: 1, error: { code: -32000, message: 'Cannot navigate to invalid URL' } })}\0`,
    );
    await expect(p).rejects.toThrow(/Page\.navigate: Cannot navigate/);
  });

  it('hands events to listeners until they stop listening', async () => {
    const { cdp, fromBrowser } = fakeBrowser();
    const seen: string[] = [];
    const stop = cdp.onEvent((method, _params, sessionId) => seen.push(`${method}@${sessionId}`));
    fromBrowser.write(
      `${JSON.stringify({ method: 'Page.loadEventFired', params: { timestamp: 1 }, sessionId: 'S' })}\0not json\0`,
    );
    await tick();
    stop();
    fromBrowser.write(`${JSON.stringify({ method: 'Page.loadEventFired', params: { timestamp: 2 } })}\0`);
    await tick();
    expect(seen).toEqual(['Page.loadEventFired@S']);
  });

  it('fails the calls of a dead page, and every call once the pipe closes', async () => {
    const { cdp, fromBrowser } = fakeBrowser();
    const onPage = cdp.send('Runtime.evaluate', { expression: 'x' }, 'DEAD');
    const onBrowser = cdp.send('Browser.getVersion');
    cdp.failSession('DEAD', new CdpError('页面崩溃'));
    await expect(onPage).rejects.toThrow('页面崩溃');
    fromBrowser.end();
    fromBrowser.destroy();
    await expect(onBrowser).rejects.toThrow('浏览器连接已断开');
    await expect(cdp.send('Browser.getVersion')).rejects.toThrow('浏览器连接已断开');
    expect(cdp.closed).toBe(true);
  });
});

describe('launchChromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-cdp-test-'));
  const script = (name: string, body: string): string => {
    const f = join(dir, name);
    writeFileSync(f, `#!/bin/sh\n${body}\n`);
    chmodSync(f, 0o755);
    return f;
  };
  /** Profiles some running browser uses (other test files run theirs at the same time). */
  const liveProfiles = () =>
    [
      ...execFileSync('ps', ['-e', '-o', 'args='], { encoding: 'utf8' }).matchAll(
        /--user-data-dir=\S*\/(anjuan-chromium-\w+)/g,
      ),
    ].map((m) => m[1]!);
  const profiles = () =>
    readdirSync(tmpdir())
      .filter((f) => f.startsWith('anjuan-chromium-'))
      .sort();

  it('refuses a program that exits at once, saying so, and leaves no profile behind', async () => {
    const before = new Set(profiles());
    await expect(launchChromium(script('exits.sh', 'echo "no display" >&2; exit 3'), [], process.env)).rejects.toThrow(
      /浏览器启动后立即退出：no display/,
    );
    // Other test files start browsers meanwhile: only a profile left by this launch would be an error.
    await new Promise((r) => setTimeout(r, 100));
    expect(profiles().filter((p) => !before.has(p) && !liveProfiles().includes(p))).toEqual([]);
  });

  it('gives up on a program that never answers', async () => {
    await expect(launchChromium(script('silent.sh', 'sleep 20'), [], process.env, 300)).rejects.toThrow(
      '浏览器0秒内未响应',
    );
  });

  const chromium = chromiumExecutable();
  it.skipIf(!existsSync(chromium))(
    'starts the real browser, answers, closes it and removes its profile',
    async () => {
      const b = await launchChromium(
        chromium,
        ['--headless', '--no-sandbox', '--disable-gpu', '--no-startup-window'],
        process.env,
      );
      expect((await b.cdp.send('Browser.getVersion')).product).toMatch(/Chrom/);
      expect(existsSync(b.profile)).toBe(true);
      await b.close();
      expect(b.process.exitCode !== null || b.process.signalCode !== null).toBe(true);
      expect(existsSync(b.profile)).toBe(false);
      await expect(b.cdp.send('Browser.getVersion')).rejects.toBeInstanceOf(CdpError);
      // And no process of it is left running.
      expect(execFileSync('ps', ['-e', '-o', 'pid=']).toString().split('\n').map(Number)).not.toContain(b.process.pid);
    },
    30_000,
  );
  if (!existsSync(chromium)) console.log(`cdpPipe.test: real-browser test skipped: no Chromium at ${chromium}`);
});
