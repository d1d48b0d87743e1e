/**
 * The data each procedure action form collects (the `form` named in the procedure definition).
 * Shared by the UI, which builds its dialogs from them, and the core, which validates with them.
 */
import { z } from 'zod';
import { isoDate, yuan } from './primitives.js';

export const actionForms = {
  approval: z.object({ comment: z.string().max(1000).default('') }),
  report: z.object({
    facts: z.string().min(1, '请填写违法事实').max(5000),
    proposedFine: yuan.positive('拟罚款金额应大于零'),
    investment: yuan.nullable().default(null),
    reasoning: z.string().max(5000).default(''),
  }),
  defence: z.object({
    on: isoDate,
    text: z.string().max(5000).default(''),
    newFacts: z.boolean().default(false),
    waived: z.boolean().default(false),
  }),
  payment: z.object({
    amount: yuan.positive('缴款金额应大于零'),
    paidOn: isoDate,
    receiptNo: z.string().min(1, '请填写缴款凭证号').max(100),
  }),
} as const;

export type ActionFormName = keyof typeof actionForms;
export const noForm = z.object({}).passthrough();
