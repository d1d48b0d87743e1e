import { describe, expect, it } from 'vitest';
import { describeOperations } from './describe.js';
import { opNames } from '#common/operations.js';

describe('CLI ops listing', () => {
  it('lists every operation with its Chinese description', () => {
    const text = describeOperations(false);
    for (const n of opNames) expect(text).toContain(n);
    expect(text).toMatch(/立案/);
  });
  it('gives each operation its input and output as JSON Schema', () => {
    const all = JSON.parse(describeOperations(true)) as Record<
      string,
      { input: { type: string; properties: Record<string, unknown> }; output: unknown }
    >;
    expect(Object.keys(all).sort()).toEqual([...opNames].sort());
    expect(all['cases.open']!.input.type).toBe('object');
    expect(Object.keys(all['cases.open']!.input.properties)).toContain('officerIds');
    expect(all['cases.get']!.output).toBeTruthy();
  });
});
