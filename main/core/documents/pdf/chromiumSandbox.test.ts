/**
 * The built-in engine's Chromium runs sandboxed wherever the system allows it (it used to
 * start every browser with --no-sandbox). The choice is a pure function of the machine's facts; the
 * real-browser tests check both sides on this machine: as root Chromium cannot be sandboxed (so the
 * plan must say so), and as an ordinary user the engine's renderers really run under seccomp.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it, vi } from 'vitest';
import { launchChromium } from './cdpPipe.js';
import { chromiumExecutable, chromiumLaunchArgs } from './chromium.js';
import {
  chromiumSandboxPlan,
  launchWithSandbox,
  noSandboxFlag,
  readSandboxFacts,
  type SandboxFacts,
} from './chromiumSandbox.js';

const linuxUser: SandboxFacts = {
  platform: 'linux',
  uid: 1000,
  usernsClone: null,
  maxUserNamespaces: '63000\n',
  setuidHelper: false,
};

describe('chromiumSandboxPlan', () => {
  it('sandboxes on Windows and macOS, whoever runs it', () => {
    expect(chromiumSandboxPlan({ ...linuxUser, platform: 'win32', uid: null })).toEqual({ sandbox: true });
    expect(chromiumSandboxPlan({ ...linuxUser, platform: 'darwin', uid: 0 })).toEqual({ sandbox: true });
  });

  it('sandboxes an ordinary Linux user with user namespaces, or with the setuid helper when namespaces are off', () => {
    expect(chromiumSandboxPlan(linuxUser)).toEqual({ sandbox: true });
    expect(chromiumSandboxPlan({ ...linuxUser, usernsClone: '1\n' })).toEqual({ sandbox: true });
    expect(chromiumSandboxPlan({ ...linuxUser, usernsClone: '0\n', setuidHelper: true })).toEqual({ sandbox: true });
    expect(chromiumSandboxPlan({ ...linuxUser, maxUserNamespaces: '0', setuidHelper: true })).toEqual({
      sandbox: true,
    });
  });

  it('says why it cannot: root, namespaces forbidden without a helper', () => {
    const root = chromiumSandboxPlan({ ...linuxUser, uid: 0, setuidHelper: true });
    expect(root).toEqual({ sandbox: false, reason: expect.stringContaining('root') });
    expect(chromiumSandboxPlan({ ...linuxUser, usernsClone: '0\n' })).toEqual({
      sandbox: false,
      reason: expect.stringContaining('unprivileged_userns_clone=0'),
    });
    expect(chromiumSandboxPlan({ ...linuxUser, maxUserNamespaces: '0\n' })).toEqual({
      sandbox: false,
      reason: expect.stringContaining('max_user_namespaces=0'),
    });
  });

  it('the engine no longer turns the sandbox off by itself', () => {
    expect(chromiumLaunchArgs).not.toContain(noSandboxFlag);
  });
});

describe('launchWithSandbox', () => {
  it('starts sandboxed when the plan allows, without a warning', async () => {
    const launch = vi.fn(async (sandbox: boolean) => `browser(${sandbox})`);
    const log = vi.fn();
    await expect(launchWithSandbox({ sandbox: true }, launch, log)).resolves.toEqual({
      browser: 'browser(true)',
      sandboxed: true,
    });
    expect(launch.mock.calls).toEqual([[true]]);
    expect(log).not.toHaveBeenCalled();
  });

  it('falls back to no sandbox when a sandboxed start fails, and says so in Chinese', async () => {
    const launch = vi.fn(async (sandbox: boolean) => {
      if (sandbox) throw new Error('浏览器启动后立即退出：No usable sandbox!');
      return 'plain';
    });
    const log = vi.fn();
    await expect(launchWithSandbox({ sandbox: true }, launch, log)).resolves.toEqual({
      browser: 'plain',
      sandboxed: false,
    });
    expect(launch.mock.calls).toEqual([[true], [false]]);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(
        /^警告：Chromium不能在沙箱中启动（浏览器启动后立即退出：No usable sandbox!），已改为不启用沙箱运行/,
      ),
    );
  });

  it('without a sandbox by plan: one start, the reason in the warning (none when already said)', async () => {
    const launch = vi.fn(async () => 'plain');
    const log = vi.fn();
    await launchWithSandbox({ sandbox: false, reason: '程序以root（超级用户）身份运行' }, launch, log);
    expect(launch.mock.calls).toEqual([[false]]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('未启用沙箱：程序以root（超级用户）身份运行'));
    log.mockClear();
    await launchWithSandbox({ sandbox: false, reason: '' }, launch, log);
    expect(log).not.toHaveBeenCalled();
  });

  it("a failure without the sandbox is the caller's to report", async () => {
    await expect(
      launchWithSandbox(
        { sandbox: false, reason: '' },
        async () => {
          throw new Error('找不到浏览器');
        },
        () => undefined,
      ),
    ).rejects.toThrow('找不到浏览器');
  });
});

const chromium = chromiumExecutable();
const isRoot = process.getuid?.() === 0;
const hasRunuser = (() => {
  try {
    execFileSync('runuser', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!existsSync(chromium)) console.log(`chromiumSandbox.test: real-browser tests skipped: no Chromium at ${chromium}`);

/** Every process under `pid`, with its command line. */
function tree(pid: number): Array<{ pid: number; args: string }> {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)!)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
  const set = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows)
      if (set.has(r.ppid) && !set.has(r.pid)) {
        set.add(r.pid);
        grew = true;
      }
  }
  return rows.filter((r) => r.pid !== pid && set.has(r.pid));
}

