/**
 * Number blocks: each workstation draws 案号 and 文号 offline from a block of a bureau's yearly
 * sequence that the server reserved for it, so numbers stay unique and gapless across desks
 * (docs/decisions.md, "Number blocks").
 */
import { z } from 'zod';
import { key } from '../schemas/primitives.js';

export const defaultBlockSize = 50;
export const maxBlockSize = 500;

export const numberBlockInput = z
  .object({
    /** The document kind's sequence (as the workstation's `sequences.kind`: e.g. the 案号 or a 决定书's 文号). */
    kind: key(40, '编号种类')
      .min(1, '缺少编号种类')
      .regex(/^[^\s\u0000]+$/, '编号种类不能含空白字符'),
    year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
    size: z
      .number()
      .int()
      .min(1, '号段至少1个号')
      .max(maxBlockSize, `号段不超过${maxBlockSize}个号`)
      .default(defaultBlockSize),
    /**
     * On a device's first request for a sequence: the last number its own counter gave before it was
     * enrolled. The server records 1…that number (those it has not handed out yet) as the device's, so
     * the cases it numbered as an island can be pushed, and starts the block after them.
     */
    usedBefore: z.number().int().min(0, '已用编号不正确').max(1_000_000, '已用编号不正确').optional(),
  })
  .strict();

export const numberBlockOutput = z.object({
  sequenceKey: z.string(),
  start: z.number(),
  end: z.number(),
  /** The numbers recorded as the device's from `usedBefore` (already given on the desk), if any. */
  claimed: z.object({ start: z.number(), end: z.number() }).optional(),
});

/**
 * The year and running number of a formatted 案号/文号 (`…〔2026〕12号`), or null. The pattern's tail is
 * fixed by the templates' manifest (`〔{year}〕{seq}号`), so the server checks a pushed number against
 * the device's blocks without knowing the bureau's abbreviation.
 */
export function parseNumber(n: string): { year: number; seq: number } | null {
  const m = /〔(\d{4})〕(\d{1,7})号$/.exec(n);
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

/** The server's key of a yearly sequence. */
export const sequenceKey = (year: number, kind: string): string => `${year}/${kind}`;
