import { describe, expect, it } from 'vitest';
import { calendar as cal } from '../testing/procedureCase.js';
import { loadCalendar } from '../services.js';
import { addDays } from './dates.js';

/** As the core loads it: the shipped notices (2025, 2026) and the statutory rule for other years. */
const shipped = loadCalendar();

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
    // 12-29, 12-30, 12-31, then 元旦 2027-01-01 (statutory, computed) and the weekend, then 01-04 … 01-07.
    const r = shipped.addWorkingDays('2026-12-28', 7);
    expect(r.calendarIncomplete).toBe(true);
    expect(r.dueOn).toBe('2027-01-07');
  });
});

describe('a year without a State Council notice (2027): statutory holidays computed, 调休 unknown', () => {
  it('元旦 2027-01-01 is not a working day', () => {
    expect(shipped.hasYear(2027)).toBe(false);
    expect(shipped.isWorkingDay('2027-01-01')).toBe(false);
  });
  it('rests on 春节 (除夕 to 正月初三), 清明, 劳动节, 端午, 中秋 and 国庆', () => {
    const rest = [
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ];
    expect(rest.filter((d) => shipped.isWorkingDay(d))).toEqual([]);
  });
  it('invents no bridging days and no 调休: other weekdays work, weekends rest', () => {
    expect(shipped.isWorkingDay('2027-02-09')).toBe(true); // 正月初四, Tuesday: only a notice can make it a holiday
    expect(shipped.isWorkingDay('2027-10-04')).toBe(true);
    expect(shipped.isWorkingDay('2027-02-20')).toBe(false); // a Saturday stays a rest day
  });
  it('2026-12-30 + 3 working days skips 2027-01-01 and still says calendarIncomplete', () => {
    // 12-31 (1), 01-01 元旦, 01-02/03 weekend, 01-04 (2), 01-05 (3).
    expect(shipped.addWorkingDays('2026-12-30', 3)).toEqual({ dueOn: '2027-01-05', calendarIncomplete: true });
  });
  it('a calendar-day period ending on 元旦 2027 moves to the next working day, flagged', () => {
    expect(shipped.addCalendarDays('2026-12-02', 30)).toEqual({ dueOn: '2027-01-04', calendarIncomplete: true });
  });
  it('a year with its notice is counted from the notice exactly as before', () => {
    const differ: string[] = [];
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1))
      if (shipped.isWorkingDay(d) !== cal.isWorkingDay(d)) differ.push(d);
    expect(differ).toEqual([]);
    expect(shipped.addWorkingDays('2026-09-30', 5)).toEqual({ dueOn: '2026-10-13', calendarIncomplete: false });
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
