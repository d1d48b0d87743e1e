import { z } from 'zod';
import { article, fineBand } from './reference.js';
import { boundedRecord, isoDate, key, plainText, retentionPeriod, searchText, yuan } from './primitives.js';
import { discretionRecord } from './actions.js';
import { lawFigures, legalBasis } from './legalBasis.js';
import { evidenceOcr } from './ocr.js';
import { fileReviewState } from './fileReview.js';
import { dossierArrangement } from './dossierOrder.js';

export const party = z.object({
  enterpriseId: z.string().nullable(),
  name: z.string(),
  uscc: z.string(),
  legalRepresentative: z.string(),
  address: z.string(),
});

export const caseOfficer = z.object({
  id: z.string(),
  name: z.string(),
  certificateNo: z.string(),
  certificateValidUntil: z.string(),
});

export const documentRecord = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  number: z.string().nullable(),
  version: z.number().int(),
  docxHash: z.string(),
  templateVersion: z.string(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  fields: z.record(z.string(), z.string()),
  /** The track it was made for (`seizure-2` …); absent for the main procedure. */
  track: z.string().optional(),
  /** How many actions the track had taken when it was made: a later one of the same type is a new document (a loop), not a regeneration. */
  trackStep: z.number().int().optional(),
  /** `reimported`: a clerk's edit of the previous version, made in Word/WPS and brought back. */
  origin: z.enum(['generated', 'reimported']).optional(),
  /** The data fields whose text the re-imported edit changed (keys), shown to the user. */
  changedFields: z.array(z.string()).optional(),
  /** 更正: this version corrects a finalised one (its id), for the reason given. */
  correctionOf: z.string().optional(),
  correctionReason: z.string().optional(),
  /** Finalised (定稿): locked, hashed, sealed PDF filed into the dossier; only a 更正 may follow. */
  finalised: z
    .object({ at: z.string(), by: z.string(), docxSha256: z.string(), pdfHash: z.string(), pages: z.number().int() })
    .optional(),
});
export type DocumentRecord = z.infer<typeof documentRecord>;

export const evidenceRecord = z.object({
  id: z.string(),
  /** execution: 执行凭证 (缴款凭证, the court's papers), filed with the execution in the 正卷; scan: 书证扫描件; office: 电子文件. */
  kind: z.enum(['photo', 'scan', 'audio', 'video', 'office', 'sampling', 'other', 'execution']),
  fileName: z.string(),
  mimeType: z.string(),
  hash: z.string(),
  size: z.number().int(),
  description: z.string(),
  takenOn: z.string(),
  /** Absent on evidence recorded before they were asked for: time (HH:MM), place, 来源 and 取证人. */
  takenAt: z.string().optional(),
  place: z.string().optional(),
  source: z.string().optional(),
  collectors: z.array(z.string()).optional(),
  addedAt: z.string(),
  addedBy: z.string(),
  /**
   * A recording's or video's length, read once when it was recorded (main/core/media): null when it could
   * not be read; absent on evidence recorded before it was (the dossier then reads it from the file's header).
   */
  durationSeconds: z.number().nonnegative().nullable().optional(),
  /** A video's still frame (JPEG in the blob store), taken when it was recorded; absent when none could be taken. */
  stillHash: z.string().optional(),
});
export type EvidenceRecord = z.infer<typeof evidenceRecord>;

export const serviceRecord = z.object({
  documentType: z.string(),
  servedOn: z.string(),
  method: z.string(),
  recipient: z.string(),
});

export const paymentRecord = z.object({ amount: yuan, paidOn: z.string(), receiptNo: z.string() });

