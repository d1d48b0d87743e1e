/** The ledgers (台账) the portal downloads as .xlsx (docs/ledgers.md): which ones, and for which bureau's subtree. */
import { z } from 'zod';

export const ledgerKinds = { cases: '案件台账', inspections: '现场检查台账' } as const;
export type LedgerKind = keyof typeof ledgerKinds;

export const ledgerParams = z
  .object({
    kind: z.enum(['cases', 'inspections'], { error: '台账只有 cases（案件台账）和 inspections（现场检查台账）' }),
  })
  .strict();

export const ledgerQuery = z
  .object({
    bureauId: z
      .string()
      .regex(/^\d{6}$/, '单位代码应为6位行政区划代码')
      .optional(),
  })
  .strict();
