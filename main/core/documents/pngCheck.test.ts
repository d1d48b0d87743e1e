import { describe, expect, it } from 'vitest';
import { makePng } from '../testing/png.js';
import { makeSealPng } from '../testing/sealPng.js';
import { pngPixelsInflate } from './pngCheck.js';

describe('a PNG whose pixels inflate', () => {
  it('accepts whole RGB and RGBA images', () => {
    expect(pngPixelsInflate(makePng(64, 48))).toBe(true);
    expect(pngPixelsInflate(makeSealPng(120))).toBe(true);
    expect(pngPixelsInflate(makeSealPng(120, 80, { transparent: false }))).toBe(true);
  });

  it('refuses damaged, truncated or lying data without hanging', () => {
    const damaged = makeSealPng(520);
    const idat = damaged.indexOf('IDAT');
    damaged.fill(0x55, idat + 4, idat + 60);
    expect(pngPixelsInflate(damaged)).toBe(false);
    const whole = makeSealPng(120);
    expect(pngPixelsInflate(whole.subarray(0, whole.length - 40))).toBe(false);
    // The header claims more rows than the data holds.
    const taller = Buffer.from(makePng(64, 48));
    taller.writeUInt32BE(49, 20);
    expect(pngPixelsInflate(taller)).toBe(false);
    expect(pngPixelsInflate(Buffer.from('not a png at all, not even close'))).toBe(false);
  });
});
