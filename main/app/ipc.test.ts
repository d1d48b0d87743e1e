import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../common/client.js';
import { printChannel, sendChannel } from '../../preload/channels.js';
import { isTrustedSender, longTimeoutMs, parseEnvelope, registerIpc, shortTimeoutMs, timeoutFor, type IpcDeps, type IpcMainLike, type SenderEvent } from './ipc.js';

const appOrigin = 'app://anjuan';

function fakeIpcMain() {
  const handlers = new Map<string, (event: SenderEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => { handlers.set(channel, listener); } };
  return { ipcMain, handlers };
}

function setup() {
  const requests: { envelope: Envelope; timeoutMs: number }[] = [];
  const deps: IpcDeps = {
    appOrigin,
    core: { request: async (envelope, timeoutMs) => { requests.push({ envelope, timeoutMs }); return { ok: true, value: { echoed: envelope.op } }; } },
    print: vi.fn(async () => ({ ok: true, message: '已发送到打印机' })),
    log: vi.fn(),
  };
  const { ipcMain, handlers } = fakeIpcMain();
  registerIpc(ipcMain, deps);
  const send = (event: SenderEvent, raw: unknown) => handlers.get(sendChannel)!(event, raw);
  const print = (event: SenderEvent, raw: unknown) => handlers.get(printChannel)!(event, raw);
  return { deps, requests, send, print, handlers };
}

const fromApp: SenderEvent = { senderFrame: { url: 'app://anjuan/index.html#/cases', parent: null } };

describe('isTrustedSender', () => {
  it('trusts only the app origin', () => {
    expect(isTrustedSender('app://anjuan/index.html', appOrigin)).toBe(true);
    for (const u of ['app://print/index.html', 'https://evil.example/', 'file:///index.html', 'about:blank', 'app://anjuan@evil/', '', null, undefined]) {
      expect(isTrustedSender(u, appOrigin), String(u)).toBe(false);
    }
  });
});

describe('parseEnvelope', () => {
  it('keeps exactly op, input and token', () => {
    const r = parseEnvelope({ op: 'cases.get', input: { caseId: 'c1' }, token: 't', extra: 'dropped', __proto__: { polluted: true } });
    expect(r).toEqual({ ok: true, envelope: { op: 'cases.get', input: { caseId: 'c1' }, token: 't', transport: 'ipc' } });
    expect(parseEnvelope({ op: 'app.info', input: {} })).toEqual({ ok: true, envelope: { op: 'app.info', input: {}, token: null, transport: 'ipc' } });
    // Issue 11: the page cannot pass itself off as the CLI (which alone may name files by path).
    expect(parseEnvelope({ op: 'laws.import', input: { path: '/etc' }, token: 't', transport: 'cli' })).toMatchObject({ ok: true, envelope: { transport: 'ipc' } });
  });

  it('answers unknown operations and bad shapes with error values', () => {
    expect(parseEnvelope({ op: 'fs.readFile', input: {} })).toMatchObject({ ok: false, reply: { ok: false, error: { code: 'UNKNOWN_OPERATION' } } });
    // Names that exist on every object are not operations.
    for (const op of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(parseEnvelope({ op, input: {} })).toMatchObject({ ok: false, reply: { error: { code: 'UNKNOWN_OPERATION' } } });
    }
    for (const bad of [null, undefined, 'cases.list', 42, [], { input: {} }, { op: 1, input: {} }, { op: 'cases.list' },
      { op: 'cases.list', input: null }, { op: 'cases.list', input: [] }, { op: 'cases.list', input: 'x' }, { op: 'cases.list', input: {}, token: 5 }]) {
      expect(parseEnvelope(bad), JSON.stringify(bad)).toMatchObject({ ok: false, reply: { ok: false, error: { code: 'VALIDATION' } } });
    }
  });
});

