/**
 * The year-end list of reserved but unused 案号/文号 (docs/decisions.md, "Number blocks"): every block the
 * server reserved for a device, minus the numbers pushed from it, so the bureau's register explains every
 * number — the rest of a block on a desk, a block whose reply was lost, a revoked desk's block.
 */
import { z } from 'zod';

export const unusedNumbersQuery = z
  .object({
    year: z.coerce.number().int('年份不正确').min(2000, '年份不正确').max(2100, '年份不正确'),
    bureauId: z
      .string()
      .regex(/^\d{6}$/, '单位代码应为6位行政区划代码')
      .optional(),
  })
  .strict();

export interface NumberRange {
  start: number;
  end: number;
}

export interface UnusedBlock {
  bureauId: string;
  bureauName: string;
  /** `case` for 案号, else the document type whose 文号 the sequence gives. */
  kind: string;
  start: number;
  end: number;
  deviceId: string;
  deviceName: string;
  /** The device's credential was revoked: these numbers will never be given. */
  revoked: boolean;
  reservedAt: string;
  unused: NumberRange[];
  unusedCount: number;
}

export interface UnusedNumbersOutput {
  year: number;
  /** Blocks with at least one unused number, by bureau, kind and start. */
  blocks: UnusedBlock[];
  /** Unused numbers in all. */
  total: number;
}
