import { describe, expect, it } from 'vitest';
import { demoRequested } from './demoEnv.js';

describe('ANJUAN_DEMO', () => {
  it('asks for the demo only when it is exactly 1', () => {
    expect(demoRequested({ ANJUAN_DEMO: '1' })).toBe(true);
    for (const v of [undefined, '', '0', 'true', 'yes']) expect(demoRequested({ ANJUAN_DEMO: v })).toBe(false);
  });
});
