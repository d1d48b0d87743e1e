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
  })
  .strict();

export const numberBlockOutput = z.object({
  sequenceKey: z.string(),
  start: z.number(),
  end: z.number(),
});

/** The server's key of a yearly sequence. */
export const sequenceKey = (year: number, kind: string): string => `${year}/${kind}`;
