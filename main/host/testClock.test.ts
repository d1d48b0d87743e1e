import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileClock } from './testClock.js';

describe('the end-to-end test clock', () => {
  it('reads the instant from its file, and falls back to real time when the file is absent, empty or bad', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clock-'));
    const file = join(dir, 'now');
    const clock = fileClock(file);
    try {
      expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
      writeFileSync(file, '2026-03-02T10:00:00+08:00\n');
      expect(clock.now().toISOString()).toBe('2026-03-02T02:00:00.000Z');
      writeFileSync(file, 'not a date');
      expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
