/** A year of the State Council's holiday calendar, as the bureau adds it (calendar.import). */
import { z } from 'zod';
import { isoDate } from './primitives.js';

export const calendarYear = z.object({
  year: z.number().int().min(2000).max(2100),
  source: z.string().min(1, '请注明来源（国务院办公厅通知的文号或日期）'),
  holidays: z.array(z.tuple([isoDate, isoDate, z.string().min(1)])),
  workdays: z.array(isoDate),
}).superRefine((y, ctx) => {
  const inYear = (d: string) => d.startsWith(`${y.year}-`) || d.startsWith(`${y.year + 1}-01`) || d.startsWith(`${y.year - 1}-12`);
  y.holidays.forEach(([a, b], i) => {
    if (a > b) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `假期起止日期颠倒：${a} 至 ${b}` });
    if (!inYear(a) || !inYear(b)) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `假期 ${a} 至 ${b} 不在 ${y.year} 年` });
  });
  y.workdays.forEach((d, i) => {
    if (!inYear(d)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `调休上班日 ${d} 不在 ${y.year} 年` });
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `调休上班日 ${d} 不是周末` });
  });
});
export type CalendarYearInput = z.infer<typeof calendarYear>;

export const calendarImportInput = z.object({ calendar: calendarYear });
export const calendarInfo = z.object({ years: z.array(z.object({ year: z.number().int(), source: z.string(), added: z.boolean() })) });
