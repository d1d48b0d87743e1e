#!/usr/bin/env node
/**
 * Runs the unit/integration suite (Vitest) and the browser suite (Playwright) side by side.
 *
 * Why at once: neither keeps two cores busy on its own — Vitest's two workers wait on Chromium,
 * LibreOffice and PostgreSQL, Playwright's one worker waits on the page — and run one after the
 * other they took most of the 15 minutes the whole suite may take. They share nothing: Playwright
 * starts its own web host on its own port and data directory, Vitest's tests use temporary ones.
 *
 * Playwright's lines are prefixed with [e2e] so the two logs can be told apart. Both suites always
 * run to the end (a failure in one does not hide the other's results); the exit code is non-zero
 * if either failed, and the last lines say which.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

/** Starts a suite; resolves with its exit code. `prefix` marks each of its output lines. */
function run(name, command, args, prefix) {
  const started = Date.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    if (!prefix) {
      stream.pipe(out);
      continue;
    }
    createInterface({ input: stream }).on('line', (line) => out.write(`${prefix}${line}\n`));
  }
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`${name} 无法启动：${error.message}`);
      resolve({ name, code: 1, seconds: 0 });
    });
    child.on('close', (code, signal) =>
      resolve({ name, code: code ?? (signal ? 1 : 0), seconds: Math.round((Date.now() - started) / 1000) }),
    );
  });
}

const results = await Promise.all([
  run('vitest', bin('vitest'), ['run'], ''),
  run('playwright', bin('playwright'), ['test'], '[e2e] '),
]);

console.log('');
for (const r of results)
  console.log(`suite ${r.name}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds} s`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
