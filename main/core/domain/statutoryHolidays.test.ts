/**
 * The statutory holidays computed from the rule (全国年节及纪念日放假办法 art. 2) for years without
 * a State Council notice. Checked against the published notices (chinese-days' official data) and,
 * for the lunar and solar-term dates, against chinese-days' own festival and solar-term lists.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { statutoryHolidayRule, type StatutoryHolidayRule } from '#common/schemas/calendar.js';
import { loadStatutoryHolidayRule } from '../services.js';
import { addDays } from './dates.js';
import { statutoryHolidays } from './statutoryHolidays.js';

const require = createRequire(import.meta.url);
const chineseDays = require('chinese-days') as {
  getLunarDate(d: string): { lunarMon: number; lunarDay: number; isLeap: boolean };
  getLunarFestivals(start: string, end: string): Array<{ date: string; name: string[] }>;
  getSolarTerms(start: string, end: string): Array<{ date: string; name: string }>;
};
/** The published notices: date → "English,中文名,法定天数". */
const official = (require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string> }).holidays;

const rule: StatutoryHolidayRule = loadStatutoryHolidayRule();

const datesOf = (year: number, name?: string) =>
  statutoryHolidays(rule, year)
    .filter((h) => !name || h.name === name)
    .map((h) => h.date);

/** chinese-days prints dates in local time; run its date-printing functions as in China. */
function inTimeZone<T>(tz: string, fn: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe('statutory holidays of 2027 (no notice published as of 2026-12-07)', () => {
  it('are the seven festivals of the 2024 revision', () => {
    expect(statutoryHolidays(rule, 2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
  });

  it('agree with chinese-days’ festival and solar-term lists (a second code path over its tables)', () => {
    const [festivals, terms] = inTimeZone(
      'Asia/Shanghai',
      () =>
        [
          chineseDays.getLunarFestivals('2027-01-01', '2027-12-31'),
          chineseDays.getSolarTerms('2027-01-01', '2027-12-31'),
        ] as const,
    );
    const festivalOn = (name: string) => festivals.filter((f) => f.name.includes(name)).map((f) => f.date);
    expect(festivalOn('除夕')).toEqual([datesOf(2027, '春节')[0]]);
    expect(festivalOn('春节')).toEqual([datesOf(2027, '春节')[1]]);
    expect(festivalOn('端午节')).toEqual(datesOf(2027, '端午节'));
    expect(festivalOn('中秋节')).toEqual(datesOf(2027, '中秋节'));
    expect(terms.filter((t) => t.name === '清明').map((t) => t.date)).toEqual(datesOf(2027, '清明节'));
  });

  it('do not depend on the machine’s time zone', () => {
    const here = statutoryHolidays(rule, 2027);
    for (const tz of ['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      expect(inTimeZone(tz, () => statutoryHolidays(rule, 2027))).toEqual(here);
    }
  });
});

describe('the lunar anchors', () => {
  it('除夕 is the last day of lunar month 12 (29th or 30th), the day before 正月初一', () => {
    const days = new Set<number>();
    for (let year = 2025; year <= 2040; year++) {
      const eve = datesOf(year, '春节')[0]!;
      const l = chineseDays.getLunarDate(eve);
      expect([l.lunarMon, l.isLeap]).toEqual([12, false]);
      days.add(l.lunarDay);
      expect(chineseDays.getLunarDate(addDays(eve, 1))).toMatchObject({ lunarMon: 1, lunarDay: 1 });
    }
    expect([...days].sort()).toEqual([29, 30]);
  });
  it('端午 in a year with a leap fifth month is in the ordinary fifth month (2028)', () => {
    expect(datesOf(2028, '端午节')).toEqual(['2028-05-28']);
    expect(chineseDays.getLunarDate('2028-05-28')).toMatchObject({ lunarMon: 5, lunarDay: 5, isLeap: false });
  });
});

describe('the version in force', () => {
  it('before 2025 (2013 revision): 春节 is 正月初一 to 初三 without 除夕, 劳动节 is one day', () => {
    expect(datesOf(2024, '春节')).toEqual(['2024-02-10', '2024-02-11', '2024-02-12']);
    expect(datesOf(2024, '劳动节')).toEqual(['2024-05-01']);
  });
  it('before any version there is no rule, so nothing is computed', () => {
    expect(statutoryHolidays(rule, 2013)).toEqual([]);
  });
  it('outside the lunar tables it refuses rather than guess', () => {
    expect(() => statutoryHolidays(rule, 2100)).toThrow(RangeError);
  });
});

describe('cross-check with the published notices (the notices always contain the statutory days)', () => {
  const years = [2020, 2021, 2022, 2023, 2024, 2025, 2026].filter((y) =>
    Object.keys(official).some((d) => d.startsWith(`${y}-`)),
  );
  it('chinese-days has notices for 2020–2026', () => expect(years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]));
  for (const year of years) {
    it(`${year}: every computed day is a holiday of the notice, with the festival’s statutory length`, () => {
      const version = rule.versions
        .filter((v) => v.effectiveFrom <= `${year}-01-01`)
        .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0]!;
      const missing: string[] = [];
      for (const h of statutoryHolidays(rule, year)) {
        const entry = official[h.date];
        if (!entry) {
          missing.push(`${h.date} ${h.name}`);
          continue;
        }
        // "Spring Festival,春节,4": where the notice names the same festival, its statutory length is ours.
        const [, name, days] = entry.split(',');
        if (name && h.name.startsWith(name)) {
          expect(Number(days), `${h.date} ${h.name}`).toBe(version.festivals.find((f) => f.name === h.name)!.days);
        }
      }
      expect(missing).toEqual([]);
    });
  }
});

describe('the rule file', () => {
  it('rejects a solar term that is not a holiday', () => {
    const bad = structuredClone(rule);
    (bad.versions[0]!.festivals[2]!.anchor as unknown) = { kind: 'solarTerm', term: '冬至' };
    expect(statutoryHolidayRule.safeParse(bad).success).toBe(false);
  });
});
