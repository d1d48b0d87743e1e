/**
 * Times on screen are 2026-03-02 09:30 everywhere (the case list, history, accounts, sync, notices),
 * never the browser's own 2026/3/2 09:30:00 or a raw ISO instant; the audit log adds the seconds.
 * The expected texts are built from the same instant's local clock, so the test holds in any time zone.
 */
import { describe, expect, it } from 'vitest';
import { chineseDate, formatInstant } from './dates';

const iso = '2026-03-02T01:30:05.000Z';
const local = new Date(iso);
const two = (n: number): string => String(n).padStart(2, '0');
const day = `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())}`;
const minute = `${two(local.getHours())}:${two(local.getMinutes())}`;

describe('formatInstant', () => {
  it('shows an instant as local YYYY-MM-DD HH:mm, zero-padded', () => {
    expect(formatInstant(iso)).toBe(`${day} ${minute}`);
    expect(formatInstant(iso)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('adds the seconds when asked (the audit log)', () => {
    expect(formatInstant(iso, { seconds: true })).toBe(`${day} ${minute}:05`);
  });

  it('leaves a text that is no instant as it is, rather than showing NaN', () => {
    expect(formatInstant('不是时间')).toBe('不是时间');
  });
});

describe('chineseDate', () => {
  it('writes a calendar date the Chinese way, without leading zeros', () => {
    expect(chineseDate('2026-03-02')).toBe('2026年3月2日');
  });
});
