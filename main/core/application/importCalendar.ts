/**
 * A year of holidays and 调休 days added to the bureau's calendar (calendar.import, or a version the
 * province published and sync applies): stored under `<dataDir>/calendars`, used from the next request
 * on — no restart, no release — and the due dates kept as rows move with it.
 */
import { join } from 'node:path';
import type { CalendarYearInput } from '#common/schemas/calendar.js';
import { loadCalendar, readCalendarYears, type Services } from '#core/services.js';
import { writeFileDurably } from '#core/store/durableFile.js';
import { resourcesDir } from '#core/paths.js';

export const addedCalendarDir = (services: Services) => join(services.dataDir, 'calendars');

export interface CalendarInfo {
  years: Array<{ year: number; source: string; added: boolean }>;
}

export function calendarInfo(services: Services): CalendarInfo {
  const added = new Set(readCalendarYears(addedCalendarDir(services)).map((y) => y.year));
  const shipped = readCalendarYears(join(resourcesDir(), 'calendars'));
  const years = new Map<number, { year: number; source: string; added: boolean }>();
  for (const y of shipped) years.set(y.year, { year: y.year, source: y.source, added: false });
  for (const y of readCalendarYears(addedCalendarDir(services)))
    years.set(y.year, { year: y.year, source: y.source, added: added.has(y.year) });
  return { years: [...years.values()].sort((a, b) => a.year - b.year) };
}

export function importCalendar(services: Services, calendar: CalendarYearInput): CalendarInfo {
  const dir = addedCalendarDir(services);
  // Atomic (temporary file, fsync, rename): a full disk leaves the old file or none, never an empty one.
  writeFileDurably(
    join(dir, `cn-${calendar.year}.json`),
    Buffer.from(`${JSON.stringify(calendar, null, 1)}\n`, 'utf8'),
  );
  // Working-day arithmetic uses the new year from the next request on.
  services.calendar = loadCalendar(undefined, dir);
  // Due dates kept as rows move with the new year's holidays.
  services.cases.projection.rederiveAll();
  return calendarInfo(services);
}
