import { describe, expect, it, vi } from 'vitest';
import { createBridge } from './bridge.js';
import { printChannel, sendChannel } from './channels.js';

describe('createBridge', () => {
  it('exposes exactly platform, send and printPdf, frozen', () => {
    const b = createBridge(async () => null);
    expect(Object.keys(b).sort()).toEqual(['platform', 'printPdf', 'send']);
    expect(b.platform).toBe('electron');
    expect(Object.isFrozen(b)).toBe(true);
  });

  it('sends a plain copy of the envelope on anjuan:send', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
    const b = createBridge(invoke);
    const envelope = Object.assign(Object.create({ inherited: 1 }) as object, { op: 'cases.list', input: { q: '化工' }, extra: 'x' });
    expect(await b.send(envelope as never)).toEqual({ ok: true, value: 1 });
    expect(invoke).toHaveBeenCalledWith(sendChannel, { op: 'cases.list', input: { q: '化工' }, token: null });
  });

  it('prints on anjuan:print with only title and PDF', async () => {
    const invoke = vi.fn(async () => ({ ok: true }));
    await createBridge(invoke).printPdf({ title: '决定书', pdfBase64: 'JVBERi0=', evil: () => 1 } as never);
    expect(invoke).toHaveBeenCalledWith(printChannel, { title: '决定书', pdfBase64: 'JVBERi0=' });
  });

  it('turns a broken channel into values, never a rejected promise', async () => {
    const b = createBridge(async () => { throw new Error("Error invoking remote method 'anjuan:send'"); });
    expect(await b.send({ op: 'app.info', input: {} })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await b.printPdf({ title: 't', pdfBase64: 'x' })).toMatchObject({ ok: false });
  });
});
