import { describe, expect, it } from 'vitest';
import { durationLabel, durationText } from './mediaDuration.js';

describe('durationText', () => {
  it('writes minutes and seconds, and hours from one hour on', () => {
    expect(durationText(187)).toBe('3分07秒');
    expect(durationText(3725)).toBe('1时02分05秒');
    expect(durationText(7)).toBe('0分07秒');
    expect(durationText(3600)).toBe('1时00分00秒');
  });

  it('rounds to the second and never goes below zero', () => {
    expect(durationText(2.49)).toBe('0分02秒');
    expect(durationText(59.6)).toBe('1分00秒');
    expect(durationText(-1)).toBe('0分00秒');
  });

  it('says 无法读取 for a length that could not be read', () => {
    expect(durationLabel(null)).toBe('无法读取');
    expect(durationLabel(65)).toBe('1分05秒');
  });
});
