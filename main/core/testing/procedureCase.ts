/** Builds cases from events in pure tests of the engine and rules: no store, no clock. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseState } from '#common/schemas/cases.js';
import type { Role } from '#common/roles.js';
import type { CaseEvent, CaseEventBody } from '../domain/events.js';
import { applyEvent } from '../domain/caseReducer.js';
import type { ProcedureDefinition } from '../domain/procedure/definition.js';
import { WorkingCalendar, type CalendarYear } from '../domain/calendar.js';
import { mainTrackId, nodeOf, targetOf, trackOf, type EvaluationContext } from '../domain/procedure/engine.js';
import type { ReviewContext } from '../domain/legality/review.js';
import { deriveActionData } from '../domain/procedure/derive.js';
import { servedBy } from '../domain/procedure/servedDocument.js';
import { compareVersions, versionInForce } from '../domain/procedure/versions.js';
import { loadProcedures } from '../services.js';
import { resourcesDir } from '../paths.js';

/**
 * Every shipped definition by `id@version`, loaded as the core loads them (a version written as
 * changes to an earlier one resolved, every definition checked).
 */
export const allDefinitions: ReadonlyMap<string, ProcedureDefinition> = loadProcedures();

/** The first ordinary procedure (v1): cases opened under it must keep working. */
export const ordinary = allDefinitions.get('ordinary@2026.1')!;

/**
 * Every shipped version of procedure `id` from version `since` on, oldest first. A test of what a
 * version brought runs over it and every later one (`describe.each`), so a new version is tested
 * without editing the test.
 */
export function versionsOf(id: string, since = '0'): ProcedureDefinition[] {
  const list = [...allDefinitions.values()]
    .filter((d) => d.id === id && compareVersions(d.version, since) >= 0)
    .sort((a, b) => compareVersions(a.version, b.version));
  if (!list.length) throw new Error(`没有 ${id} ${since} 及以后的程序版本`);
  return list;
}

export const calendar = new WorkingCalendar(
  [2025, 2026].map(
    (y) => JSON.parse(readFileSync(join(resourcesDir(), 'calendars', `cn-${y}.json`), 'utf8')) as CalendarYear,
  ),
);

export function reviewCtx(today: string, over: Partial<ReviewContext> = {}): ReviewContext {
  return {
    today,
    calendar,
    hearingThreshold: { organisationYuan: 50000, citizenYuan: 5000 },
    thresholds: { legalReviewFineYuan: 500000, collectiveDiscussionFineYuan: 500000 },
    numberedTypes: new Set(['filing-approval', 'penalty-notice', 'penalty-decision']),
    documentName: (t) => `《${t}》`,
    ...over,
  };
}

export function evalCtx(
  today: string,
  roles: Role[] = ['officer'],
  over: Partial<ReviewContext> = {},
): EvaluationContext {
  return { today, calendar, roles, review: reviewCtx(today, over), procedures: allDefinitions };
}

let n = 0;
export function event(state: CaseState | null, body: CaseEventBody, at = '2026-03-02T02:00:00.000Z'): CaseEvent {
  n++;
  return {
    ...body,
    id: `e${n}`,
    caseId: state?.id ?? 'case-1',
    seq: (state?.version ?? 0) + 1,
    actorId: 'u',
    actorName: '测试',
    device: 'd',
    hlc: String(n),
    at,
    prevHash: '',
    hash: `h${n}`,
  } as CaseEvent;
}

export function openedCase(
  filedOn = '2026-03-02',
  def: ProcedureDefinition = ordinary,
  over: Partial<{ partyKind: CaseState['partyKind']; band: CaseState['violation']['band'] }> = {},
): CaseState {
  return applyEvent(
    null,
    event(null, {
      type: 'case.opened',
      payload: {
        number: '测立字〔2026〕1号',
        bureauId: 'b',
        procedure: { id: def.id, version: def.version },
        startNode: def.start,
        party: {
          enterpriseId: 'e',
          name: '天柱某某砂石有限公司',
          uscc: '91522627MA6DLX3K0A',
          legalRepresentative: '王某',
          address: '天柱县',
        },
        violation: {
          id: 'air',
          name: '超标排放大气污染物',
          breached: [],
          penaltyArticle: { law: '《大气污染防治法》', article: '第九十九条' },
          band: over.band ?? { kind: 'range', min: 100000, max: 1000000 },
          penaltyText: '',
        },
        officers: [
          { id: 'o1', name: '张伟', certificateNo: 'A1', certificateValidUntil: '2029-12-31' },
          { id: 'o2', name: '李娜', certificateNo: 'A2', certificateValidUntil: '2029-12-31' },
        ],
        source: '现场检查',
        summary: '',
        discoveredOn: filedOn,
        filedOn,
        partyKind: over.partyKind ?? 'organisation',
        violationOn: null,
        continuing: false,
      },
    }),
  );
}

export function withDocument(
  s: CaseState,
  type: string,
  fields: Record<string, string> = {},
  number: string | null = null,
): CaseState {
  return applyEvent(
    s,
    event(s, {
      type: 'document.generated',
      payload: {
        id: `d-${type}-${s.version}`,
        type,
        name: type,
        number,
        version: 1,
        docxHash: 'x',
        templateVersion: '1',
        generatedAt: '',
        generatedBy: '',
        fields,
      },
    }),
  );
}

export function withPhoto(s: CaseState): CaseState {
  return applyEvent(
    s,
    event(s, {
      type: 'evidence.added',
      payload: {
        id: `p${s.version}`,
        kind: 'photo',
        fileName: 'a.png',
        mimeType: 'image/png',
        hash: 'x',
        size: 1,
        description: '排放口',
        takenOn: s.filedOn,
        addedAt: '',
        addedBy: '',
      },
    }),
  );
}

/** Starts the version of a track in force on `on`, as the core would (cases.startTrack). */
export function startTrack(s: CaseState, procedure: string, on = s.filedOn): CaseState {
  const def = versionInForce(allDefinitions.values(), procedure, on)!;
  const k = s.tracks.filter((t) => t.procedure.id === procedure).length + 1;
  return applyEvent(
    s,
    event(s, {
      type: 'track.started',
      payload: {
        trackId: `${procedure}-${k}`,
        procedure: { id: def.id, version: def.version },
        name: def.name,
        startNode: def.start,
        on,
      },
    }),
  );
}

/** Performs an action as the core would (target resolved by the engine), without checking whether it is allowed. */
export function act(
  s: CaseState,
  action: string,
  data: Record<string, unknown> = {},
  on = s.filedOn,
  track = mainTrackId,
): CaseState {
  const t = trackOf(s, track, allDefinitions);
  const a = t.def.actions.find((x) => x.id === action);
  if (!a) throw new Error(`no action ${action} in ${t.def.id}`);
  const full = deriveActionData(a, s, track, data, t.def.dailyCount);
  const to = targetOf(a, s, evalCtx(on), full, track, t.returnTo);
  const terminal = to ? Boolean(nodeOf(t.def, to).terminal) : false;
  const serves = servedBy(a, full);
  return applyEvent(
    s,
    event(s, {
      type: 'action.performed',
      payload: {
        action,
        from: t.node,
        to,
        approval: Boolean(a.approval),
        sendBack: Boolean(a.sendBack),
        data: full,
        on,
        ...(track !== mainTrackId ? { track } : {}),
        ...(terminal ? { terminal } : {}),
        ...(serves ? { serves } : {}),
      },
    }),
  );
}
