import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHlc, hlcReceive, hlcTick, parseHlc } from './hlc.js';

describe('hybrid logical clock', () => {
  it('never goes backwards when the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2e12 }), { minLength: 2, maxLength: 50 }), (times) => {
        let s = { wall: 0, counter: 0 };
        let last = formatHlc(s, 'a');
        for (const t of times) {
          s = hlcTick(s, t);
          const now = formatHlc(s, 'a');
          expect(now > last).toBe(true);
          last = now;
        }
      }),
    );
  });
  it('orders a local event after a received one from a clock that runs ahead', () => {
    const local = { wall: 1000, counter: 0 };
    const merged = hlcReceive(local, { wall: 5000, counter: 3 }, 1001);
    expect(merged).toEqual({ wall: 5000, counter: 4 });
    expect(parseHlc(formatHlc(merged, 'dev'))).toEqual(merged);
  });
});
