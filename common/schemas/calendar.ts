/** A year of the State Council's holiday calendar, as the bureau adds it (calendar.import). */
import { z } from 'zod';
import { isoDate, plainText } from './primitives.js';

export const calendarYear = z
  .object({
    year: z.number().int().min(2000).max(2100),
    source: plainText(200, '来源').min(1, '请注明来源（国务院办公厅通知的文号或日期）'),
    holidays: z.array(z.tuple([isoDate, isoDate, plainText(50, '节日名称').min(1)])).max(60, '假期不超过60段'),
    workdays: z.array(isoDate).max(60, '调休上班日不超过60天'),
  })
  .superRefine((y, ctx) => {
    const inYear = (d: string) =>
      d.startsWith(`${y.year}-`) || d.startsWith(`${y.year + 1}-01`) || d.startsWith(`${y.year - 1}-12`);
    y.holidays.forEach(([a, b], i) => {
      if (a > b) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `假期起止日期颠倒：${a} 至 ${b}` });
      if (!inYear(a) || !inYear(b))
        ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `假期 ${a} 至 ${b} 不在 ${y.year} 年` });
    });
    y.workdays.forEach((d, i) => {
      if (!inYear(d))
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `调休上班日 ${d} 不在 ${y.year} 年` });
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (wd !== 0 && wd !== 6)
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `调休上班日 ${d} 不是周末` });
    });
  });
export type CalendarYearInput = z.infer<typeof calendarYear>;

export const calendarImportInput = z.object({ calendar: calendarYear });
export const calendarInfo = z.object({
  years: z.array(z.object({ year: z.number().int(), source: z.string(), added: z.boolean() })),
});

/**
 * The statutory holidays themselves (全国年节及纪念日放假办法 art. 2), kept as data so a year
 * without a State Council notice still rests on them (resources/calendars/statutory-holidays.json).
 * Only 清明 is a holiday among the solar terms, so no other term is accepted.
 */
const festivalAnchor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('solar'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  // Lunar month and day of the ordinary (non-leap) month, in the lunar year starting in that Gregorian year.
  z.object({ kind: z.literal('lunar'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(30) }),
  // 除夕: the last day of lunar month 12 (29th or 30th), i.e. the day before 正月初一.
  z.object({ kind: z.literal('lunarNewYearsEve') }),
  z.object({ kind: z.literal('solarTerm'), term: z.literal('清明') }),
]);
export const statutoryFestival = z.object({
  name: z.string().min(1),
  anchor: festivalAnchor,
  /** Consecutive days from the anchor day. */
  days: z.number().int().min(1).max(7),
  note: z.string().optional(),
});
export const statutoryHolidayRule = z.object({
  $comment: z.string().optional(),
  /** Each version applies to dates on and after its effectiveFrom, until the next one. */
  versions: z
    .array(
      z.object({
        effectiveFrom: isoDate,
        source: z.string().min(1),
        verified: z.boolean(),
        festivals: z.array(statutoryFestival).min(1),
      }),
    )
    .min(1),
});
export type StatutoryFestival = z.infer<typeof statutoryFestival>;
export type StatutoryHolidayRule = z.infer<typeof statutoryHolidayRule>;