/** One performance of a procedure action, kept so that rules and deadlines can be plain data. */
export const stepRecord = z.object({
  track: z.string(),
  action: z.string(),
  on: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type StepRecord = z.infer<typeof stepRecord>;

/** A track (责令改正, 查封扣押 …) running alongside the case's main procedure; `id` is `main` for the main one. */
export const trackState = z.object({
  id: z.string(),
  procedure: z.object({ id: z.string(), version: z.string() }),
  name: z.string(),
  node: z.string(),
  startedOn: z.string(),
  /** The node to go back to when a 中止 ends. */
  returnTo: z.string().nullable(),
  endedOn: z.string().nullable(),
});
export type TrackState = z.infer<typeof trackState>;

export const overrideRecord = z.object({
  action: z.string(),
  track: z.string(),
  rule: z.string(),
  ruleName: z.string(),
  reason: z.string(),
  byName: z.string(),
  on: z.string(),
});

/** Citizen or organisation: the summary-procedure and hearing limits differ (处罚法 arts. 51, 63). */
export const partyKind = z.enum(['organisation', 'individual']);

/** The projection of one case, rebuilt from its events. */
export const caseState = z.object({
  id: z.string(),
  number: z.string(),
  bureauId: z.string(),
  procedure: z.object({ id: z.string(), version: z.string() }),
  node: z.string(),
  party,
  violation: z.object({
    id: z.string(),
    name: z.string(),
    breached: z.array(article),
    penaltyArticle: article,
    band: fineBand,
    penaltyText: z.string(),
  }),
  officers: z.array(caseOfficer),
  source: z.string(),
  summary: z.string(),
  partyKind,
  /** When the violation happened, or ended if it continued (处罚法 art. 36); null in cases opened before this was asked. */
  violationOn: z.string().nullable(),
  continuing: z.boolean(),
  /** Figures the 从旧兼从轻 comparison reads (investment, 情节严重, which new provision); absent in older cases. */
  lawFigures: lawFigures.nullable().optional(),
  discoveredOn: z.string(),
  filedOn: z.string(),
  openedAt: z.string(),
  openedBy: z.string(),
  filingApprovedOn: z.string().nullable(),
  report: z
    .object({
      facts: z.string(),
      proposedFine: yuan,
      investment: yuan.nullable(),
      reasoning: z.string(),
      /** The 裁量计算 behind the fine, when one was used (absent in reports made before it existed). */
      discretion: discretionRecord.nullable().optional(),
    })
    .nullable(),
  noticeApprovedOn: z.string().nullable(),
  noticedFine: yuan.nullable(),
  defence: z.object({
    statements: z.array(z.object({ on: z.string(), text: z.string(), newFacts: z.boolean(), waived: z.boolean() })),
    closedOn: z.string().nullable(),
  }),
  decision: z
    .object({
      kind: z.enum(['penalty', 'noPenalty', 'transfer']),
      fine: yuan,
      warning: z.boolean(),
      approvedOn: z.string().nullable(),
    })
    .nullable(),
  services: z.array(serviceRecord),
  payments: z.array(paymentRecord),
  documents: z.array(documentRecord),
  evidence: z.array(evidenceRecord),
  approvals: z.array(
    z.object({ action: z.string(), by: z.string(), byName: z.string(), at: z.string(), comment: z.string() }),
  ),
  /** The last 组卷: pdfHash/pages are the 正卷's; `volumes` lists every bound volume (absent in dossiers bound before the 副卷 was bound apart). */
  dossier: z
    .object({
      pdfHash: z.string(),
      pages: z.number().int(),
      builtAt: z.string(),
      volumes: z
        .array(
          z.object({
            volume: z.enum(['正卷', '副卷']),
            pdfHash: z.string(),
            pages: z.number().int(),
            /** 件数 (卷内目录 rows) and 页数 (numbered pages: documents, photos, 备考表), as the bound cover prints them; absent in earlier versions. */
            items: z.number().int().optional(),
            numberedPages: z.number().int().optional(),
          }),
        )
        .optional(),
      /** 保管期限 chosen for the binding, and 立卷人 (who bound it); absent in dossiers bound by earlier versions. */
      retention: retentionPeriod.optional(),
      preparedBy: z.string().optional(),
    })
    .nullable(),
  /** Node the main procedure returns to when a 中止 ends. */
  returnTo: z.string().nullable(),
  tracks: z.array(trackState),
  steps: z.array(stepRecord),
  overrides: z.array(overrideRecord),
  closedOn: z.string().nullable(),
  /** 案卷评查: the last review of the file and the answers to its deductions; absent until one runs. */
  fileReview: fileReviewState.optional(),
  /** The reviewer's order of the file within the manifest's rules and the drafts left out; absent: the rules' order. */
  dossierArrangement: dossierArrangement.extend({ at: z.string(), byName: z.string() }).optional(),
  version: z.number().int(),
  lastHash: z.string(),
});
export type CaseState = z.infer<typeof caseState>;

export const reasonView = z.object({ rule: z.string(), message: z.string(), citation: z.string() });
export type ReasonView = z.infer<typeof reasonView>;

/**
 * why this user may not do an action now although the procedure would allow it — separation
 * of duties (处罚法 arts. 57, 58), or 定稿 before the approval the document's step needs. The page
 * disables the button and shows `message` as its tooltip.
 */
export const blockedBy = z.object({
  rule: z.enum(['separationOfDuties', 'approvalBeforeSeal']),
  article: z.string(),
  message: z.string(),
});
export type BlockedBy = z.infer<typeof blockedBy>;

export const actionView = z.object({
  id: z.string(),
  name: z.string(),
  allowed: z.boolean(),
  roles: z.array(z.string()),
  /** A head's decision (批准…) or a send-back (退回…): the UI confirms these before sending. */
  kind: z.enum(['step', 'approval', 'sendBack']),
  /** Why the action is blocked now: the rules that failed, each citing its article. */
  reasons: z.array(reasonView),
  /** Name of the form the UI shows to collect `data` for the action, if any. */
  form: z.string().nullable(),
  /** `main`, or the id of the track the action belongs to. */
  track: z.string(),
  /**
   * The core's answer whether this user may do the blocked action by overriding with a written reason:
   * only legality-review rules block it, the procedure lets it be overridden and his role may override.
   */
  overridable: z.boolean(),
  /** set (and `allowed` false) when this user may not do it on this case; the rule is also among `reasons`. */
  blockedBy: blockedBy.optional(),
});
export type ActionView = z.infer<typeof actionView>;

export const deadlineView = z.object({
  id: z.string(),
  name: z.string(),
  startEvent: z.string(),
  startOn: z.string(),
  dueOn: z.string(),
  unit: z.enum(['workingDays', 'calendarDays', 'months']),
  length: z.number().int(),
  /** A second period counted from the end of the first (e.g. 强制法 art. 53: three months after the litigation period). */
  then: z.object({ length: z.number().int(), unit: z.enum(['workingDays', 'calendarDays', 'months']) }).optional(),
  citation: z.string(),
  /** The track the deadline belongs to (`main` for the main procedure). */
  track: z.string(),
  /** The bureau's own time limit, or a period the law gives the party (the procedure data says which). */
  owner: z.enum(['bureau', 'party']),
  /** Extensions granted so far, with the article that allows them. */
  extensions: z.number().int(),
  status: z.enum(['running', 'dueSoon', 'overdue', 'met']),
  /** True when the calendar for a year in the period is missing and weekends alone were used. */
  calendarIncomplete: z.boolean(),
});
export type DeadlineView = z.infer<typeof deadlineView>;

/** `notApplicable`: a phase the case passed by (e.g. 法制审核 under its threshold); `note` says why, on the case's facts. */
export const phaseView = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['done', 'current', 'todo', 'notApplicable']),
  note: z.string().optional(),
});
export type PhaseView = z.infer<typeof phaseView>;

