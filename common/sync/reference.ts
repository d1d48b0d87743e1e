/**
 * The kinds of reference data the province publishes that a workstation applies, and the check both
 * ends run on a payload (the server before it publishes, the workstation before it applies): a version
 * that fails is refused with the Chinese reason and changes nothing.
 */
import { calendarYear, type CalendarYearInput } from '../schemas/calendar.js';

export const calendarKinds = new Set(['calendar', 'calendars']);

/** A holiday calendar's payload: the year as `calendar.import` takes it (or wrapped as `{ calendar }`). */
export function parseCalendarPayload(
  version: string,
  payload: unknown,
): { ok: true; calendar: CalendarYearInput } | { ok: false; reason: string } {
  const inner =
    payload && typeof payload === 'object' && 'calendar' in payload
      ? (payload as { calendar: unknown }).calendar
      : payload;
  const r = calendarYear.safeParse(inner);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return { ok: false, reason: `节假日日历内容有误：${i.path.length ? `${i.path.join('.')}：` : ''}${i.message}` };
  }
  if (/^\d{4}$/.test(version) && Number(version) !== r.data.year)
    return { ok: false, reason: `节假日日历的版本号 ${version} 与其中的年份 ${r.data.year} 不一致` };
  return { ok: true, calendar: r.data };
}

/** Why a payload of this kind cannot be published or applied, or null. Kinds not applied yet are not checked. */
export function referenceProblem(kind: string, version: string, payload: unknown): string | null {
  if (calendarKinds.has(kind)) {
    const r = parseCalendarPayload(version, payload);
    return r.ok ? null : r.reason;
  }
  return null;
}
