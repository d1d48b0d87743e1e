/**
 * A clock the end-to-end tests can move: when ANJUAN_TEST_CLOCK_FILE names a file holding an ISO
 * instant, "now" is that instant; an absent or empty file means the real time. A procedure spans
 * weeks (a hearing is noticed seven working days ahead and held after), so a browser test of it
 * must move the workstation's date. Never set in a real installation: the host says so loudly.
 */
import { readFileSync } from 'node:fs';
import type { Clock } from '#core/services.js';

export function fileClock(file: string): Clock {
  return {
    now(): Date {
      try {
        const text = readFileSync(file, 'utf8').trim();
        const t = text ? new Date(text) : null;
        if (t && !Number.isNaN(t.getTime())) return t;
      } catch {
        /* no file: real time */
      }
      return new Date();
    },
  };
}