export const requirementView = z.object({ text: z.string(), done: z.boolean(), citation: z.string() });

/** One rule of the legality review (合法性审查): pass or fail, its article and what it looked at. */
export const legalityCheck = z.object({
  id: z.string(),
  name: z.string(),
  passed: z.boolean(),
  /** Not applicable to this case (e.g. no hearing threshold met): shown, never blocking. */
  applicable: z.boolean(),
  message: z.string(),
  citation: z.string(),
  evidence: z.array(z.string()),
});
export type LegalityCheck = z.infer<typeof legalityCheck>;
export const legalityReview = z.object({
  point: z.enum(['decision', 'closing']),
  checks: z.array(legalityCheck),
  passed: z.boolean(),
});
export type LegalityReview = z.infer<typeof legalityReview>;

const documentTypeView = z.object({
  type: z.string(),
  name: z.string(),
  generated: z.boolean(),
  hasTemplate: z.boolean(),
});

/** What the case page shows of one side track. */
export const trackView = z.object({
  id: z.string(),
  name: z.string(),
  nodeName: z.string(),
  nodeCitation: z.string(),
  ended: z.boolean(),
  phases: z.array(phaseView),
  actions: z.array(actionView),
  requirements: z.array(requirementView),
  documentTypes: z.array(documentTypeView),
});
export type TrackView = z.infer<typeof trackView>;

export const startableTrack = z.object({
  procedure: z.string(),
  name: z.string(),
  citation: z.string(),
  allowed: z.boolean(),
  reasons: z.array(reasonView),
});
export type StartableTrack = z.infer<typeof startableTrack>;

export const caseView = z.object({
  state: caseState,
  nodeName: z.string(),
  nodeCitation: z.string(),
  phases: z.array(phaseView),
  actions: z.array(actionView),
  requirements: z.array(requirementView),
  deadlines: z.array(deadlineView),
  documentTypes: z.array(documentTypeView),
  tracks: z.array(trackView),
  startableTracks: z.array(startableTrack),
  /** The legality review at a decision or closing node; null elsewhere. */
  legality: legalityReview.nullable(),
  /** 加处罚款: 3% of the fine a day after the payment period, never more than the fine (处罚法 art. 72). */
  surcharge: z.object({ days: z.number().int(), amount: yuan, cappedAtFine: z.boolean() }).nullable(),
  /** True while a 中止 is in force. */
  suspended: z.boolean(),
  /** The law the case rests on, from the date of its act (从旧兼从轻); null when the act's date is unknown. */
  legalBasis: legalBasis.nullable(),
  /** what the core would refuse on a document now (定稿 before its approval), with why. */
  documentGates: z.array(z.object({ documentId: z.string(), action: z.literal('finalise'), blockedBy })),
  /** OCR of each scanned evidence file: waiting, or read with the pages that could not be (not searchable). */
  ocr: z.array(evidenceOcr).optional(),
});
export type CaseView = z.infer<typeof caseView>;

