/** A holiday calendar through the calendar.import use case: the year's deadlines follow it at once. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addedCalendarDir, importCalendar } from '#core/application/importCalendar.js';
import type { ReferenceApplier } from './types.js';

export const calendarApplier: ReferenceApplier<'calendar'> = {
  async apply(services, c) {
    const text = `${JSON.stringify(c, null, 1)}\n`;
    let current: string | null = null;
    try {
      current = readFileSync(join(addedCalendarDir(services), `cn-${c.year}.json`), 'utf8');
    } catch {
      /* not added yet */
    }
    if (current === text) return [`节假日日历 ${c.year} 年与本机相同，未作更改`];
    importCalendar(services, c);
    return [
      `节假日日历 ${c.year} 年已启用：${c.holidays.length}段假期、${c.workdays.length}个调休上班日，${c.year}年的期限按新日历计算（${c.source}）`,
    ];
  },
};
