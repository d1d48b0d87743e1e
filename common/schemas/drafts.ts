/**
 * Drafts: what a clerk typed into a form and has not submitted yet, kept by the core per user, case
 * and form (drafts.save / get / list / discard), so closing a dialog, a reload, a crash or a logout
 * never loses it. The form key names the form the same way in the renderer (which saves the draft)
 * and in the core (which deletes it in the transaction of the action, document or case it became).
 */
import { z } from 'zod';
import { jsonSizeAtMost, key, sizeBounded } from './primitives.js';

/** 笔录 run to pages; 200,000 characters is several times the longest form the core accepts. */
export const maxDraftChars = 200_000;

/** The 立案 form: a draft before there is a case. */
export const openCaseDraftForm = 'openCase';
/** A document's generation form (文书生成), per type and, on a track, per track. */
export const documentDraftForm = (type: string, track?: string): string =>
  track ? `document:${type}@${track}` : `document:${type}`;
/** An action's form (调查报告, 听证笔录, 缴款 …), per action and track. */
export const actionDraftForm = (action: string, track = 'main'): string => `action:${action}@${track}`;

const formKey = key(200, '表单标识')
  .min(1, '请指明草稿所属的表单')
  .regex(/^[A-Za-z0-9_.:@-]+$/, '表单标识只能含字母、数字和 _ . : @ -');

const draftValues = z
  .unknown()
  .refine((v) => v !== undefined, '草稿内容为空')
  .refine(
    (v) => jsonSizeAtMost(v, maxDraftChars),
    `草稿过大（不超过${maxDraftChars / 10_000}万字），未能保存；请删减后再试，已填写的内容仍在表单中`,
  );
draftValues.register(sizeBounded, { limit: `${maxDraftChars} chars of JSON` });

const caseOrNone = key(64, '案件标识').min(1).nullable();

export const draftRef = z.object({ caseId: caseOrNone, form: formKey }).strict();
export const draftSaveInput = z.object({ caseId: caseOrNone, form: formKey, values: draftValues }).strict();

export const draftView = z.object({
  caseId: z.string().nullable(),
  form: z.string(),
  values: z.unknown(),
  /** When it was last saved (ISO instant, the core's clock). */
  savedAt: z.string(),
});
export type DraftView = z.infer<typeof draftView>;

export const draftSummary = z.object({
  caseId: z.string().nullable(),
  /** 案件编号, for the list; null for a draft of 立案. */
  caseNumber: z.string().nullable(),
  /** 当事人, so a clerk tells his cases apart in 我的草稿; null for a draft of 立案. */
  partyName: z.string().nullable(),
  form: z.string(),
  /** The form as the clerk knows it: 立案登记, 生成《…》, or the action's name (调查报告 …). */
  formName: z.string(),
  savedAt: z.string(),
});
export type DraftSummary = z.infer<typeof draftSummary>;
