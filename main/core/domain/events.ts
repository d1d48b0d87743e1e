/**
 * The events of a case (design rule 3). Every change to a case is one of these, appended to
 * `case_events`; the case projection is `events.reduce(applyEvent)`.
 * Payloads carry everything needed to rebuild the projection: never a reference to mutable data.
 */
import type { CaseState, DocumentRecord, EvidenceRecord } from '#common/schemas/cases.js';
import type { LawFigures } from '#common/schemas/legalBasis.js';
import type { ReviewResult } from '#common/schemas/fileReview.js';
import type { Arrangement } from '#common/dossierOrder.js';

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
  /** Absent in events written before these were asked at 立案. */
  partyKind?: CaseState['partyKind'];
  violationOn?: string | null;
  continuing?: boolean;
  lawFigures?: LawFigures;
  /** A party registered in another county: both counties and why this bureau has jurisdiction (处罚法 art. 22). */
  jurisdiction?: { partyCounty: string; bureauCounty: string; reason: string };
  discoveredOn: string;
  filedOn: string;
}

export interface TrackStartedPayload {
  trackId: string;
  procedure: { id: string; version: string };
  name: string;
  startNode: string;
  on: string;
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
  /** `main` or a track id; absent in events written before tracks existed (= main). */
  track?: string;
  /** The target node is terminal: the track (or, for main, the case) ends here. */
  terminal?: boolean;
  /** Legality-review rules a head overrode for this action, each with the written reason. */
  overrides?: Array<{ rule: string; ruleName: string; reason: string }>;
  /**
   * The type id of the document whose service (送达) the action records. Absent in events written
   * before: the reducer then reads it from the data (legacyServed.ts).
   */
  serves?: string;
}

export type CaseEventBody =
  | { type: 'case.opened'; payload: CaseOpenedPayload }
  | { type: 'document.generated'; payload: DocumentRecord }
  | { type: 'evidence.added'; payload: EvidenceRecord }
  | { type: 'action.performed'; payload: ActionPerformedPayload }
  | { type: 'track.started'; payload: TrackStartedPayload }
  // The figures the 从旧兼从轻 comparison needs, recorded (again) after 立案.
  | { type: 'case.lawFiguresRecorded'; payload: LawFigures }
  | { type: 'document.finalised'; payload: { documentId: string; docxSha256: string; pdfHash: string; pages: number } }
  // pdfHash/pages: the 正卷; `volumes` (absent in events before the 副卷 was bound apart) lists every volume bound.
  // retention, preparedBy and each volume's items/numberedPages: absent in events of earlier versions.
  | { type: 'dossier.built'; payload: DossierBuiltPayload }
  // 案卷评查: a run of the review on the file, and a reviewer's answer (accept or dispute, with a reason) to one deduction.
  | { type: 'review.ran'; payload: ReviewResult }
  | { type: 'review.responded'; payload: { deductionId: string; verdict: 'accept' | 'dispute'; reason: string } }
  // A reviewer's order of the file within the manifest's rules, and the drafts he left out (common/dossierOrder.ts).
  | { type: 'dossier.arranged'; payload: Arrangement };

export interface DossierBuiltPayload {
  pdfHash: string;
  pages: number;
  builtAt: string;
  volumes?: Array<{ volume: '正卷' | '副卷'; pdfHash: string; pages: number; items?: number; numberedPages?: number }>;
  retention?: '永久' | '30年' | '10年';
  preparedBy?: string;
}

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
  'track.started': '启动附加程序',
  'case.lawFiguresRecorded': '记录法律适用数额',
  'document.finalised': '文书定稿盖章',
  'dossier.built': '组卷',
  'review.ran': '案卷评查',
  'review.responded': '答复评查扣分',
  'dossier.arranged': '调整卷内顺序',
};
