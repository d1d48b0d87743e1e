/**
 * The statutory holidays of a year computed from the rule (全国年节及纪念日放假办法 art. 2, kept as
 * data in resources/calendars/statutory-holidays.json). Used for a year whose State Council notice
 * is not loaded yet: the statutory days are fixed by the rule; only bridging days and 调休 need the
 * notice.
 *
 * Lunar dates and the 清明 solar term come from `chinese-days`' lunar and solar-term tables. Its
 * holiday tables are not used here: they only hold published notices, which is what we lack.
 */
import chineseDays from 'chinese-days';
import type { StatutoryFestival, StatutoryHolidayRule } from '#common/schemas/calendar.js';
import { addDays, daysBetween } from './dates.js';

export interface StatutoryHoliday {
  date: string;
  name: string;
}

/** The Gregorian years chinese-days' lunar tables cover in full. */
export const computableYears = { first: 1901, last: 2099 } as const;

type Anchor = StatutoryFestival['anchor'];
type Version = StatutoryHolidayRule['versions'][number];

/** The month a term falls in and chinese-days' key for it (清明 is the only solar-term holiday). */
const solarTerms = { 清明: { month: 4, key: 'pure_brightness' } } as const;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "M-D" → Gregorian date for the ordinary (non-leap) lunar months of the lunar year beginning in
 * `year`. Only the lunar fields of getLunarDate are read: they are computed from a fixed UTC
 * instant, whereas chinese-days prints dates (its `date` field, getSolarDateFromLunar) in the
 * machine's local time zone, which shifts them by a day west of Greenwich.
 */
function lunarTable(year: number): Map<string, string> {
  const table = new Map<string, string>();
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
    const l = chineseDays.getLunarDate(d);
    if (l.lunarYear === year && !l.isLeap) table.set(`${l.lunarMon}-${l.lunarDay}`, d);
  }
  return table;
}

/** The day of a solar term in `year`. */
function solarTermDate(year: number, term: keyof typeof solarTerms): string {
  const { month, key } = solarTerms[term];
  const printed = chineseDays.getSolarTermDate(year, month, key);
  // chinese-days reads "Y-M-D" as UTC midnight and prints it in local time; the same round trip
  // on a known day of that month measures the shift (0, or 1 west of Greenwich) so we can undo it.
  const probe = `${year}-${pad(month)}-15`;
  return addDays(printed, daysBetween(chineseDays.getLunarDate(probe).date, probe));
}

function anchorDate(anchor: Anchor, year: number, lunar: () => Map<string, string>): string | undefined {
  switch (anchor.kind) {
    case 'solar':
      return `${year}-${pad(anchor.month)}-${pad(anchor.day)}`;
    case 'lunar':
      return lunar().get(`${anchor.month}-${anchor.day}`);
    // 除夕 is the last day of lunar month 12, 29th or 30th: simply the day before 正月初一.
    case 'lunarNewYearsEve': {
      const newYear = lunar().get('1-1');
      return newYear && addDays(newYear, -1);
    }
    case 'solarTerm':
      return solarTermDate(year, anchor.term);
  }
}

/** The version in force on `date`: the latest whose effectiveFrom is not after it. */
function versionOn(rule: StatutoryHolidayRule, date: string): Version | undefined {
  let best: Version | undefined;
  for (const v of rule.versions)
    if (v.effectiveFrom <= date && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  return best;
}

/**
 * The statutory holidays falling in `year`, sorted by date. Each day follows the version of the
 * rule in force on that day (e.g. 除夕 is a holiday only from 2025); a year before every version
 * has none. Throws outside `computableYears`.
 */
export function statutoryHolidays(rule: StatutoryHolidayRule, year: number): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < computableYears.first || year > computableYears.last)
    throw new RangeError(`农历数据只覆盖1901—2099年：${year}`);
  let table: Map<string, string> | undefined;
  const lunar = () => (table ??= lunarTable(year));
  const out: StatutoryHoliday[] = [];
  for (const version of rule.versions) {
    for (const f of version.festivals) {
      const first = anchorDate(f.anchor, year, lunar);
      if (!first) continue;
      for (let i = 0; i < f.days; i++) {
        const date = addDays(first, i);
        if (date.startsWith(`${year}-`) && versionOn(rule, date) === version) out.push({ date, name: f.name });
      }
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
