/**
 * The events of a case (design rule 3). Every change to a case is one of these, appended to
 * `case_events`; the case projection is `events.reduce(applyEvent)`.
 * Payloads carry everything needed to rebuild the projection: never a reference to mutable data.
 */
import type { CaseState, DocumentRecord, EvidenceRecord } from '../../../common/schemas/cases.js';

export interface CaseOpenedPayload {
  number: string;
  bureauId: string;
  procedure: CaseState['procedure'];
  startNode: string;
  party: CaseState['party'];
  violation: CaseState['violation'];
  officers: CaseState['officers'];
  source: string;
  summary: string;
  discoveredOn: string;
  filedOn: string;
}

export interface ActionPerformedPayload {
  action: string;
  from: string;
  to: string | null;
  approval: boolean;
  /** Absent in events written before send-backs were marked in the procedure data. */
  sendBack?: boolean;
  /** The action's data after validation, with the date the action took effect (`on`). */
  data: Record<string, unknown>;
  on: string;
}

export type CaseEventBody =
  | { type: 'case.opened'; payload: CaseOpenedPayload }
  | { type: 'document.generated'; payload: DocumentRecord }
  | { type: 'evidence.added'; payload: EvidenceRecord }
  | { type: 'action.performed'; payload: ActionPerformedPayload }
  | { type: 'dossier.built'; payload: { pdfHash: string; pages: number; builtAt: string } };

/** An event as stored: the body plus who, when, where, and its place in the hash chain. */
export type CaseEvent = CaseEventBody & {
  id: string;
  caseId: string;
  seq: number;
  actorId: string;
  actorName: string;
  device: string;
  hlc: string;
  at: string;
  prevHash: string;
  hash: string;
};

export const eventTypeNames: Record<CaseEventBody['type'], string> = {
  'case.opened': '立案登记',
  'document.generated': '生成文书',
  'evidence.added': '上传证据',
  'action.performed': '程序操作',
  'dossier.built': '组卷',
};
