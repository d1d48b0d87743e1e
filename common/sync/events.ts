/**
 * A case event as it travels between a workstation and the provincial server: exactly the fields
 * the workstation stores and hashes (main/core/domain/events.ts `CaseEvent`), checked for shape and
 * size here; what they mean (hash chain, procedure) is checked by the server with the domain code.
 */
import { z } from 'zod';
import { isoInstant, jsonSizeAtMost, key, plainText, sha256 } from '../schemas/primitives.js';

/** The event types the domain knows (server/sync/eventTypes.ts checks this list against the domain's at compile time). */
export const caseEventTypes = [
  'case.opened',
  'document.generated',
  'evidence.added',
  'action.performed',
  'track.started',
  'case.lawFiguresRecorded',
  'document.finalised',
  'dossier.built',
  'review.ran',
  'review.responded',
  'dossier.arranged',
] as const;

/** One event's payload, written as JSON: a generous bound (a 调查报告's facts run to pages), far below the body limit. */
export const maxPayloadChars = 1_000_000;
/** Events in one push (all mutations together): a day's work of a busy desk is a few hundred. */
export const maxEventsPerPush = 2000;

/**
 * PostgreSQL stores no NUL character in text or jsonb; no field of a case needs one, so a payload
 * carrying one is refused as input rather than failing in the database.
 */
export function hasNulChar(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k.includes('\u0000')) return true;
        stack.push(x);
      }
    }
  }
  return false;
}

const ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '事件编号应为26位ULID');
/** `<15-digit wall ms>-<5 base-36 counter>-<node>` (main/core/domain/hlc.ts formatHlc). */
export const hlcText = z
  .string()
  .max(140, '混合逻辑时钟过长')
  .regex(/^\d{15}-[0-9a-z]{5}-[^\u0000]{1,120}$/, '混合逻辑时钟格式不正确');

export const wireEvent = z
  .object({
    id: ulid,
    caseId: key(64, '案件编号').min(1, '缺少案件编号'),
    seq: z.number().int().min(1).max(10_000_000),
    type: z.enum(caseEventTypes, { error: '未知的事件类型' }),
    payload: z
      .record(z.string(), z.unknown())
      .refine((p) => jsonSizeAtMost(p, maxPayloadChars), `事件内容过大（不超过${maxPayloadChars / 10_000}万字符）`)
      .refine((p) => !hasNulChar(p), '事件内容含有不允许的空字符'),
    actorId: key(64, '操作人编号').min(1),
    actorName: plainText(64, '操作人姓名'),
    device: key(100, '设备标识').min(1),
    hlc: hlcText,
    at: isoInstant.max(40, '时间格式不正确'),
    prevHash: sha256,
    hash: sha256,
  })
  .strict()
  .refine((e) => !hasNulChar(e), '事件含有不允许的空字符');
export type WireEvent = z.infer<typeof wireEvent>;
