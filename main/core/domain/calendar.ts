/**
 * Working-day arithmetic from a holiday calendar kept as data (resources/calendars/cn-YYYY.json),
 * one file per year as the State Council publishes it, so next year's calendar is added without
 * a release.
 *
 * Counting rules (see shared/domain.md "Counting a period"):
 * - the day a period starts is not counted; counting begins the next day (民法典 art. 201);
 * - a working-day period skips weekends and statutory holidays and counts 调休 working weekends
 *   (行政处罚法 art. 85; 行政强制法 art. 69);
 * - a calendar-day period whose last day is a rest day ends on the next working day
 *   (民事诉讼法 art. 85, applied by analogy).
 *
 * A year without its notice still rests on the statutory holidays, computed from the rule
 * (statutoryHolidays.ts); its bridging days and 调休 stay unknown, so periods touching it are
 * flagged `calendarIncomplete`.
 */
import type { StatutoryHolidayRule } from '#common/schemas/calendar.js';
import { addDays, addMonths, weekday, yearOf } from './dates.js';
import { computableYears, statutoryHolidays } from './statutoryHolidays.js';

export interface CalendarYear {
  year: number;
  source: string;
  /** [first, last, name] inclusive ranges. */
  holidays: Array<[string, string, string]>;
  /** Weekend days that are working days (调休上班). */
  workdays: string[];
}

export interface DeadlineResult {
  dueOn: string;
  /**
   * True when some day in the period fell in a year without its notice: weekends and the statutory
   * holidays computed from the rule were used, bridging days and 调休 are unknown.
   */
  calendarIncomplete: boolean;
}

export class WorkingCalendar {
  private readonly holidays = new Set<string>();
  private readonly workdays = new Set<string>();
  private readonly years = new Set<number>();
  /** Statutory holidays computed for years without a notice, by year (filled on first use). */
  private readonly computed = new Map<number, Set<string>>();

  /** `statutory`: the rule for years without a notice; without it such years count weekends alone. */
  constructor(
    years: CalendarYear[],
    private readonly statutory?: StatutoryHolidayRule,
  ) {
    for (const y of years) {
      this.years.add(y.year);
      for (const [first, last] of y.holidays) {
        for (let d = first; d <= last; d = addDays(d, 1)) this.holidays.add(d);
      }
      for (const d of y.workdays) this.workdays.add(d);
    }
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: string): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    if (this.isComputedHoliday(date)) return false;
    const wd = weekday(date);
    return wd !== 0 && wd !== 6;
  }

  /** A statutory holiday of a year that has no notice loaded (a loaded notice is used as it is). */
  private isComputedHoliday(date: string): boolean {
    const year = yearOf(date);
    // Beyond the lunar tables (no real period reaches them) the year counts weekends alone, still flagged.
    if (!this.statutory || this.hasYear(year) || year < computableYears.first || year > computableYears.last)
      return false;
    let days = this.computed.get(year);
    if (!days) {
      days = new Set(statutoryHolidays(this.statutory, year).map((h) => h.date));
      this.computed.set(year, days);
    }
    return days.has(date);
  }

  /** The last day of a period of `n` working days starting on `start` (start not counted). */
  addWorkingDays(start: string, n: number): DeadlineResult {
    let d = start;
    let counted = 0;
    let incomplete = false;
    while (counted < n) {
      d = addDays(d, 1);
      if (!this.hasYear(yearOf(d))) incomplete = true;
      if (this.isWorkingDay(d)) counted++;
    }
    return { dueOn: d, calendarIncomplete: incomplete };
  }

  /** The last day of a period of `n` calendar days, moved to the next working day if it is a rest day. */
  addCalendarDays(start: string, n: number): DeadlineResult {
    let d = addDays(start, n);
    let incomplete = !this.hasYear(yearOf(d));
    while (!this.isWorkingDay(d)) {
      d = addDays(d, 1);
      if (!this.hasYear(yearOf(d))) incomplete = true;
    }
    return { dueOn: d, calendarIncomplete: incomplete };
  }

  /** The same day `n` months on (a period in months ends on the corresponding day), moved off a rest day. */
  addMonths(start: string, n: number): DeadlineResult {
    const end = addMonths(start, n);
    const r = this.addCalendarDays(end, 0);
    return { dueOn: r.dueOn, calendarIncomplete: r.calendarIncomplete || !this.hasYear(yearOf(end)) };
  }

  /** Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`. */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }
}
