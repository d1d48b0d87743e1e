/**
 * Applies the reference data the province published, after each pull (docs/server.md "Sync client"):
 * a holiday calendar goes through the same use case as calendar.import, so a 2027 calendar reaches the
 * deadlines at the next sync. A payload that fails the check is refused with the Chinese reason and
 * changes nothing; the clerk reads both in 同步's “what changed”. Kinds without an import path for
 * published data yet (templates, violation types: their imports read files or run as jobs) stay
 * recorded as downloaded, and say so.
 */
import { calendarKinds, parseCalendarPayload } from '#common/sync/reference.js';
import { importCalendar } from '#core/application/importCalendar.js';
import { SyncReference } from '#core/store/syncReference.js';
import type { SyncParts } from './integrate.js';

export function applyReference(parts: SyncParts, at: string): string[] {
  const ref = new SyncReference(parts.services.db);
  const lines: string[] = [];
  for (const r of ref.pending()) {
    if (!calendarKinds.has(r.kind)) continue;
    const parsed = parseCalendarPayload(r.version, r.payload);
    if (!parsed.ok) {
      ref.refused(r.seq, parsed.reason);
      lines.push(`节假日日历 ${r.version} 版未启用：${parsed.reason}`);
      continue;
    }
    const c = parsed.calendar;
    importCalendar(parts.services, c);
    ref.applied(r.seq, at);
    lines.push(
      `节假日日历 ${c.year} 年已启用：${c.holidays.length}段假期、${c.workdays.length}个调休上班日，${c.year}年的期限按新日历计算（${c.source}）`,
    );
  }
  return lines;
}
