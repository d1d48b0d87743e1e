/**
 * What the 案卷评查 looks at, gathered by the application (application/fileReview.ts) and judged here
 * without I/O: the case, the legality checklists, the deadlines, the text of the documents that must
 * say something, the laws repealed, and what the bound volumes really show (read from their PDFs).
 */
import type { CaseState, LegalityReview } from '#common/schemas/cases.js';
import type { LawRepeal } from '#common/schemas/laws.js';

/** One bound volume as its PDF shows it: printed figures next to the real ones. */
export interface BoundVolumeFacts {
  volume: '正卷' | '副卷';
  /** Each row of the 卷内目录 as printed: its 序号 and its 页号 (“3” or “3-5”). */
  catalog: Array<{ seq: number; page: string }>;
  /** Where each filed item really begins (its bookmark), as the number printed on that page; in filing order. */
  starts: Array<{ title: string; page: number | null }>;
  /** The printed number of the 备考表's first page (null when not found). */
  remarksStart: number | null;
  /** How many numbered pages the volume really has (documents, photos, 备考表). */
  numberedPages: number;
  /** “本卷共 X 件 N 页” on the cover, and the 备考表's count line, as printed (null when not found). */
  cover: { items: number; pages: number } | null;
  remarks: { items: number; pages: number } | null;
}

/** A document's text, for the rules that read what it says (必备内容, the articles a decision cites). */
export interface DocumentText {
  documentId: string;
  type: string;
  text: string;
}

/** A deadline of the case as the procedure data evaluates it, with the day it was met. */
export interface DeadlineFact {
  name: string;
  track: string;
  owner: 'bureau' | 'party';
  dueOn: string;
  status: 'running' | 'dueSoon' | 'overdue' | 'met';
  metOn: string | null;
  citation: string;
}

export interface ReviewFacts {
  state: CaseState;
  /** The day of the review. */
  today: string;
  /** The legality checklist at the decision (as of the decision's day) and at 结案; null before those points. */
  legality: { decision: LegalityReview | null; closing: LegalityReview | null };
  /** The day of the act the law is read on (the end of a continuing act); null when unknown. */
  actOn: string | null;
  repeals: readonly LawRepeal[];
  deadlines: DeadlineFact[];
  texts: DocumentText[];
  /** The last binding's volumes; empty when never bound. */
  volumes: BoundVolumeFacts[];
}

/** One thing a rule found: what, and where a reader sees it (null: no page shows it). */
export interface Finding {
  message: string;
  page: string | null;
}
