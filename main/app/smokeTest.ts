/**
 * The packaged app's self-test, run by the release job on the real binary: started with
 * ANJUAN_SMOKE_TEST=<report file> (and ANJUAN_DEMO=1, ANJUAN_DATA_DIR=<empty folder>), the app opens
 * as usual, then asks its core — a utilityProcess forked from inside app.asar, with better-sqlite3-multiple-ciphers
 * rebuilt for Electron — for app.info, logs in as the demo head and prints the sample 送达回证 with
 * the Electron PDF engine (a hidden sandboxed window). It writes what happened to the report file as
 * JSON and quits with 0 only when all of it worked. Nothing else is done with the variable set.
 */
import type { Envelope, Reply } from '#common/client.js';

export interface SmokeReport {
  ok: boolean;
  version: string;
  versions: Record<string, string | undefined>;
  steps: { step: string; ok: boolean; detail?: string }[];
}

export interface SmokeDeps {
  request(envelope: Envelope, timeoutMs: number): Promise<Reply<unknown>>;
  version: string;
  versions: Record<string, string | undefined>;
}

export async function runSmokeTest(deps: SmokeDeps): Promise<SmokeReport> {
  const report: SmokeReport = { ok: false, version: deps.version, versions: deps.versions, steps: [] };
  const step = async (name: string, envelope: Envelope, timeoutMs = 60_000): Promise<unknown> => {
    const r = await deps.request(envelope, timeoutMs);
    report.steps.push(
      r.ok ? { step: name, ok: true } : { step: name, ok: false, detail: `${r.error.code}：${r.error.message}` },
    );
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  try {
    await step('app.info', { op: 'app.info', input: {}, token: null });
    const { token } = (await step('session.login', {
      op: 'session.login',
      input: { username: 'head', password: 'head123' },
      token: null,
    })) as { token: string };
    const printed = (await step('pdf.test', { op: 'pdf.test', input: { engine: 'electron' }, token }, 120_000)) as {
      engine: string;
      pages: number;
    };
    report.steps.push({
      step: 'pdf.pages',
      ok: printed.engine === 'electron' && printed.pages >= 1,
      detail: `${printed.engine} ${printed.pages}`,
    });
    report.ok = report.steps.every((s) => s.ok);
  } catch {
    report.ok = false;
  }
  return report;
}
