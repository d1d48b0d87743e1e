import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '#common/client.js';
import { fileChannel, pickFileChannel, printChannel, sendChannel, uploadChannel } from '../../preload/channels.js';
import {
  fileTimeoutMs,
  isTrustedSender,
  longTimeoutMs,
  parseEnvelope,
  registerIpc,
  shortTimeoutMs,
  timeoutFor,
  type IpcDeps,
  type IpcMainLike,
  type SenderEvent,
} from './ipc.js';

const appOrigin = 'app://anjuan';

function fakeIpcMain() {
  const handlers = new Map<string, (event: SenderEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      handlers.set(channel, listener);
    },
  };
  return { ipcMain, handlers };
}

function setup() {
  const requests: { envelope: Envelope; timeoutMs: number }[] = [];
  const files: { request: unknown; token: string | null; timeoutMs: number }[] = [];
  const deps: IpcDeps = {
    appOrigin,
    core: {
      request: async (envelope, timeoutMs) => {
        requests.push({ envelope, timeoutMs });
        return { ok: true, value: { echoed: envelope.op } };
      },
      requestFile: async (request, token, timeoutMs) => {
        files.push({ request, token, timeoutMs });
        return {
          ok: true,
          value: { hash: request.hash, mimeType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff]) },
        };
      },
    },
    print: vi.fn(async () => ({ ok: true, message: '已发送到打印机' })),
    log: vi.fn(),
  };
  const { ipcMain, handlers } = fakeIpcMain();
  registerIpc(ipcMain, deps);
  const send = (event: SenderEvent, raw: unknown) => handlers.get(sendChannel)!(event, raw);
  const print = (event: SenderEvent, raw: unknown) => handlers.get(printChannel)!(event, raw);
  const file = (event: SenderEvent, raw: unknown) => handlers.get(fileChannel)!(event, raw);
  return { deps, requests, files, send, print, file, handlers };
}

const fromApp: SenderEvent = { senderFrame: { url: 'app://anjuan/index.html#/cases', parent: null } };

describe('isTrustedSender', () => {
  it('trusts only the app origin', () => {
    expect(isTrustedSender('app://anjuan/index.html', appOrigin)).toBe(true);
    for (const u of [
      'app://print/index.html',
      'https://evil.example/',
      'file:///index.html',
      'about:blank',
      'app://anjuan@evil/',
      '',
      null,
      undefined,
    ]) {
      expect(isTrustedSender(u, appOrigin), String(u)).toBe(false);
    }
  });
});

describe('parseEnvelope', () => {
  it('keeps exactly op, input and token', () => {
    const r = parseEnvelope({
      op: 'cases.get',
      input: { caseId: 'c1' },
      token: 't',
      extra: 'dropped',
      __proto__: { polluted: true },
    });
    expect(r).toEqual({
      ok: true,
      envelope: { op: 'cases.get', input: { caseId: 'c1' }, token: 't', transport: 'ipc' },
    });
    expect(parseEnvelope({ op: 'app.info', input: {} })).toEqual({
      ok: true,
      envelope: { op: 'app.info', input: {}, token: null, transport: 'ipc' },
    });
    // the page cannot pass itself off as the CLI (which alone may name files by path).
    expect(parseEnvelope({ op: 'laws.import', input: { path: '/etc' }, token: 't', transport: 'cli' })).toMatchObject({
      ok: true,
      envelope: { transport: 'ipc' },
    });
  });

  it('answers unknown operations and bad shapes with error values', () => {
    expect(parseEnvelope({ op: 'fs.readFile', input: {} })).toMatchObject({
      ok: false,
      reply: { ok: false, error: { code: 'UNKNOWN_OPERATION' } },
    });
    // Names that exist on every object are not operations.
    for (const op of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(parseEnvelope({ op, input: {} })).toMatchObject({
        ok: false,
        reply: { error: { code: 'UNKNOWN_OPERATION' } },
      });
    }
    for (const bad of [
      null,
      undefined,
      'cases.list',
      42,
      [],
      { input: {} },
      { op: 1, input: {} },
      { op: 'cases.list' },
      { op: 'cases.list', input: null },
      { op: 'cases.list', input: [] },
      { op: 'cases.list', input: 'x' },
      { op: 'cases.list', input: {}, token: 5 },
    ]) {
      expect(parseEnvelope(bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        reply: { ok: false, error: { code: 'VALIDATION' } },
      });
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
    expect(await t.send(fromApp, { op: 'dossier.build', input: { caseId: 'c1' }, token: 'tk' })).toEqual({
      ok: true,
      value: { echoed: 'dossier.build' },
    });
    expect(t.requests).toEqual([
      {
        envelope: { op: 'dossier.build', input: { caseId: 'c1' }, token: 'tk', transport: 'ipc' },
        timeoutMs: longTimeoutMs,
      },
    ]);
  });

  it('answers a bad envelope itself, without bothering the core', async () => {
    const t = setup();
    expect(await t.send(fromApp, { op: 'nope', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION' },
    });
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
      await expect(t.print(event, { title: 't', pdf: new Uint8Array([1]) })).rejects.toThrow('拒绝');
      await expect(t.file(event, { request: { hash: 'a'.repeat(64) }, token: 't' })).rejects.toThrow('拒绝');
    }
    expect(t.requests).toEqual([]);
    expect(t.files).toEqual([]);
    expect(t.deps.print).not.toHaveBeenCalled();
    expect(t.deps.log).toHaveBeenCalledTimes(12);
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
    expect(await t.print(fromApp, { title: 't', pdf: new Uint8Array([1]) })).toEqual({
      ok: true,
      message: '已发送到打印机',
    });
    expect(t.deps.print).toHaveBeenCalledWith({ title: 't', pdf: new Uint8Array([1]) });
  });

  it('registers exactly the five channels', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(
      [fileChannel, pickFileChannel, printChannel, sendChannel, uploadChannel].sort(),
    );
  });
});

