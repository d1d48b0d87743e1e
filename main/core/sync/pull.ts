/**
 * Pull: the bureau's case events after the cursor, applied case by case (integrate.ts checks each
 * chain), and the reference data versions after the reference cursor, recorded. Each page is applied
 * with its new cursors in ONE transaction, so a cut link never skips or repeats a page.
 *
 * A server that suddenly looks empty is an error, never the truth: before each pull the event the
 * server gave at our cursor must still be there (a reset server, or one restored from an old backup,
 * no longer has it); then nothing is applied and syncing stops with the reason.
 */
import { pullOutput } from '#common/sync/pull.js';
import type { CaseEvent } from '#core/domain/events.js';
import { SyncFailure, type SyncHttp } from './http.js';
import { integrateCase, type SyncParts } from './integrate.js';

const pageSize = 500;
const maxPages = 10_000;

/** The kinds of reference data the province publishes, as the clerk reads them. */
const kindNames: Record<string, string> = {
  calendar: '节假日日历',
  calendars: '节假日日历',
  templates: '文书模板',
  template: '文书模板',
  procedures: '程序定义',
  violationTypes: '违法行为类型',
  'violation-types': '违法行为类型',
  discretion: '裁量基准',
  laws: '法律法规',
  enterprises: '企业名录',
};

export interface PullResult {
  events: number;
  newCases: number;
  deferred: number;
  /** “节假日日历 2027 版已下载” … */
  changes: string[];
}

export async function pullAll(
  parts: SyncParts,
  http: SyncHttp,
  now: () => string,
  progress: (done: number) => void,
): Promise<PullResult> {
  const result: PullResult = { events: 0, newCases: 0, deferred: 0, changes: [] };
  const start = parts.store.enrolment()!;
  if (start.cursor > 0 && start.cursorEventId) {
    const probe = await http.request(
      'GET',
      `/api/sync/pull?cursor=${start.cursor - 1}&refCursor=${start.refCursor}&limit=1`,
      pullOutput,
    );
    if (probe.events[0]?.id !== start.cursorEventId) {
      throw new SyncFailure(
        'stop',
        'SERVER_WENT_BACK',
        '服务器上的案件数据比本机上次同步时少（服务器可能被重置或从旧备份恢复）。为免以不完整的数据为准，本次未应用任何数据，同步已停止，请联系管理员',
      );
    }
  }
  for (let page = 0; page < maxPages; page++) {
    const e = parts.store.enrolment()!;
    const p = await http.request(
      'GET',
      `/api/sync/pull?cursor=${e.cursor}&refCursor=${e.refCursor}&limit=${pageSize}`,
      pullOutput,
    );
    const byCase = new Map<string, CaseEvent[]>();
    for (const ev of p.events) byCase.set(ev.caseId, [...(byCase.get(ev.caseId) ?? []), ev as unknown as CaseEvent]);
    const at = now();
    parts.services.db
      .transaction(() => {
        for (const [caseId, events] of byCase) {
          const r = integrateCase(parts, caseId, events, 'pull', at);
          result.events += r.applied;
          if (r.newCase) result.newCases++;
          if (r.deferred) result.deferred++;
        }
        for (const ref of p.reference) {
          if (parts.records.addReference(ref, at))
            result.changes.push(
              `${kindNames[ref.kind] ?? ref.kind} ${ref.version} 版已下载（${ref.publishedAt.slice(0, 10)} 发布）`,
            );
        }
        parts.store.setCursors(p.cursor, p.events.at(-1)?.id ?? e.cursorEventId, p.refCursor);
      })
      .immediate();
    progress(result.events);
    if (!p.more) return result;
  }
  return result;
}
