import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { commonCodePoints, gb2312Han, hanUnicodeRange, isHan } from './commonSet.js';

const cp = (ch: string): number => ch.codePointAt(0)!;

describe('the common character set', () => {
  it("has GB 2312's 6,763 Han characters, as iconv-lite's table has them", () => {
    const gb = gb2312Han();
    expect(gb.size).toBe(6763);
    // Every one round-trips through iconv-lite within GB 2312's Han rows (B0–F7).
    for (const c of gb) {
      const b = iconv.encode(String.fromCodePoint(c), 'gb2312');
      expect(b.length).toBe(2);
      expect(b[0]).toBeGreaterThanOrEqual(0xb0);
      expect(b[0]).toBeLessThanOrEqual(0xf7);
    }
    for (const ch of '啊座国罚款黔') expect(gb.has(cp(ch)), ch).toBe(true);
    for (const ch of '堃赟喆镕玥') expect(gb.has(cp(ch)), ch).toBe(false);
  });

  it('keeps what is not Han, drops the radicals and the Han characters outside GB 2312', () => {
    const input = [...'A①㎡〇、《生堃'].map(cp).concat(0x2f63, 0x20000, 0x3400);
    expect(
      commonCodePoints(input)
        .map((c) => String.fromCodePoint(c))
        .join(''),
    ).toBe('A①、〇《㎡生');
  });

  it('names the Han blocks for CSS', () => {
    expect(hanUnicodeRange).toBe('U+3400-4DBF,U+4E00-9FFF,U+F900-FAFF,U+20000-3FFFF');
    expect([0x4e00, 0x9fff, 0x3400, 0xf900, 0x2a6d6].every(isHan)).toBe(true);
    expect([0x3007, 0x3001, 0x33a1, 0x2f63, 0xff08, 0x41].some(isHan)).toBe(false);
  });
});
