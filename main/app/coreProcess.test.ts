import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '#common/client.js';
import { isReply, startCoreProcess, type CoreChild } from './coreProcess.js';

/** A scripted stand-in for the utilityProcess: records what it receives; the test decides the answers. */
class FakeChild implements CoreChild {
  received: unknown[] = [];
  killed = false;
  private listeners: { message: ((m: unknown) => void)[]; exit: ((c: number) => void)[] } = { message: [], exit: [] };
  autoPong = true;
  on(event: 'message' | 'exit', listener: ((m: unknown) => void) & ((c: number) => void)): this {
    this.listeners[event].push(listener);
    return this;
  }
  postMessage(message: unknown): void {
    if (this.killed) throw new Error('dead');
    this.received.push(message);
    const m = message as { id: number; ping?: boolean };
    if (m.ping && this.autoPong) queueMicrotask(() => this.emit({ id: m.id, pong: true }));
  }
  kill(): boolean {
    if (this.killed) return false;
    this.killed = true;
    queueMicrotask(() => this.exit(143));
    return true;
  }
  emit(message: unknown): void {
    for (const l of this.listeners.message) l(message);
  }
  exit(code: number): void {
    for (const l of this.listeners.exit) l(code);
  }
  requests(): { id: number; envelope: Envelope }[] {
    return this.received.filter(
      (m): m is { id: number; envelope: Envelope } => typeof m === 'object' && m !== null && 'envelope' in m,
    );
  }
}

function setup(maxRestartsPerMinute?: number) {
  const children: FakeChild[] = [];
  const log = vi.fn();
  const core = startCoreProcess({
    fork: () => {
      const c = new FakeChild();
      children.push(c);
      return c;
    },
    log,
    pingTimeoutMs: 1_000,
    maxRestartsPerMinute,
    now: () => Date.now(),
  });
  return { core, children, log, last: () => children[children.length - 1]! };
}

const env = (op = 'cases.list'): Envelope => ({ op, input: {}, token: null });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('isReply', () => {
  it('accepts only well-formed replies', () => {
    expect(isReply({ ok: true, value: 1 })).toBe(true);
    expect(isReply({ ok: false, error: { code: 'NOT_FOUND', message: 'x' } })).toBe(true);
    for (const bad of [
      null,
      1,
      {},
      { ok: true },
      { ok: false, error: 'x' },
      { ok: false, error: { code: 'MADE_UP', message: 'x' } },
    ]) {
      expect(isReply(bad)).toBe(false);
    }
  });
});

