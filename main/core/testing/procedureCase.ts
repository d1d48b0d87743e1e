/** Builds cases from events in pure tests of the engine and rules: no store, no clock. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseState } from '../../../common/schemas/cases.js';
import type { CaseEvent, CaseEventBody } from '../domain/events.js';
import { applyEvent } from '../domain/caseReducer.js';
import { procedureDefinition, type ProcedureDefinition } from '../domain/procedure/definition.js';
import { WorkingCalendar, type CalendarYear } from '../domain/calendar.js';
import { resourcesDir } from '../paths.js';

export const ordinary: ProcedureDefinition = procedureDefinition.parse(
  JSON.parse(readFileSync(join(resourcesDir(), 'procedures', 'ordinary.v1.json'), 'utf8')));

export const calendar = new WorkingCalendar([2025, 2026].map((y) =>
  JSON.parse(readFileSync(join(resourcesDir(), 'calendars', `cn-${y}.json`), 'utf8')) as CalendarYear));

let n = 0;
export function event(state: CaseState | null, body: CaseEventBody, at = '2026-03-02T02:00:00.000Z'): CaseEvent {
  n++;
  return { ...body, id: `e${n}`, caseId: state?.id ?? 'case-1', seq: (state?.version ?? 0) + 1, actorId: 'u', actorName: '测试', device: 'd', hlc: String(n), at, prevHash: '', hash: `h${n}` } as CaseEvent;
}

export function openedCase(filedOn = '2026-03-02'): CaseState {
  return applyEvent(null, event(null, {
    type: 'case.opened',
    payload: {
      number: '测立字〔2026〕1号', bureauId: 'b', procedure: { id: ordinary.id, version: ordinary.version }, startNode: ordinary.start,
      party: { enterpriseId: 'e', name: '天柱某某砂石有限公司', uscc: '91522627MA6DLX3K0A', legalRepresentative: '王某', address: '天柱县' },
      violation: { id: 'air', name: '超标排放大气污染物', breached: [], penaltyArticle: { law: '《大气污染防治法》', article: '第九十九条' }, band: { kind: 'range', min: 100000, max: 1000000 }, penaltyText: '' },
      officers: [
        { id: 'o1', name: '张伟', certificateNo: 'A1', certificateValidUntil: '2029-12-31' },
        { id: 'o2', name: '李娜', certificateNo: 'A2', certificateValidUntil: '2029-12-31' },
      ],
      source: '现场检查', summary: '', discoveredOn: filedOn, filedOn,
    },
  }));
}

export function withDocument(s: CaseState, type: string, fields: Record<string, string> = {}): CaseState {
  return applyEvent(s, event(s, { type: 'document.generated', payload: { id: `d-${type}-${s.version}`, type, name: type, number: null, version: 1, docxHash: 'x', templateVersion: '1', generatedAt: '', generatedBy: '', fields } }));
}

export function withPhoto(s: CaseState): CaseState {
  return applyEvent(s, event(s, { type: 'evidence.added', payload: { id: `p${s.version}`, kind: 'photo', fileName: 'a.png', mimeType: 'image/png', hash: 'x', size: 1, description: '排放口', takenOn: s.filedOn, addedAt: '', addedBy: '' } }));
}

export function act(s: CaseState, action: string, data: Record<string, unknown> = {}, on = s.filedOn): CaseState {
  const a = ordinary.actions.find((x) => x.id === action);
  if (!a) throw new Error(`no action ${action}`);
  return applyEvent(s, event(s, { type: 'action.performed', payload: { action, from: s.node, to: a.to ?? null, approval: Boolean(a.approval), sendBack: Boolean(a.sendBack), data, on } }));
}
