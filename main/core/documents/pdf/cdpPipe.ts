/**
 * A Chromium started with `--remote-debugging-pipe`, driven over the DevTools protocol (CDP):
 * JSON messages, each ended by a NUL byte, written to the browser's fd 3 and read from its fd 4.
 *
 * Why not playwright-core, which the engine used before: the engine needs eight CDP commands, and
 * loading playwright-core costs the core process ~90 MB of resident memory (its client and server
 * live in one bundle) — a fifth of the 500 MB the whole render may take. A pipe rather
 * than `--remote-debugging-port` so that no other program on the PC can connect to the browser.
 * Types come from the `devtools-protocol` package (types only, nothing of it is loaded at run time).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { ProtocolMapping } from 'devtools-protocol/types/protocol-mapping.js';

type Commands = ProtocolMapping.Commands;
type Events = ProtocolMapping.Events;
export type CdpParams<M extends keyof Commands> = Commands[M]['paramsType'] extends []
  ? undefined
  : NonNullable<Commands[M]['paramsType'][0]>;
export type CdpResult<M extends keyof Commands> = Commands[M]['returnType'];
export type CdpEventListener = <E extends keyof Events>(
  method: E,
  params: Events[E][0],
  sessionId: string | undefined,
) => void;

/** A failed CDP call, or a connection that ended: the engine turns both into its Chinese error. */
export class CdpError extends Error {}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  method: string;
  sessionId?: string;
}

export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<CdpEventListener>();
  private buffered: Buffer[] = [];
  private closedWith: Error | null = null;

  constructor(
    private readonly out: Writable,
    input: Readable,
  ) {
    input.on('data', (chunk: Buffer) => this.receive(chunk));
    input.on('close', () => this.close(new CdpError('浏览器连接已断开')));
    input.on('error', (e) => this.close(new CdpError(`浏览器连接出错：${e.message}`)));
    out.on('error', (e) => this.close(new CdpError(`浏览器连接出错：${e.message}`)));
  }

  send<M extends keyof Commands>(method: M, params?: CdpParams<M>, sessionId?: string): Promise<CdpResult<M>> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params: params ?? {}, ...(sessionId ? { sessionId } : {}) });
    return new Promise<CdpResult<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method, sessionId });
      this.out.write(message);
      this.out.write('\0');
    });
  }

  /** Every event of every session; returns a function that stops listening. */
  onEvent(listener: CdpEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fails every call still waiting on `sessionId` (a page that crashed or closed will not answer). */
  failSession(sessionId: string, error: Error): void {
    for (const [id, p] of this.pending)
      if (p.sessionId === sessionId) {
        this.pending.delete(id);
        p.reject(error);
      }
  }

  get closed(): boolean {
    return this.closedWith !== null;
  }

  close(error: Error = new CdpError('浏览器连接已关闭')): void {
    if (this.closedWith) return;
    this.closedWith = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.buffered.push(chunk.subarray(start, end));
      const text = Buffer.concat(this.buffered).toString('utf8');
      this.buffered = [];
      start = end + 1;
      this.dispatch(text);
    }
    if (start < chunk.length) this.buffered.push(chunk.subarray(start));
  }

  private dispatch(text: string): void {
    let msg: {
      id?: number;
      method?: string;
      params?: unknown;
      result?: unknown;
      error?: { message: string };
      sessionId?: string;
    };
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    } // not CDP: nothing waits on it
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new CdpError(`${p.method}: ${msg.error.message}`));
      else p.resolve(msg.result);
      return;
    }
    if (msg.method) {
      for (const l of this.listeners) l(msg.method as keyof Events, msg.params as never, msg.sessionId);
    }
  }
}

/** `profile`: the throw-away profile folder, removed when the browser exits. */
export interface LaunchedChromium {
  cdp: CdpConnection;
  process: ChildProcess;
  profile: string;
  exited: Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the browser headless with a throw-away profile, connected by pipe. Resolves once the
 * browser answers a first command, so a program that is not a Chromium (or dies at start) fails here.
 */
export async function launchChromium(
  executablePath: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  startTimeoutMs = 30_000,
): Promise<LaunchedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'anjuan-chromium-'));
  const child = spawn(
    executablePath,
    [...args, `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
    {
      env,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString('utf8');
  });
  const cdp = new CdpConnection(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  }).then(() => {
    cdp.close(new CdpError('浏览器进程已退出'));
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  });
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      await Promise.race([cdp.send('Browser.close').catch(() => undefined), exited]);
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    await exited;
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      cdp.send('Browser.getVersion'),
      new Promise<never>((_, reject) => {
        child.once('error', (e) => reject(e));
      }),
      exited.then(() => {
        throw new CdpError('exited');
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new CdpError(`浏览器${Math.round(startTimeoutMs / 1000)}秒内未响应`)),
          startTimeoutMs,
        );
      }),
    ]);
  } catch (e) {
    // A browser that dies at start may break the pipe before its exit is seen: give the exit a
    // moment, so that the user reads why it died (its last stderr line) rather than "EPIPE".
    const diedAlone =
      (e as NodeJS.ErrnoException).code === undefined &&
      (await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1000))]));
    if (diedAlone) throw new CdpError(`浏览器启动后立即退出：${lastLine(stderr)}`);
    child.kill('SIGKILL');
    await exited;
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return { cdp, process: child, profile, exited, close };
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((l) => !/dbus|crashpad/i.test(l))
      .pop() ?? ''
  );
}