export const caseListRow = z.object({
  id: z.string(),
  number: z.string(),
  partyName: z.string(),
  violationName: z.string(),
  node: z.string(),
  nodeName: z.string(),
  filedOn: z.string(),
  updatedAt: z.string(),
  closed: z.boolean(),
});
export type CaseListRow = z.infer<typeof caseListRow>;

export const caseListInput = z.object({
  query: searchText(100).default(''),
  state: z.enum(['all', 'open', 'closed']).default('all'),
  node: key(100).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const openCaseInput = z.object({
  /** 一般程序 (ordinary, default) or 简易程序 (summary: 当场处罚). */
  procedure: z.enum(['ordinary', 'summary']).default('ordinary'),
  partyKind: partyKind.default('organisation'),
  /** When the violation happened (or ended); checked against the limitation period at 立案. */
  violationOn: isoDate.optional(),
  continuing: z.boolean().default(false),
  /** 涉及公民生命健康安全、金融安全且有危害后果: the limitation period is five years (处罚法 art. 36). */
  seriousHarm: z.boolean().default(false),
  /** 造成环境污染、生态破坏等危害后果: five years under 生态环境法典 art. 1054 (acts from its commencement). */
  pollutionHarm: z.boolean().default(false),
  /** Figures for comparing old and new law (e.g. 建设项目总投资额), when known at 立案. */
  lawFigures: lawFigures.optional(),
  enterpriseId: key(64, '当事人标识').min(1, '请选择当事人'),
  violationId: key(64, '违法行为标识').min(1, '请选择违法行为'),
  officerIds: z.array(key(64, '执法人员标识')).min(2, '至少需要两名执法人员').max(20, '执法人员不超过20名'),
  discoveredOn: isoDate,
  filedOn: isoDate,
  source: plainText(100, '案件来源').min(1).default('现场检查'),
  summary: plainText(2000, '案情摘要').min(1, '请填写案情摘要'),
  /** Makes a retried submission (double click, a dropped reply) open one case, not two. */
  requestId: z.string().min(8).max(64),
  /** Why this bureau has jurisdiction over a party registered in another county (处罚法 art. 22); required then. */
  jurisdictionReason: plainText(500, '管辖理由').optional(),
});

export const actInput = z.object({
  caseId: key(64, '案件标识'),
  action: key(100, '操作'),
  /** The track the action belongs to: `main` (default) or a track id from the case view. */
  track: key(100, '附加程序').default('main'),
  /** A head overriding failed legality-review rules must say why; recorded in the history and the 备考表. */
  overrideReason: plainText(2000, '理由').optional(),
  /** The action's form (checked against its schema by the core); bounded as a whole here. */
  data: boundedRecord(key(100, '表单项'), z.unknown(), 100, 200_000, '表单').default({}),
  /** The case version the user looked at: an action on a case changed meanwhile is refused. */
  expectedVersion: z.number().int().optional(),
});

export const startTrackInput = z.object({
  caseId: key(64, '案件标识'),
  procedure: key(100, '程序'),
  expectedVersion: z.number().int().optional(),
});

export const deadlineOverviewInput = z.object({
  /** Warn this many working days ahead (the bureau's setting when absent). */
  warnAheadWorkingDays: z.number().int().min(0).max(30).optional(),
  include: z.enum(['attention', 'all']).default('attention'),
});
export const deadlineOverviewRow = deadlineView.extend({
  caseId: z.string(),
  caseNumber: z.string(),
  partyName: z.string(),
  trackName: z.string(),
});
export const deadlineOverview = z.object({
  warnAheadWorkingDays: z.number().int(),
  rows: z.array(deadlineOverviewRow),
});

export const historyEntry = z.object({
  seq: z.number().int(),
  id: z.string(),
  type: z.string(),
  summary: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  device: z.string(),
  at: z.string(),
  hlc: z.string(),
  hash: z.string(),
});
export const historyOutput = z.object({ entries: z.array(historyEntry), chainValid: z.boolean() });

export const recordLawFiguresInput = z.object({
  caseId: key(64, '案件标识'),
  figures: lawFigures,
  expectedVersion: z.number().int().optional(),
});