describe('timeoutFor', () => {
  it('gives long operations 5 minutes and the rest 30 seconds', () => {
    expect(timeoutFor('dossier.build')).toBe(longTimeoutMs);
    expect(timeoutFor('documents.pdf')).toBe(5 * 60_000);
    expect(timeoutFor('cases.list')).toBe(shortTimeoutMs);
    expect(timeoutFor('session.login')).toBe(30_000);
  });
});

describe('anjuan:send', () => {
  it('relays a valid envelope from the app page with its time-out', async () => {
    const t = setup();
    expect(await t.send(fromApp, { op: 'dossier.build', input: { caseId: 'c1' }, token: 'tk' })).toEqual({ ok: true, value: { echoed: 'dossier.build' } });
    expect(t.requests).toEqual([{ envelope: { op: 'dossier.build', input: { caseId: 'c1' }, token: 'tk', transport: 'ipc' }, timeoutMs: longTimeoutMs }]);
  });

  it('answers a bad envelope itself, without bothering the core', async () => {
    const t = setup();
    expect(await t.send(fromApp, { op: 'nope', input: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await t.send(fromApp, 'garbage')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.requests).toEqual([]);
  });

  it('rejects any other sender: remote page, sub-frame, print page, vanished frame', async () => {
    const t = setup();
    const strangers: SenderEvent[] = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'app://anjuan/index.html', parent: { url: 'app://anjuan/index.html' } } },
      { senderFrame: { url: 'app://print/index.html', parent: null } },
      { senderFrame: null },
    ];
    for (const event of strangers) {
      await expect(t.send(event, { op: 'app.info', input: {} })).rejects.toThrow('拒绝');
      await expect(t.print(event, { title: 't', pdfBase64: 'x' })).rejects.toThrow('拒绝');
    }
    expect(t.requests).toEqual([]);
    expect(t.deps.print).not.toHaveBeenCalled();
    expect(t.deps.log).toHaveBeenCalledTimes(8);
  });

  it('replaying the same envelope twice sends it twice: the core decides (stale versions, idempotence)', async () => {
    const t = setup();
    const e = { op: 'cases.act', input: { caseId: 'c1' } };
    await t.send(fromApp, e);
    await t.send(fromApp, e);
    expect(t.requests).toHaveLength(2);
  });
});

describe('anjuan:print', () => {
  it('passes the request from the app page to the printer', async () => {
    const t = setup();
    expect(await t.print(fromApp, { title: 't', pdfBase64: 'x' })).toEqual({ ok: true, message: '已发送到打印机' });
    expect(t.deps.print).toHaveBeenCalledWith({ title: 't', pdfBase64: 'x' });
  });

  it('registers exactly the two channels', () => {
    expect([...setup().handlers.keys()].sort()).toEqual([printChannel, sendChannel].sort());
  });
});

describe('preload bridge ↔ ipc (the wire contract)', () => {
  it('what window.anjuan sends is what the handlers accept, and their answers come back as is', async () => {
    const { createBridge } = await import('../../preload/bridge.js');
    const t = setup();
    const bridge = createBridge((channel, ...args) => t.handlers.get(channel)!(fromApp, ...args));
    expect(await bridge.send({ op: 'cases.get', input: { caseId: 'c1' }, token: 'tk' })).toEqual({ ok: true, value: { echoed: 'cases.get' } });
    expect(t.requests[0]).toEqual({ envelope: { op: 'cases.get', input: { caseId: 'c1' }, token: 'tk', transport: 'ipc' }, timeoutMs: shortTimeoutMs });
    expect(await bridge.printPdf({ title: 't', pdfBase64: 'x' })).toEqual({ ok: true, message: '已发送到打印机' });
    // A page that is not ours gets a broken channel, surfaced by the bridge as a value.
    const stranger = createBridge((channel, ...args) => t.handlers.get(channel)!({ senderFrame: { url: 'https://evil.example/', parent: null } }, ...args));
    expect(await stranger.send({ op: 'app.info', input: {} })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
