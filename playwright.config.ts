/**
 * End-to-end tests: Debian's Chromium against the local web host (dist/core/host.mjs serving
 * dist/renderer). Every Playwright worker starts a demo host of its own on a fresh data directory,
 * with its own test clock (e2e/fixtures.ts, where every spec takes `test` and `expect` from), so the
 * specs run on two workers. Run `npm run build` first (`npm run e2e` does both).
 * ANJUAN_E2E_WORKERS=1 runs the files one after the other (debugging); ANJUAN_E2E_PORT fixes the
 * hosts' ports (that port + the worker's index) instead of any free one.
 */
import { defineConfig } from '@playwright/test';

/**
 * The longest specs (a minute or more each here), started first: Playwright hands files out in
 * alphabetical order, and sync.spec.ts near the end kept one worker busy alone for its last minutes.
 */
const longSpecs = ['sync.spec.ts', 'ordinary-case.spec.ts', 'hearing-case.spec.ts', 'desk1366.spec.ts'];

export default defineConfig({
  testDir: 'e2e',
  // One worker kept about half of the two cores busy (the host, Chromium and the test wait on each other).
  workers: Number(process.env.ANJUAN_E2E_WORKERS ?? 2),
  fullyParallel: false,
  // Generous for a loaded two-core machine (the hearing spec once took 185 s at a load of 20); still catches a hang.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  // Projects are scheduled in order: the long specs first, then the rest.
  projects: [
    { name: 'long', testMatch: longSpecs },
    { name: 'rest', testIgnore: longSpecs },
  ],
  use: {
    // baseURL: the worker's own host (e2e/fixtures.ts).
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // A county clerk's PC: Chinese locale, China time (the core counts days in Asia/Shanghai).
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // A PC set to show no animations (renderer/src/app/theme.ts): the same screens without the frames of
    // fades, grows and ripples, which cost the browser more CPU than the app (a spec took 40 → 30 s).
    reducedMotion: 'reduce',
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
});
