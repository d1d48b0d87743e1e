/**
 * `test` and `expect` for every spec: each Playwright worker runs its own demo web host
 * (dist/core/host.mjs, ANJUAN_DEMO=1) on a fresh data directory with its own test clock, so two
 * workers never see each other's cases, settings or date. The specs a worker runs still share its
 * host, one after the other: a spec creates what it needs and finds its rows by its own case.
 */
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, stopHost } from './hostProcess.js';

export { expect };

interface WorkerHost {
  /** The host's address, ending in "/". */
  url: string;
}

export const test = base.extend<object, { workerHost: WorkerHost }>({
  workerHost: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads which fixtures this one needs from the pattern
    async ({}, use, workerInfo) => {
      const root = mkdtempSync(join(tmpdir(), `anjuan-e2e-w${workerInfo.parallelIndex}-`));
      const clockFile = join(root, 'clock');
      // A fixed port only when asked (to open the host by hand while debugging); else any free one,
      // so that two workers, or a host left behind by a killed run, never collide.
      const base = process.env.ANJUAN_E2E_PORT;
      const port = base ? String(Number(base) + workerInfo.parallelIndex) : '0';
      const host = startHost(join(root, 'data'), { ANJUAN_PORT: port, ANJUAN_TEST_CLOCK_FILE: clockFile });
      // A worker that exits without its teardown (killed after a hang) must not leave the host running.
      const killHost = (): void => {
        host.child.kill('SIGTERM');
      };
      process.once('exit', killHost);
      try {
        const url = await host.ready;
        // setWorkstationDate (support.ts) writes the file this worker's host reads.
        process.env.ANJUAN_TEST_CLOCK_FILE = clockFile;
        await use({ url });
      } finally {
        delete process.env.ANJUAN_TEST_CLOCK_FILE;
        await stopHost(host.child);
        process.off('exit', killHost);
        rmSync(root, { recursive: true, force: true });
      }
    },
    // auto: the clock variable is set before any test runs, even one that never opens a page;
    // the timeout covers a host started on a loaded machine (its own 60 s wait, then the teardown).
    { scope: 'worker', auto: true, timeout: 120_000 },
  ],
  baseURL: async ({ workerHost }, use) => {
    await use(workerHost.url);
  },
});