describe('startCoreProcess', () => {
  it('forks once and matches replies to requests by id, whatever their order', async () => {
    const { core, children, last } = setup();
    expect(children).toHaveLength(1);
    const a = core.request(env('cases.list'), 30_000);
    const b = core.request(env('officers.list'), 30_000);
    const [ra, rb] = last().requests();
    last().emit({ id: rb!.id, reply: { ok: true, value: 'B' } });
    last().emit({ id: ra!.id, reply: { ok: true, value: 'A' } });
    expect(await a).toEqual({ ok: true, value: 'A' });
    expect(await b).toEqual({ ok: true, value: 'B' });
  });

  it('ignores a reply replayed twice, a late reply and stray messages', async () => {
    const { core, last, log } = setup();
    const p = core.request(env(), 30_000);
    const [r] = last().requests();
    last().emit({ id: r!.id, reply: { ok: true, value: 1 } });
    last().emit({ id: r!.id, reply: { ok: true, value: 2 } });
    expect(await p).toEqual({ ok: true, value: 1 });
    last().emit({ id: 999, reply: { ok: true, value: 3 } });
    last().emit('junk');
    last().emit(null);
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('turns a malformed reply into an error value', async () => {
    const { core, last } = setup();
    const p = core.request(env(), 30_000);
    last().emit({ id: last().requests()[0]!.id, reply: { weird: true } });
    expect(await p).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: '后台服务返回了无法识别的结果' } });
  });

  it('answers a time-out with a Chinese error value and keeps a core that still answers pings', async () => {
    const { core, children } = setup();
    const p = core.request(env('cases.list'), 30_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await p).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: '操作超时（30秒），请稍后重试',
        details: { reason: 'timeout', op: 'cases.list' },
      },
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(children).toHaveLength(1);
    expect(children[0]!.killed).toBe(false);
  });

  it('restarts a hung core (no pong after a time-out)', async () => {
    const { core, children, last } = setup();
    last().autoPong = false;
    const long = core.request(env('dossier.build'), 5 * 60_000);
    const short = core.request(env('cases.list'), 30_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await short).toMatchObject({ ok: false, error: { details: { reason: 'timeout' } } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(children[0]!.killed).toBe(true);
    // The long request still waiting on the hung core gets an answer too.
    expect(await long).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: '后台服务意外退出，已自动重新启动，请重试该操作' },
    });
    expect(children).toHaveLength(2);
    const again = core.request(env(), 30_000);
    last().emit({ id: last().requests()[0]!.id, reply: { ok: true, value: 'fresh' } });
    expect(await again).toEqual({ ok: true, value: 'fresh' });
  });

  it('fails pending calls and restarts when the core dies', async () => {
    const { core, children } = setup();
    const p = core.request(env(), 30_000);
    children[0]!.exit(1);
    expect(await p).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', details: { reason: 'core-exited', code: 1 } },
    });
    expect(children).toHaveLength(2);
  });

  it('brakes a crash loop, then tries again on the next request', async () => {
    const { core, children, log } = setup(3);
    for (let i = 0; i < 3; i++) children[children.length - 1]!.exit(1);
    expect(children).toHaveLength(3);
    expect(log).toHaveBeenLastCalledWith('后台服务在一分钟内多次退出，暂停自动重启，下一次操作时再试');
    const p = core.request(env(), 30_000);
    expect(children).toHaveLength(4);
    const c = children[3]!;
    c.emit({ id: c.requests()[0]!.id, reply: { ok: true, value: 'ok' } });
    expect(await p).toEqual({ ok: true, value: 'ok' });
  });

  it('stops gracefully: asks the core to shut down, kills it if it lingers, answers later calls', async () => {
    const { core, children } = setup();
    const pending = core.request(env(), 30_000);
    const stopped = core.stop(2_000);
    expect(children[0]!.received).toContainEqual({ shutdown: true });
    await vi.advanceTimersByTimeAsync(2_000);
    await stopped;
    expect(children[0]!.killed).toBe(true);
    expect(await pending).toMatchObject({ ok: false, error: { message: '程序正在退出' } });
    expect(await core.request(env(), 30_000)).toMatchObject({ ok: false, error: { message: '程序正在退出' } });
    expect(children).toHaveLength(1);
  });

  it('stops at once when the core exits on the shutdown message', async () => {
    const { core, children } = setup();
    const stopped = core.stop(60_000);
    children[0]!.exit(0);
    await stopped;
    expect(children[0]!.killed).toBe(false);
  });

  it('survives a fork that throws: logged, each request answered, the next request tries again', async () => {
    let fail = true;
    const log = vi.fn();
    const children: FakeChild[] = [];
    const core = startCoreProcess({
      fork: () => {
        if (fail) throw new Error('ENOENT utility.cjs');
        const c = new FakeChild();
        children.push(c);
        return c;
      },
      log,
    });
    expect(log).toHaveBeenCalledWith('无法启动后台服务：ENOENT utility.cjs');
    expect(await core.request(env(), 30_000)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', details: { reason: 'post-failed' } },
    });
    fail = false;
    const p = core.request(env(), 30_000);
    children[0]!.emit({ id: children[0]!.requests()[0]!.id, reply: { ok: true, value: 'up' } });
    expect(await p).toEqual({ ok: true, value: 'up' });
  });

  // The 'electron' PDF engine: the core asks the shell for PDFs over the same port.
  it("relays the core's PDF requests to the renderer and posts the answer back to that core", async () => {
    const log = vi.fn();
    const children: FakeChild[] = [];
    const onPdfRender = vi.fn(async (r: unknown) => ({
      id: (r as { id: number }).id,
      ok: true,
      pdfBase64: 'JVBERi0=',
    }));
    startCoreProcess({
      fork: () => {
        const c = new FakeChild();
        children.push(c);
        return c;
      },
      log,
      onPdfRender,
    });
    const request = { id: 7, fontsDir: '/tmp/fonts', job: null };
    children[0]!.emit({ pdfRender: request });
    await vi.waitFor(() =>
      expect(children[0]!.received).toContainEqual({ pdfRendered: { id: 7, ok: true, pdfBase64: 'JVBERi0=' } }),
    );
    expect(onPdfRender).toHaveBeenCalledWith(request);
    expect(log).not.toHaveBeenCalled(); // not taken for a stray message
  });

  it('refuses PDF requests in Chinese when no renderer is wired, and drops answers for a core that has since restarted', async () => {
    const { children } = setup();
    children[0]!.emit({ pdfRender: { id: 3, fontsDir: '/f', job: null } });
    await vi.waitFor(() =>
      expect(children[0]!.received).toContainEqual({
        pdfRendered: { id: 3, ok: false, message: '此版本的桌面程序不能生成PDF' },
      }),
    );

    let finish: (v: unknown) => void = () => {};
    const slow: FakeChild[] = [];
    startCoreProcess({
      fork: () => {
        const c = new FakeChild();
        slow.push(c);
        return c;
      },
      log: vi.fn(),
      onPdfRender: () =>
        new Promise((r) => {
          finish = r;
        }),
    });
    slow[0]!.emit({ pdfRender: { id: 1, fontsDir: '/f', job: null } });
    slow[0]!.exit(1);
    expect(slow).toHaveLength(2);
    finish({ id: 1, ok: true });
    await vi.advanceTimersByTimeAsync(0);
    for (const c of slow)
      expect(c.received.filter((m) => typeof m === 'object' && m !== null && 'pdfRendered' in m)).toEqual([]);
  });
});

describe("the shell's own messages (the updater)", () => {
  it("hands the core's updater messages to onCoreMessage, posts to the running core, and says when a core (re)starts", async () => {
    const children: FakeChild[] = [];
    const taken: unknown[] = [];
    const started = vi.fn();
    const core = startCoreProcess({
      fork: () => {
        const c = new FakeChild();
        children.push(c);
        return c;
      },
      log: vi.fn(),
      onCoreMessage: (m) => {
        if ((m as { updateCheck?: unknown }).updateCheck) {
          taken.push(m);
          return true;
        }
        return false;
      },
      onStarted: started,
    });
    expect(started).toHaveBeenCalledTimes(1);
    children[0]!.emit({ updateCheck: { id: 1 } });
    expect(taken).toEqual([{ updateCheck: { id: 1 } }]);
    expect(core.post({ updateStatus: { state: 'idle' } })).toBe(true);
    expect(children[0]!.received).toContainEqual({ updateStatus: { state: 'idle' } });
    children[0]!.exit(1);
    expect(children).toHaveLength(2);
    expect(started).toHaveBeenCalledTimes(2);
    const stopped = core.stop(10);
    await vi.advanceTimersByTimeAsync(20);
    await stopped;
    expect(core.post({ updateStatus: {} })).toBe(false);
  });
});