const seccomp = (pid: number): string | null =>
  /^Seccomp:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? null;

describe.skipIf(!existsSync(chromium) || process.platform !== 'linux')(
  'on this machine, with the real Chromium',
  () => {
    it.skipIf(!isRoot)(
      'as root the plan turns the sandbox off, because Chromium refuses root without --no-sandbox',
      async () => {
        const plan = chromiumSandboxPlan(readSandboxFacts(chromium));
        expect(plan).toEqual({ sandbox: false, reason: expect.stringContaining('root') });
        await expect(
          launchChromium(chromium, ['--headless', ...chromiumLaunchArgs, '--no-startup-window'], process.env),
        ).rejects.toThrow(/root/i);
      },
      40_000,
    );

    // As an ordinary user (nobody, through runuser) the engine prints with its renderers under seccomp-bpf
    // ("Seccomp: 2") and no process of the browser carries --no-sandbox. Every one did before the sandbox was turned on.
    it.skipIf(!isRoot || !hasRunuser)(
      'as an ordinary user the engine prints sandboxed: renderers under seccomp, no --no-sandbox',
      async () => {
        const home = mkdtempSync(join(tmpdir(), 'anjuan-sandbox-user-'));
        chmodSync(home, 0o777); // the probe's own temp folder: fonts, fontconfig, profile
        const root = join(import.meta.dirname, '..', '..', '..', '..');
        const child = spawn(
          'runuser',
          [
            '-u',
            'nobody',
            '--',
            process.execPath,
            join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
            join(root, 'main', 'core', 'testing', 'chromiumSandboxProbe.ts'),
          ],
          {
            cwd: root,
            env: { PATH: process.env.PATH, HOME: home, TMPDIR: home, ANJUAN_CHROMIUM: chromium },
            stdio: ['pipe', 'pipe', 'inherit'],
          },
        );
        try {
          const line = await new Promise<string>((resolve, reject) => {
            createInterface({ input: child.stdout! }).once('line', resolve);
            child.once('exit', (code) => reject(new Error(`probe exited (${code})`)));
          });
          const result = JSON.parse(line) as {
            ok: boolean;
            sandboxed?: boolean;
            pages?: number;
            message?: string;
            warnings: string[];
          };
          expect(result, result.message).toMatchObject({ ok: true, sandboxed: true, warnings: [] });
          expect(result.pages).toBeGreaterThan(0);
          const procs = tree(child.pid!);
          const chrome = procs.filter((p) => p.args.includes('--remote-debugging-pipe') || p.args.includes('--type='));
          expect(chrome.length).toBeGreaterThan(0);
          expect(chrome.filter((p) => p.args.includes(noSandboxFlag))).toEqual([]);
          const renderers = chrome.filter((p) => p.args.includes('--type=renderer'));
          expect(renderers.length).toBeGreaterThan(0);
          for (const r of renderers) expect(seccomp(r.pid), r.args.slice(0, 120)).toBe('2');
        } finally {
          child.stdin!.end();
          await new Promise((r) => {
            if (child.exitCode !== null) r(null);
            else child.once('exit', r);
          });
          rmSync(home, { recursive: true, force: true });
        }
      },
      120_000,
    );
  },
);
