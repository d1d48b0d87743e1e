import { describe, expect, it } from 'vitest';
import { ctcDecode, lineHeight, lineSqueeze, lineTensor, lineWidth } from './lineImages.js';
import type { TextBox } from './textBoxes.js';

const box = (x0: number, y0: number, x1: number, y1: number): TextBox => ({
  corners: [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ],
  score: 1,
});

describe('line images', () => {
  it('scales a box to 48 px high and narrows it by the squeeze', () => {
    expect(lineWidth(box(0, 0, 480, 48))).toBe(Math.round(480 * lineSqueeze));
    expect(lineWidth(box(0, 0, 240, 96))).toBe(Math.round(120 * lineSqueeze));
    expect(lineWidth(box(0, 0, 2, 96))).toBe(8);
  });

  it('cuts the box from the page, normalised to −1…1 in three equal planes', () => {
    // A page white on the left half, black on the right.
    const page = { width: 100, height: 50, data: new Uint8Array(100 * 50).map((_, i) => (i % 100 < 50 ? 255 : 0)) };
    const t = lineTensor(page, box(0, 0, 100, 48), 20);
    const plane = lineHeight * 20;
    expect(t).toHaveLength(3 * plane);
    expect(t[5 * 20 + 2]).toBeCloseTo(1);
    expect(t[5 * 20 + 17]).toBeCloseTo(-1);
    expect(t[plane + 5 * 20 + 17]).toBe(t[5 * 20 + 17]);
  });

  it('averages a tall box rather than skipping rows (a large title)', () => {
    // Each 10 rows: 7 white, 3 black (70 % white: 0.4 once normalised). One sample a row, taken in
    // the rows' middle, would read white only.
    const page = {
      width: 40,
      height: 480,
      data: new Uint8Array(40 * 480).map((_, i) => (Math.floor(i / 40) % 10 < 7 ? 255 : 0)),
    };
    const t = lineTensor(page, box(0, 0, 40, 480), 4);
    expect(Math.abs(t[10 * 4 + 1]! - 0.4)).toBeLessThan(0.15);
  });
});

describe('ctcDecode', () => {
  const dictionary = ['环', '境', '1'];
  const steps = (...classes: number[]): Float32Array => {
    const out = new Float32Array(classes.length * 4);
    classes.forEach((c, i) => {
      out[i * 4 + c] = 0.9;
    });
    return out;
  };

  it('merges repeats, drops blanks, and keeps a repeat split by a blank', () => {
    const [line] = ctcDecode(steps(1, 1, 0, 2, 3, 0, 3, 3), [1, 8, 4], dictionary);
    expect(line).toEqual({ text: '环境11', confidence: expect.closeTo(0.9, 5) });
  });

  it('reads an all-blank line as empty, with no confidence', () => {
    expect(ctcDecode(steps(0, 0, 0), [1, 3, 4], dictionary)).toEqual([{ text: '', confidence: 0 }]);
  });
});
