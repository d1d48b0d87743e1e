import { z } from 'zod';

/** A calendar date as the law counts it: YYYY-MM-DD, no time zone. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '不是有效的日历日期');
/** An instant, ISO 8601 with offset. */
export const isoInstant = z.string().min(20);
export const id = z.string().min(1).max(64);
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const yuan = z.number().finite().nonnegative();
