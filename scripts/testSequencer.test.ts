import { describe, expect, it } from 'vitest';
import { isSlowFile } from './testSequencer.js';

describe('the slow files the sequencer starts first', () => {
  it('are those scripts/testSets.ts lists, by path or by name, and no other', () => {
    expect(isSlowFile('main/core/api/importLimits.test.ts')).toBe(true);
    expect(isSlowFile('main/core/documents/pdf/anything.chromium.test.ts')).toBe(true);
    expect(isSlowFile('server/sync/pushTurns.test.ts')).toBe(false);
    expect(isSlowFile('core/api/importLimits.test.ts')).toBe(false);
    expect(isSlowFile('main/core/documents/pdf/chromium.test.tsx')).toBe(false);
  });
});
