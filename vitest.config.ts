import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './scripts/testSequencer.js';
import { slowTests, testExclude, testFiles } from './scripts/testSets.js';

/**
 * `vitest run` runs every test; `--mode fast` (npm run test:fast) and `--mode slow` (npm run test:slow)
 * one set each, as scripts/testSets.ts divides them. A mode rather than Vitest projects: projects
 * ignore the command line's --exclude, which the release workflow relies on.
 */
export default defineConfig(({ mode }) => ({
  test: {
    include: mode === 'slow' ? slowTests : testFiles,
    exclude: mode === 'fast' ? [...testExclude, ...slowTests] : testExclude,
    // No browser and no LibreOffice in the fast set: a test that would start one fails there instead.
    env:
      mode === 'fast'
        ? {
            ANJUAN_CHROMIUM: '/nonexistent/anjuan-fast-tests/chromium',
            ANJUAN_SOFFICE: '/nonexistent/anjuan-fast-tests/soffice',
          }
        : {},
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // LibreOffice and Chromium conversions are heavy: two cores here, so keep workers modest.
    maxWorkers: 2,
    // A worker runs file after file on the modules it imported once (most of a file's time was importing
    // the core again). scripts/testIsolation.ts gives the files that replace modules, and jsdom files,
    // a fresh module graph; docs/architecture.md (Tests) says why the rest is safe to share.
    isolate: false,
    setupFiles: ['scripts/testIsolation.ts'],
    sequence: { sequencer: SlowFirstSequencer },
  },
}));
