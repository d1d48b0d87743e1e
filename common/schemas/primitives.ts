import { z } from 'zod';

/** A calendar date as the law counts it: YYYY-MM-DD, no time zone. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '不是有效的日历日期',
  );
/** An instant, ISO 8601 with offset. */
export const isoInstant = z.string().min(20);
export const id = z.string().min(1).max(64);
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const yuan = z.number().finite().nonnegative();

/*
 * bounded inputs. Every string and list an operation accepts has a limit stated in Chinese,
 * and text typed by a user rejects control characters (NUL and the like), which no field needs and
 * which SQLite's full-text queries and the documents cannot take. Tab and line breaks stay allowed.
 * `common/schemas/limits.test.ts` walks every operation's input and fails on an unbounded one.
 */

/** C0 controls other than tab, LF and CR; DEL and the C1 controls; a lone UTF-16 surrogate (not a character at all). */
const forbiddenChars =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasControlChars(s: string): boolean {
  return forbiddenChars.test(s);
}

/** Text typed by a user: at most `max` characters, no control characters. `what` names it in the messages. */
export function plainText(max: number, what = '内容') {
  return z
    .string()
    .max(max, `${what}过长（不超过${max}字）`)
    .refine((s) => !hasControlChars(s), `${what}含有不允许的控制字符`);
}

/** What a user searches for: trimmed, 1 to `max` characters, no control characters. */
export function searchText(max = 100, what = '检索词') {
  return z
    .string()
    .trim()
    .max(max, `${what}过长（不超过${max}字）`)
    .refine((s) => !hasControlChars(s), `${what}含有不允许的控制字符`);
}

/** A key the core made or the contract names (a case id, a document type, a track): at most `max` characters. */
export function key(max = 100, what = '标识') {
  return z.string().max(max, `${what}过长（不超过${max}个字符）`);
}

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10}MB`;
/** How many Base64 characters carry `bytes` bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/** A file uploaded as Base64: at most `maxBytes` bytes once decoded, the limit stated in the message. */
export function base64File(maxBytes: number, what = '文件', emptyMessage = `${what}为空`) {
  return z
    .string()
    .min(1, emptyMessage)
    .max(base64Length(maxBytes), `${what}过大（不超过${mb(maxBytes)}）`);
}

/**
 * Schemas whose size is bounded as a whole rather than field by field (a map of form fields, a JSON
 * document): the walker in limits.test.ts accepts them and does not look inside.
 */
export const sizeBounded = z.registry<{ limit: string }>();

/** At most `maxChars` characters once written as JSON (counted while walking, stopping at the limit). */
export function jsonSizeAtMost(value: unknown, maxChars: number): boolean {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length + 2;
    else if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) total += 5;
    else if (Array.isArray(v)) {
      total += 2 + v.length;
      stack.push(...v);
    } else if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        total += k.length + 4;
        stack.push(x);
      }
    }
    if (total > maxChars) return false;
  }
  return true;
}

/** Any JSON document of at most `maxChars` characters (an imported procedure definition). */
export function boundedJson(maxChars: number, what = '内容') {
  const s = z
    .unknown()
    .refine((v) => jsonSizeAtMost(v, maxChars), `${what}过大（不超过${Math.round(maxChars / 10_000)}万字符）`);
  s.register(sizeBounded, { limit: `${maxChars} chars of JSON` });
  return s;
}

/** A map of at most `maxEntries` entries and `maxChars` characters as JSON (form fields by name). */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(
  k: K,
  v: V,
  maxEntries: number,
  maxChars: number,
  what = '内容',
) {
  const s = z
    .record(k, v)
    .refine((o) => Object.keys(o).length <= maxEntries, `${what}项目过多（不超过${maxEntries}项）`)
    .refine((o) => jsonSizeAtMost(o, maxChars), `${what}过长（合计不超过${Math.round(maxChars / 10_000)}万字）`);
  s.register(sizeBounded, { limit: `${maxEntries} entries, ${maxChars} chars` });
  return s;
}

/** 保管期限 of a case file: one list for the bound covers, the printed 卷宗封面 and 备考表, and 归档. */
export const retentionPeriods = ['永久', '30年', '10年'] as const;
export const retentionPeriod = z.enum(retentionPeriods, { error: '保管期限应为永久、30年或10年' });
