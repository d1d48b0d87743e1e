/**
 * Whether the built-in engine's Chromium runs with its sandbox. The engine renders DOCX
 * files that came from outside (a template a bureau loaded, a 修改稿 edited in Word): a bug in
 * Chromium's DOCX-to-HTML path (docx-preview, Blink, Skia) must not become code running with the
 * clerk's rights. So the sandbox is on wherever the operating system allows it:
 * - Windows and macOS: always (Chromium's sandbox needs nothing from the system there).
 * - Linux: Chromium's namespace sandbox needs unprivileged user namespaces, or the setuid helper
 *   (`chrome-sandbox`, owned by root with the setuid bit) next to the browser. Chromium refuses to
 *   start sandboxed as root (uid 0): a web host or CLI run as root prints without it.
 * The plan is a pure function of the facts (tested as such); `readSandboxFacts` reads them, and
 * `launchWithSandbox` still falls back when a sandboxed start fails (an AppArmor rule, a kernel
 * without namespaces we could not see), with a Chinese warning in the log. Under Electron the
 * 'electron' engine prints from a sandboxed window instead (main/app/pdfRenderer.ts).
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface SandboxFacts {
  platform: NodeJS.Platform;
  /** The process's user id (`process.getuid()`), null where there is none (Windows). */
  uid: number | null;
  /** `/proc/sys/kernel/unprivileged_userns_clone` (Debian/Ubuntu kernels): '0' forbids; null when absent (allowed). */
  usernsClone: string | null;
  /** `/proc/sys/user/max_user_namespaces`: '0' forbids user namespaces altogether. */
  maxUserNamespaces: string | null;
  /** A setuid-root sandbox helper next to the browser (`chrome-sandbox`, `msedge-sandbox`). */
  setuidHelper: boolean;
}

export type SandboxPlan = { sandbox: true } | { sandbox: false; reason: string };

export function chromiumSandboxPlan(f: SandboxFacts): SandboxPlan {
  if (f.platform === 'win32' || f.platform === 'darwin') return { sandbox: true };
  if (f.uid === 0) return { sandbox: false, reason: '程序以root（超级用户）身份运行，Chromium在root下不能启用沙箱' };
  if (f.setuidHelper) return { sandbox: true };
  if (f.usernsClone?.trim() === '0') {
    return {
      sandbox: false,
      reason: '系统禁止非特权用户命名空间（kernel.unprivileged_userns_clone=0），且浏览器旁没有setuid沙箱辅助程序',
    };
  }
  if (f.maxUserNamespaces?.trim() === '0') {
    return {
      sandbox: false,
      reason: '系统未开放用户命名空间（user.max_user_namespaces=0），且浏览器旁没有setuid沙箱辅助程序',
    };
  }
  return { sandbox: true };
}

function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function isSetuidRoot(file: string): boolean {
  try {
    const s = statSync(file);
    return s.isFile() && s.uid === 0 && (s.mode & 0o4000) !== 0;
  } catch {
    return false;
  }
}

/** The facts of this machine for the browser at `executablePath`. */
export function readSandboxFacts(executablePath: string, platform: NodeJS.Platform = process.platform): SandboxFacts {
  const dirs = new Set([dirname(executablePath)]);
  try {
    dirs.add(dirname(realpathSync(executablePath)));
  } catch {
    /* a missing browser is reported by the launch */
  }
  // Debian's /usr/bin/chromium is a shell script in front of /usr/lib/chromium/chromium.
  if (executablePath === '/usr/bin/chromium') dirs.add('/usr/lib/chromium');
  const setuidHelper =
    platform === 'linux' &&
    [...dirs].some((d) => ['chrome-sandbox', 'msedge-sandbox'].some((n) => isSetuidRoot(join(d, n))));
  return {
    platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    usernsClone: platform === 'linux' ? readProc('/proc/sys/kernel/unprivileged_userns_clone') : null,
    maxUserNamespaces: platform === 'linux' ? readProc('/proc/sys/user/max_user_namespaces') : null,
    setuidHelper,
  };
}

/** The flag that turns the sandbox off; the engine adds it only when the plan (or the fallback) says so. */
export const noSandboxFlag = '--no-sandbox';

/**
 * Starts the browser as the plan says. A sandboxed start that fails is tried once more without the
 * sandbox, and the log says why in Chinese; the caller keeps `sandboxed` so later starts skip the
 * failing attempt.
 */
export async function launchWithSandbox<T>(
  plan: SandboxPlan,
  launch: (sandbox: boolean) => Promise<T>,
  log: (message: string) => void,
): Promise<{ browser: T; sandboxed: boolean }> {
  if (!plan.sandbox) {
    // An empty reason: the caller said it already (a restart of the same engine).
    if (plan.reason)
      log(
        `警告：内置PDF引擎的Chromium未启用沙箱：${plan.reason}。文书仍在不联网、只能读取本程序所给文件的页面中排版，但浏览器内核的漏洞不再受沙箱隔离；请以普通用户身份运行，或改用LibreOffice引擎。`,
      );
    return { browser: await launch(false), sandboxed: false };
  }
  try {
    return { browser: await launch(true), sandboxed: true };
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    log(
      `警告：Chromium不能在沙箱中启动（${why}），已改为不启用沙箱运行。可能是系统限制了用户命名空间（如AppArmor的kernel.apparmor_restrict_unprivileged_userns），请信息中心检查；或改用LibreOffice引擎。`,
    );
    return { browser: await launch(false), sandboxed: false };
  }
}
