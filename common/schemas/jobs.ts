/**
 * Long work off the request path: an import answers at once with a job id; `jobs.get` tells how far it
 * has come and, once it is over, its result or its error (Chinese); `jobs.cancel` stops it.
 */
import { z } from 'zod';
import { key } from './primitives.js';

export const jobStates = ['running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof jobStates)[number];

export const jobProgress = z.object({
  /** What the job is doing, in Chinese (读取和校验文件, 写入名录, 撤销已写入的数据 …). */
  stage: z.string(),
  done: z.number().int(),
  /** Null while the total is not known yet (a spreadsheet read as a stream). */
  total: z.number().int().nullable(),
});
export type JobProgress = z.infer<typeof jobProgress>;

export const jobError = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

export const jobView = z.object({
  jobId: z.string(),
  op: z.string(),
  state: z.enum(jobStates),
  progress: jobProgress,
  /** False once the job may no longer be stopped (it is writing what cannot be taken back in parts, or undoing). */
  cancellable: z.boolean(),
  cancelRequested: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The operation's own output (its schema in common/jobs.ts `jobResults`); only when done. */
  result: z.unknown().optional(),
  /** Why it failed or that it was cancelled (Chinese); only when failed or cancelled. */
  error: jobError.nullable(),
});
export type JobView = z.infer<typeof jobView>;

/** What a job operation answers at once. */
export const jobStarted = z.object({ jobId: z.string(), op: z.string() });
export type JobStarted = z.infer<typeof jobStarted>;

export const jobRef = z.object({ jobId: key(64, '任务标识').min(1, '缺少任务标识') });
