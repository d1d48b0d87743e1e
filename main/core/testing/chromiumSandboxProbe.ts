/**
 * Run by chromiumSandbox.test.ts as an unprivileged user (runuser): the built-in engine prints one
 * document with this machine's sandbox plan, then prints one JSON line — whether the engine says it
 * is sandboxed and what it printed — and keeps the browser running until its stdin closes, so that
 * the test (root) can look at the browser's processes: their flags and seccomp state.
 */
import { ChromiumEngine } from '../documents/pdf/chromium.js';
import { sampleDocx } from '../documents/fixtures.js';
import { loadManifest } from '../documents/manifest.js';

const warnings: string[] = [];
const engine = new ChromiumEngine({ timeoutMs: 60_000, log: (m) => warnings.push(m) });
try {
  const pdf = await engine.convert(sampleDocx(loadManifest().find((t) => t.id === 'service-receipt')!));
  process.stdout.write(`${JSON.stringify({ ok: true, sandboxed: engine.sandboxed, pages: pdf.pages, warnings })}\n`);
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.on('end', resolve));
} catch (e) {
  process.stdout.write(`${JSON.stringify({ ok: false, message: (e as Error).message, warnings })}\n`);
} finally {
  await engine.close();
}
