/**
 * For test files that open several cores and folders: each test's are closed and removed after it,
 * also when it failed, so a failure does not leave a core holding its database for the next test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { TestCore } from './testCore.js';

export function cleanupAfterEach(prefix: string) {
  const opened: TestCore[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    while (opened.length)
      await opened
        .pop()!
        .close()
        .catch(() => undefined);
    while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
  });
  return {
    opened,
    /** A new temporary folder, removed after the test. */
    tempDir(): string {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    /** Closes the core after the test (if the test has not). */
    track(t: TestCore): TestCore {
      opened.push(t);
      return t;
    },
  };
}
