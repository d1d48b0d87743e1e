/**
 * Our holiday calendars are data we publish ourselves; `chinese-days` (a well-kept package that
 * tracks the State Council notices) is a second source. Every day of every shipped year must agree.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { addDays } from './dates.js';
import { loadCalendar, readCalendarYears } from '../services.js';
import { resourcesDir } from '../paths.js';
import { join } from 'node:path';

const chineseDays = createRequire(import.meta.url)('chinese-days') as { isWorkday(d: string): boolean };

describe('shipped holiday calendars', () => {
  const years = readCalendarYears(join(resourcesDir(), 'calendars')).map((y) => y.year);
  it('cover 2025 and 2026', () => expect(years).toEqual(expect.arrayContaining([2025, 2026])));
  for (const year of years) {
    it(`${year} agrees with chinese-days on every day`, () => {
      const cal = loadCalendar();
      const differ: string[] = [];
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
        if (cal.isWorkingDay(d) !== chineseDays.isWorkday(d)) differ.push(d);
      }
      expect(differ).toEqual([]);
    });
  }
});
