import { describe, expect, it, vi } from 'vitest';
import { createBridge } from './bridge.js';
import { fileChannel, printChannel, sendChannel } from './channels.js';

describe('createBridge', () => {
  it('exposes exactly platform, send, readFile, printPdf, pickFile and uploadPicked, frozen', () => {
    const b = createBridge(async () => null);
    expect(Object.keys(b).sort()).toEqual(['pickFile', 'platform', 'printPdf', 'readFile', 'send', 'uploadPicked']);
    expect(b.platform).toBe('electron');
    expect(Object.isFrozen(b)).toBe(true);
  });

  it('sends a plain copy of the envelope on anjuan:send', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
    const b = createBridge(invoke);
    const envelope = Object.assign(Object.create({ inherited: 1 }) as object, {
      op: 'cases.list',
      input: { q: '化工' },
      extra: 'x',
    });
    expect(await b.send(envelope as never)).toEqual({ ok: true, value: 1 });
    expect(invoke).toHaveBeenCalledWith(sendChannel, { op: 'cases.list', input: { q: '化工' }, token: null });
  });

  it('prints on anjuan:print with only title and the PDF as bytes', async () => {
    const invoke = vi.fn(async () => ({ ok: true }));
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    await createBridge(invoke).printPdf({ title: '决定书', pdf, evil: () => 1 } as never);
    expect(invoke).toHaveBeenCalledWith(printChannel, { title: '决定书', pdf });
  });

  it('reads a file on anjuan:file with only the fields of the request and the token', async () => {
    const invoke = vi.fn(async () => ({
      ok: true,
      value: { hash: 'h', mimeType: 'image/jpeg', bytes: new Uint8Array([1]) },
    }));
    const hash = 'ef'.repeat(32);
    await createBridge(invoke).readFile({ hash, caseId: 'c1', variant: 'thumb', evil: () => 1 } as never, 'tk');
    expect(invoke).toHaveBeenCalledWith(fileChannel, {
      request: { hash, caseId: 'c1', variant: 'thumb' },
      token: 'tk',
    });
  });

  it('turns a broken channel into values, never a rejected promise', async () => {
    const b = createBridge(async () => {
      throw new Error("Error invoking remote method 'anjuan:send'");
    });
    expect(await b.send({ op: 'app.info', input: {} })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await b.printPdf({ title: 't', pdf: new Uint8Array([1]) })).toMatchObject({ ok: false });
    expect(await b.readFile({ hash: 'a'.repeat(64) }, null)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
