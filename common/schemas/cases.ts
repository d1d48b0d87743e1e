import { z } from 'zod';
import { article, fineBand } from './reference.js';
import { isoDate, yuan } from './primitives.js';

export const party = z.object({
  enterpriseId: z.string().nullable(),
  name: z.string(),
  uscc: z.string(),
  legalRepresentative: z.string(),
  address: z.string(),
});

export const caseOfficer = z.object({ id: z.string(), name: z.string(), certificateNo: z.string(), certificateValidUntil: z.string() });

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
});
export type DocumentRecord = z.infer<typeof documentRecord>;

export const evidenceRecord = z.object({
  id: z.string(),
  kind: z.enum(['photo']),
  fileName: z.string(),
  mimeType: z.string(),
  hash: z.string(),
  size: z.number().int(),
  description: z.string(),
  takenOn: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type EvidenceRecord = z.infer<typeof evidenceRecord>;

export const serviceRecord = z.object({
  documentType: z.string(),
  servedOn: z.string(),
  method: z.string(),
  recipient: z.string(),
});

export const paymentRecord = z.object({ amount: yuan, paidOn: z.string(), receiptNo: z.string() });

/** The projection of one case, rebuilt from its events. */
export const caseState = z.object({
  id: z.string(),
  number: z.string(),
  bureauId: z.string(),
  procedure: z.object({ id: z.string(), version: z.string() }),
  node: z.string(),
  party,
  violation: z.object({
    id: z.string(), name: z.string(), breached: z.array(article), penaltyArticle: article,
    band: fineBand, penaltyText: z.string(),
  }),
  officers: z.array(caseOfficer),
  source: z.string(),
  summary: z.string(),
  discoveredOn: z.string(),
  filedOn: z.string(),
  openedAt: z.string(),
  openedBy: z.string(),
  filingApprovedOn: z.string().nullable(),
  report: z.object({ facts: z.string(), proposedFine: yuan, investment: yuan.nullable(), reasoning: z.string() }).nullable(),
  noticeApprovedOn: z.string().nullable(),
  noticedFine: yuan.nullable(),
  defence: z.object({ statements: z.array(z.object({ on: z.string(), text: z.string(), newFacts: z.boolean(), waived: z.boolean() })), closedOn: z.string().nullable() }),
  decision: z.object({ fine: yuan, approvedOn: z.string().nullable() }).nullable(),
  services: z.array(serviceRecord),
  payments: z.array(paymentRecord),
  documents: z.array(documentRecord),
  evidence: z.array(evidenceRecord),
  approvals: z.array(z.object({ action: z.string(), by: z.string(), byName: z.string(), at: z.string(), comment: z.string() })),
  dossier: z.object({ pdfHash: z.string(), pages: z.number().int(), builtAt: z.string() }).nullable(),
  closedOn: z.string().nullable(),
  version: z.number().int(),
  lastHash: z.string(),
});
export type CaseState = z.infer<typeof caseState>;

export const reasonView = z.object({ rule: z.string(), message: z.string(), citation: z.string() });
export type ReasonView = z.infer<typeof reasonView>;

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
});
export type ActionView = z.infer<typeof actionView>;

export const deadlineView = z.object({
  id: z.string(),
  name: z.string(),
  startEvent: z.string(),
  startOn: z.string(),
  dueOn: z.string(),
  unit: z.enum(['workingDays', 'calendarDays']),
  length: z.number().int(),
  citation: z.string(),
  status: z.enum(['running', 'dueSoon', 'overdue', 'met']),
  /** True when the calendar for a year in the period is missing and weekends alone were used. */
  calendarIncomplete: z.boolean(),
});
export type DeadlineView = z.infer<typeof deadlineView>;

export const phaseView = z.object({ id: z.string(), name: z.string(), status: z.enum(['done', 'current', 'todo']) });

export const requirementView = z.object({ text: z.string(), done: z.boolean(), citation: z.string() });

export const caseView = z.object({
  state: caseState,
  nodeName: z.string(),
  nodeCitation: z.string(),
  phases: z.array(phaseView),
  actions: z.array(actionView),
  requirements: z.array(requirementView),
  deadlines: z.array(deadlineView),
  documentTypes: z.array(z.object({ type: z.string(), name: z.string(), generated: z.boolean() })),
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
  query: z.string().max(100).default(''),
  state: z.enum(['all', 'open', 'closed']).default('all'),
  node: z.string().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const openCaseInput = z.object({
  enterpriseId: z.string().min(1, '请选择当事人'),
  violationId: z.string().min(1, '请选择违法行为'),
  officerIds: z.array(z.string()).min(2, '至少需要两名执法人员'),
  discoveredOn: isoDate,
  filedOn: isoDate,
  source: z.string().min(1).default('现场检查'),
  summary: z.string().min(1, '请填写案情摘要').max(2000),
  /** Makes a retried submission (double click, a dropped reply) open one case, not two. */
  requestId: z.string().min(8).max(64),
});

export const actInput = z.object({
  caseId: z.string(),
  action: z.string(),
  data: z.record(z.string(), z.unknown()).default({}),
  /** The case version the user looked at: an action on a case changed meanwhile is refused. */
  expectedVersion: z.number().int().optional(),
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
