import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '#core/paths.js';
import { slowFiles } from './testSets.js';

describe('the slow test list', () => {
  it('names only test files that exist (a renamed or removed file must leave the list)', () => {
    const stale = Object.keys(slowFiles).filter((f) => !existsSync(join(appRoot(), f)));
    expect(stale).toEqual([]);
  });

  it('names test files, each with a reason, none already slow by name', () => {
    for (const [file, reason] of Object.entries(slowFiles)) {
      expect(file).toMatch(/^(common|main|preload|scripts|renderer|server)\/.+\.test\.tsx?$/);
      expect(file.endsWith('.chromium.test.ts')).toBe(false);
      expect(reason.trim()).not.toBe('');
    }
  });
});