describe('anjuan:file', () => {
  const hash = 'ab'.repeat(32);
  it('relays a clean copy of the request and the token to the core, and hands back bytes', async () => {
    const t = setup();
    const r = await t.file(fromApp, {
      request: { hash, caseId: 'c1', variant: 'thumb', extra: 'dropped' },
      token: 'tk',
      more: 1,
    });
    expect(r).toEqual({ ok: true, value: { hash, mimeType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff]) } });
    expect(t.files).toEqual([
      { request: { hash, caseId: 'c1', variant: 'thumb' }, token: 'tk', timeoutMs: fileTimeoutMs },
    ]);
  });

  it('answers a bad request with a Chinese VALIDATION value, without asking the core', async () => {
    const t = setup();
    for (const bad of [
      null,
      'x',
      [],
      {},
      { request: { hash: 'ABC' } },
      { request: { hash: '../../etc/passwd' } },
      { request: { hash, caseId: '../x' } },
      { request: { hash, variant: 'full' } },
      { request: { hash }, token: 5 },
    ]) {
      expect(await t.file(fromApp, bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(/格式不正确/) },
      });
    }
    expect(t.files).toEqual([]);
  });
});

describe('preload bridge ↔ ipc (the wire contract)', () => {
  it('what window.anjuan sends is what the handlers accept, and their answers come back as is', async () => {
    const { createBridge } = await import('../../preload/bridge.js');
    const t = setup();
    const bridge = createBridge((channel, ...args) => t.handlers.get(channel)!(fromApp, ...args));
    expect(await bridge.send({ op: 'cases.get', input: { caseId: 'c1' }, token: 'tk' })).toEqual({
      ok: true,
      value: { echoed: 'cases.get' },
    });
    expect(t.requests[0]).toEqual({
      envelope: { op: 'cases.get', input: { caseId: 'c1' }, token: 'tk', transport: 'ipc' },
      timeoutMs: shortTimeoutMs,
    });
    expect(await bridge.printPdf({ title: 't', pdf: new Uint8Array([1]) })).toEqual({
      ok: true,
      message: '已发送到打印机',
    });
    const hash = 'cd'.repeat(32);
    expect(await bridge.readFile({ hash, caseId: 'c1' }, 'tk')).toMatchObject({
      ok: true,
      value: { hash, bytes: new Uint8Array([0xff, 0xd8, 0xff]) },
    });
    expect(t.files[0]).toEqual({ request: { hash, caseId: 'c1' }, token: 'tk', timeoutMs: fileTimeoutMs });
    // A page that is not ours gets a broken channel, surfaced by the bridge as a value.
    const stranger = createBridge((channel, ...args) =>
      t.handlers.get(channel)!({ senderFrame: { url: 'https://evil.example/', parent: null } }, ...args),
    );
    expect(await stranger.send({ op: 'app.info', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});
