import { describe, expect, it, vi } from 'vitest';
import type { Envelope, Reply } from '#common/client.js';
import { createElectronPdfPort } from '#core/documents/pdf/electronWire.js';
import { answer, serveCore, type ParentPortLike } from './utility.js';
import { AppError } from '#common/errors.js';

// The transport is tested on its own: a fake core is passed in, the real one is never opened.
vi.mock('#core/core.js', () => ({ createCore: vi.fn() }));

function fakePort() {
  const sent: unknown[] = [];
  let listener: ((e: { data: unknown }) => void) | null = null;
  const port: ParentPortLike = {
    on: (_e, l) => {
      listener = l;
    },
    postMessage: (m) => {
      sent.push(m);
    },
  };
  return { port, sent, deliver: (data: unknown) => listener!({ data }) };
}

const okCore = (dispatch: (e: Envelope) => Promise<Reply<unknown>> = async (e) => ({ ok: true, value: e.op })) => ({
  dispatch: vi.fn(dispatch),
  close: vi.fn(async () => {}),
});

const opts = () => ({ log: vi.fn(), exit: vi.fn() });

describe('utility process transport', () => {
  it('answers { id, envelope } with { id, reply } from dispatch', async () => {
    const { port, sent } = fakePort();
    const core = okCore();
    await answer({ id: 7, envelope: { op: 'app.info', input: {} } }, Promise.resolve(core), port, opts());
    expect(sent).toEqual([{ id: 7, reply: { ok: true, value: 'app.info' } }]);
    expect(core.dispatch).toHaveBeenCalledWith({ op: 'app.info', input: {}, transport: 'ipc' });
  });

  it('stamps the transport as ipc, whatever the message said (only the CLI may name files)', async () => {
    const { port } = fakePort();
    const core = okCore();
    await answer(
      { id: 8, envelope: { op: 'laws.import', input: { path: '/etc' }, token: 't', transport: 'cli' } },
      Promise.resolve(core),
      port,
      opts(),
    );
    expect(core.dispatch).toHaveBeenCalledWith({
      op: 'laws.import',
      input: { path: '/etc' },
      token: 't',
      transport: 'ipc',
    });
  });

  it('answers bad messages with a VALIDATION value and keeps running', async () => {
    const { port, sent } = fakePort();
    const o = opts();
    const core = okCore();
    for (const bad of [
      null,
      'x',
      42,
      {},
      { id: 'a', envelope: { op: 'x' } },
      { id: 3 },
      { id: 4, envelope: { input: {} } },
      { id: 5, envelope: 'x' },
    ]) {
      await answer(bad, Promise.resolve(core), port, o);
    }
    expect(sent).toHaveLength(8);
    for (const m of sent) expect(m).toMatchObject({ reply: { ok: false, error: { code: 'VALIDATION' } } });
    expect((sent as { id: unknown }[]).map((m) => m.id)).toEqual([null, null, null, null, null, 3, 4, 5]);
    expect(core.dispatch).not.toHaveBeenCalled();
    expect(o.exit).not.toHaveBeenCalled();
  });

  it('answers pings and shuts down cleanly', async () => {
    const { port, sent } = fakePort();
    const o = opts();
    const core = okCore();
    await answer({ id: 9, ping: true }, Promise.resolve(core), port, o);
    expect(sent).toEqual([{ id: 9, pong: true }]);
    await answer({ shutdown: true }, Promise.resolve(core), port, o);
    expect(core.close).toHaveBeenCalled();
    expect(o.exit).toHaveBeenCalledWith(0);
  });

  it('turns a core that failed to start, or a throwing dispatch, into INTERNAL values', async () => {
    const { port, sent } = fakePort();
    const o = opts();
    const failed = Promise.reject(new Error('SQLITE_CANTOPEN'));
    failed.catch(() => {});
    await answer({ id: 1, envelope: { op: 'app.info', input: {} } }, failed, port, o);
    await answer(
      { id: 2, envelope: { op: 'app.info', input: {} } },
      Promise.resolve(
        okCore(async () => {
          throw new Error('boom');
        }),
      ),
      port,
      o,
    );
    expect(sent).toEqual([
      { id: 1, reply: { ok: false, error: { code: 'INTERNAL', message: '系统内部错误：SQLITE_CANTOPEN' } } },
      { id: 2, reply: { ok: false, error: { code: 'INTERNAL', message: '系统内部错误：boom' } } },
    ]);
    expect(o.log).toHaveBeenCalledTimes(2);
  });

  it("passes on a damaged database's own message when the core refused to start", async () => {
    const { port, sent } = fakePort();
    const failed = Promise.reject(
      new AppError('DATABASE_CORRUPT', '数据库文件已损坏，案卷工作站没有启动：……恢复方法：……', { restoreCommand: 'x' }),
    );
    failed.catch(() => {});
    await answer({ id: 3, envelope: { op: 'app.info', input: {} } }, failed, port, opts());
    expect(sent).toEqual([
      {
        id: 3,
        reply: {
          ok: false,
          error: {
            code: 'DATABASE_CORRUPT',
            message: '数据库文件已损坏，案卷工作站没有启动：……恢复方法：……',
            details: { restoreCommand: 'x' },
          },
        },
      },
    ]);
  });

  it('answers with an error when the reply cannot be posted (not cloneable)', async () => {
    const sent: unknown[] = [];
    const port: ParentPortLike = {
      on: () => {},
      postMessage: (m) => {
        if (sent.length === 0 && (m as { reply: Reply<unknown> }).reply.ok) {
          sent.push('refused');
          throw new Error('could not be cloned');
        }
        sent.push(m);
      },
    };
    await answer({ id: 1, envelope: { op: 'app.info', input: {} } }, Promise.resolve(okCore()), port, opts());
    expect(sent).toEqual([
      'refused',
      { id: 1, reply: { ok: false, error: { code: 'INTERNAL', message: '结果无法传回界面' } } },
    ]);
  });

  it('serveCore wires the port: message events carry the data in .data', async () => {
    const { port, sent, deliver } = fakePort();
    serveCore(port, Promise.resolve(okCore()), opts());
    deliver({ id: 1, envelope: { op: 'cases.list', input: {} } });
    await vi.waitFor(() => expect(sent).toEqual([{ id: 1, reply: { ok: true, value: 'cases.list' } }]));
  });

  it("hands the shell's PDF answers to the PDF port, not to dispatch, and still answers operations", async () => {
    const { port, sent, deliver } = fakePort();
    const pdf = createElectronPdfPort((m) => port.postMessage(m));
    const core = okCore();
    serveCore(port, Promise.resolve(core), { ...opts(), pdfReplies: pdf });
    const asked = pdf.channel.request('/tmp/fonts', null, 1_000);
    expect(sent).toEqual([{ pdfRender: { id: 1, fontsDir: '/tmp/fonts', job: null } }]);
    deliver({ pdfRendered: { id: 1, ok: true } });
    expect(await asked).toEqual({ id: 1, ok: true });
    deliver({ id: 2, envelope: { op: 'app.info', input: {} } });
    await vi.waitFor(() => expect(sent).toContainEqual({ id: 2, reply: { ok: true, value: 'app.info' } }));
    expect(core.dispatch).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(2); // the PDF answer itself got no VALIDATION reply
  });
});
