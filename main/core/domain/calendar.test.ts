import { describe, expect, it } from 'vitest';
import { calendar as cal } from '../testing/procedureCase.js';

describe('working days (处罚法 art. 85)', () => {
  it('does not count the start day and skips a weekend', () => {
    // Fri 2026-03-06 + 5 working days → Mon 9 … Fri 13.
    expect(cal.addWorkingDays('2026-03-06', 5).dueOn).toBe('2026-03-13');
  });
  it('skips the National Day holiday and counts the 调休 Saturday 10-10', () => {
    // Notice served Wed 2026-09-30, just before 国庆 (10-01..10-07).
    // Working days after it: Thu 10-08, Fri 10-09, Sat 10-10 (调休), Mon 10-12, Tue 10-13.
    expect(cal.addWorkingDays('2026-09-30', 5).dueOn).toBe('2026-10-13');
  });
  it('counts the 调休 Sunday 2026-09-20 before 中秋', () => {
    expect(cal.isWorkingDay('2026-09-20')).toBe(true);
    expect(cal.isWorkingDay('2026-09-25')).toBe(false);
    // Fri 09-18 + 2 → Sun 09-20 (调休) counts, then Mon 09-21.
    expect(cal.addWorkingDays('2026-09-18', 2).dueOn).toBe('2026-09-21');
  });
  it('spans the Spring Festival with its two 调休 Saturdays', () => {
    // Fri 02-13: Sat 02-14 (调休) is day 1; 02-15..02-23 holiday; Tue 02-24 day 2.
    expect(cal.addWorkingDays('2026-02-13', 2).dueOn).toBe('2026-02-24');
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
  });
  it('flags a period reaching a year with no calendar data', () => {
    const r = cal.addWorkingDays('2026-12-28', 7);
    expect(r.calendarIncomplete).toBe(true);
    expect(r.dueOn).toBe('2027-01-06');
  });
});

describe('calendar-day periods ending on a rest day', () => {
  it('moves the last day to the next working day', () => {
    // 2026-09-16 + 15 days = 10-01 (国庆) → first working day after is 10-08.
    expect(cal.addCalendarDays('2026-09-16', 15).dueOn).toBe('2026-10-08');
  });
  it('keeps a last day that is a working day', () => {
    expect(cal.addCalendarDays('2026-03-02', 15).dueOn).toBe('2026-03-17');
  });
  it('counts 90 days from 立案 (处罚法 art. 60)', () => {
    expect(cal.addCalendarDays('2026-01-05', 90).dueOn).toBe('2026-04-07');
  });
});
