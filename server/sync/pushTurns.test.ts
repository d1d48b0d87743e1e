import { describe, expect, it } from 'vitest';
import { createTurns } from './pushTurns.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('push turns', () => {
  it('runs one push at a time per key, in arrival order, and different keys at once up to the cap', async () => {
    const turns = createTurns(3);
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const perKey = new Map<string, number>();
    const job = (key: string, i: number, fail = false) =>
      turns(key, async () => {
        running++;
        most = Math.max(most, running);
        perKey.set(key, (perKey.get(key) ?? 0) + 1);
        expect(perKey.get(key)).toBe(1);
        log.push(`${key}${i}`);
        await tick();
        perKey.set(key, perKey.get(key)! - 1);
        running--;
        if (fail) throw new Error(`${key}${i}`);
        return `${key}${i}`;
      });
    const all = [] as Promise<string>[];
    for (let i = 0; i < 4; i++) for (const key of ['a', 'b', 'c', 'd', 'e']) all.push(job(key, i, i === 1));
    const settled = await Promise.allSettled(all);
    // A failed push does not stop the ones after it on its key.
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(5);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(15);
    expect(most).toBe(3);
    for (const key of ['a', 'b', 'c', 'd', 'e'])
      expect(log.filter((l) => l.startsWith(key))).toEqual([0, 1, 2, 3].map((i) => `${key}${i}`));
  });

  it('never runs more than the cap even when slots are freed and taken in the same tick', async () => {
    const turns = createTurns(1);
    let running = 0;
    let most = 0;
    const job = (key: string) =>
      turns(key, async () => {
        running++;
        most = Math.max(most, running);
        await Promise.resolve();
        running--;
      });
    const first = job('x');
    const second = job('y');
    await first;
    const third = job('z'); // arrives as the first frees its slot for the second
    await Promise.all([second, third]);
    expect(most).toBe(1);
  });
});
