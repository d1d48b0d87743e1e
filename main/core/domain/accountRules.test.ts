import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  durationText,
  freshThrottle,
  lockDuration,
  lockRemaining,
  maxLockMs,
  sessionEnded,
  type Throttle,
} from './accountRules.js';

describe('lockout back-off', () => {
  it('locks at the fifth failure for 1 min, then 2, 4 … capped at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => lockDuration(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(lockDuration(1000)).toBe(maxLockMs);
    let t: Throttle = freshThrottle;
    for (let i = 1; i < 5; i++) {
      const r = afterFailure(t, 0);
      expect(r.locked).toBe(false);
      t = r.next;
    }
    const fifth = afterFailure(t, 1_000);
    expect(fifth).toEqual({ locked: true, next: { failures: 0, lockouts: 1, lockedUntil: 61_000 } });
    expect(lockRemaining(fifth.next, 31_000)).toBe(30_000);
    expect(lockRemaining(fifth.next, 61_000)).toBe(0);
  });

  it('says the time left in Chinese', () => {
    expect(durationText(60_000)).toBe('1分钟');
    expect(durationText(3_720_000)).toBe('1小时2分钟');
    expect(durationText(200_500)).toBe('3分21秒');
    expect(durationText(3_600_000)).toBe('1小时');
    expect(durationText(1)).toBe('1秒');
  });
});

describe('session expiry', () => {
  const h = 3600_000;
  it('ends 8 h after the last request or 24 h after the login', () => {
    expect(sessionEnded(0, 0, 8 * h - 1)).toBeNull();
    expect(sessionEnded(0, 0, 8 * h)).toBe('idle');
    expect(sessionEnded(0, 20 * h, 23 * h)).toBeNull();
    expect(sessionEnded(0, 23 * h, 24 * h)).toBe('absolute');
  });
});
