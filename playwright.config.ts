/**
 * End-to-end tests: Debian's Chromium against the local web host (dist/core/host.mjs serving
 * dist/renderer), on a fresh data directory, so every run starts from the demo bureau.
 * Run `npm run build` first (`npm run e2e` does both).
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.ANJUAN_E2E_PORT ?? 47831);
// The config is evaluated again in each worker process: the first evaluation's directory is
// passed down in the environment so that all of them agree on one.
process.env.ANJUAN_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'anjuan-e2e-'));
const dataDir = process.env.ANJUAN_E2E_DATA_DIR;
/** Specs that span weeks move the workstation's date through this file (main/host/testClock.ts); absent = real time. */
process.env.ANJUAN_TEST_CLOCK_FILE ??= join(dataDir, '..', `${dataDir.split(/[\\/]/).pop()}-clock`);
export const clockFile = process.env.ANJUAN_TEST_CLOCK_FILE;

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  // Generous for a loaded two-core machine (the hearing spec once took 185 s at a load of 20); still catches a hang.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // A county clerk's PC: Chinese locale, China time (the core counts days in Asia/Shanghai).
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The commonest office laptop screen: every spec checks the desk fits it (e2e/desk1366.spec.ts).
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: process.env.ANJUAN_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node dist/core/host.mjs',
    // ANJUAN_DEMO=1: the demo bureau and accounts the specs log in with (e2e/setup.spec.ts starts its own host without it).
    env: { ANJUAN_PORT: String(port), ANJUAN_DATA_DIR: dataDir, ANJUAN_TEST_CLOCK_FILE: clockFile, ANJUAN_DEMO: '1' },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
