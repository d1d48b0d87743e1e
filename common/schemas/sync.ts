/**
 * The workstation's sync operations (sync.status, sync.enrol, sync.now, sync.conflicts): what the
 * settings screen's 同步 section shows and sends. The wire format to the provincial server is
 * common/sync/ (shared with server/); this is the clerk's view of it.
 */
import { z } from 'zod';
import { plainText } from './primitives.js';

/** The provincial server's address: http(s) only, no user name or password in it (those would be logged by proxies). */
export const serverUrl = z
  .string()
  .trim()
  .min(1, '请填写服务器地址')
  .max(200, '服务器地址过长')
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search;
    } catch {
      return false;
    }
  }, '服务器地址应形如 https://sync.example.gov.cn/ （以 http:// 或 https:// 开头，不含用户名、密码或查询参数）');

export const syncEnrolInput = z
  .object({
    serverUrl,
    code: z.string().trim().min(1, '请输入注册码').max(64, '注册码无效，请核对后重新输入'),
    deviceName: plainText(100, '工作站名称').trim().min(1, '请填写工作站名称'),
  })
  .strict();

export const syncProgress = z.object({
  /** 上传 / 下载 / 用户: the step of the round now running. */
  stage: z.string(),
  done: z.number(),
  total: z.number().nullable(),
});

export const syncStatus = z.object({
  enrolled: z.boolean(),
  server: z
    .object({
      url: z.string(),
      bureau: z.string(),
      deviceId: z.string(),
      deviceName: z.string(),
      enrolledAt: z.string(),
    })
    .nullable(),
  /** When the last round finished without an error (ISO instant), null before the first. */
  lastGoodSync: z.string().nullable(),
  /** Local case events the server has not accepted yet (待上传). */
  pending: z.number(),
  /** Unresolved conflicts (the clerk's actions the server's newer state made unlawful, or the server refused). */
  conflicts: z.number(),
  /** Why the last round failed, in Chinese; null when it succeeded. */
  lastError: z.string().nullable(),
  /** Sync stopped until the administrator acts (revoked device, a server that went back): the reason. */
  stopped: z.string().nullable(),
  running: z.boolean(),
  progress: syncProgress.nullable(),
  /** What the last rounds brought: reference data versions, new cases, users (“节假日日历 2027 版”). */
  changes: z.array(z.string()),
  nextRunAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const syncNowOutput = z.object({ started: z.boolean(), status: syncStatus });

export const syncConflict = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  /** unlawful: no longer lawful on the case as another desk left it; refused: the server refused it. */
  kind: z.enum(['unlawful', 'refused']),
  /** The kept action, e.g. “程序操作：不予立案（负责人 王五）”. */
  summary: z.string(),
  reason: z.string(),
  /** The typed data of the kept actions (each action's form data), never dropped. */
  kept: z.array(z.object({ type: z.string(), actorName: z.string(), at: z.string(), payload: z.unknown() })),
  createdAt: z.string(),
  /** What the other desk did first, e.g. “杨建国：批准立案（2026-12-07）”; empty for a refusal. */
  theirs: z.string().optional(),
  /** Who did the kept action (only he may discard it). */
  actorId: z.string().nullable().optional(),
  /**
   * The kept action's form, whose draft (the actor's) now holds its typed data: opening that action on
   * the case page restores it; performing it resolves the conflict as redone. Null for other records.
   */
  draft: z
    .object({ action: z.string(), actionName: z.string(), track: z.string(), form: z.string() })
    .nullable()
    .optional(),
});
export type SyncConflict = z.infer<typeof syncConflict>;

export const syncDiscardConflictInput = z
  .object({ conflictId: z.string().trim().min(1, '请指明冲突').max(64, '冲突标识无效') })
  .strict();
