import { describe, expect, it } from 'vitest';
import type { Envelope, Reply } from '#common/client.js';
import { runSmokeTest } from './smokeTest.js';

const versions = { electron: '45.6.1', node: '22.20.0', chrome: '146.0.0.0' };

describe('runSmokeTest', () => {
  it('asks the core for app.info, logs in and prints with the Electron engine; ok only when all worked', async () => {
    const seen: Envelope[] = [];
    const answers: Record<string, Reply<unknown>> = {
      'app.info': { ok: true, value: {} },
      'session.login': { ok: true, value: { token: 't0k' } },
      'pdf.test': { ok: true, value: { engine: 'electron', pages: 1, ms: 900 } },
    };
    const report = await runSmokeTest({
      version: '0.2.0',
      versions,
      request: async (e) => {
        seen.push(e);
        return answers[e.op]!;
      },
    });
    expect(report).toEqual({
      ok: true,
      version: '0.2.0',
      versions,
      steps: [
        { step: 'app.info', ok: true },
        { step: 'session.login', ok: true },
        { step: 'pdf.test', ok: true },
        { step: 'pdf.pages', ok: true, detail: 'electron 1' },
      ],
    });
    expect(seen.map((e) => [e.op, e.token])).toEqual([
      ['app.info', null],
      ['session.login', null],
      ['pdf.test', 't0k'],
    ]);
    expect(seen[2]!.input).toEqual({ engine: 'electron' });
  });

  it('a core that cannot start (better-sqlite3-multiple-ciphers built for another ABI) fails the test with the reason', async () => {
    const report = await runSmokeTest({
      version: '0.2.0',
      versions,
      request: async () => ({
        ok: false,
        error: {
          code: 'INTERNAL',
          message: '系统内部错误：The module was compiled against a different Node.js version',
        },
      }),
    });
    expect(report.ok).toBe(false);
    expect(report.steps).toEqual([
      {
        step: 'app.info',
        ok: false,
        detail: 'INTERNAL：系统内部错误：The module was compiled against a different Node.js version',
      },
    ]);
  });

  it('a PDF from another engine does not count', async () => {
    const answers: Record<string, Reply<unknown>> = {
      'app.info': { ok: true, value: {} },
      'session.login': { ok: true, value: { token: 't' } },
      'pdf.test': { ok: true, value: { engine: 'chromium', pages: 1, ms: 1 } },
    };
    expect((await runSmokeTest({ version: '0.2.0', versions, request: async (e) => answers[e.op]! })).ok).toBe(false);
  });
});
