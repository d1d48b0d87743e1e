/**
 * Vitest setup file, run before every test file. The suite runs without per-file isolation
 * (vitest.config.ts `isolate: false`): a worker imports the core once and runs file after file on it,
 * which saves most of the import time. Modules are shared, so two kinds of file get a fresh module
 * graph before and after them:
 *   - a file that replaces modules (vi.mock, vi.doMock): a module an earlier file cached would keep
 *     the real dependency, and the modules this file loads would keep its stand-in for later files;
 *   - a renderer file in jsdom: each has its own window and document, which renderer modules may
 *     hold on to; they are cheap to load again (React and the other packages stay loaded).
 * After every file, timers are real and process.env is as it was before it, so a file that left fake
 * timers on or a variable set cannot stall or steer the next.
 */
import { readFileSync } from 'node:fs';
import { afterAll, expect, vi } from 'vitest';

const file = expect.getState().testPath;
const replacesModules = file !== undefined && /\bvi\.(?:do)?[mM]ock\(/.test(readFileSync(file, 'utf8'));
const inDom = 'window' in globalThis;

if (replacesModules || inDom) {
  vi.resetModules();
  afterAll(() => {
    vi.resetModules();
  });
}
const env = { ...process.env };
afterAll(() => {
  vi.useRealTimers();
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
});
