/**
 * Which operations run as jobs, the result each leaves in `jobs.get` once done, and the one way every
 * caller (CLI, tests, bench, the renderer) waits for a job: poll `jobs.get` until it is over.
 */
import type { z } from 'zod';
import { AppError, errorCodes, type ErrorCode } from './errors.js';
import { enterpriseImportReport } from './schemas/enterprises.js';
import { lawImportOutput } from './schemas/laws.js';
import { discretionImportOutput } from './schemas/discretion.js';
import { packageExported } from './schemas/archivePackage.js';
import type { JobProgress, JobView } from './schemas/jobs.js';

export const jobResults = {
  'enterprises.import': enterpriseImportReport,
  'laws.import': lawImportOutput,
  'discretion.import': discretionImportOutput,
  'dossier.exportPackage': packageExported,
} as const;

export type JobOp = keyof typeof jobResults;
export type JobResult<N extends JobOp> = z.output<(typeof jobResults)[N]>;

export function isJobOp(op: string): op is JobOp {
  return Object.hasOwn(jobResults, op);
}

/** The job's error as the AppError its caller would have got from the operation itself. */
export function jobFailure(view: JobView): AppError {
  const e = view.error;
  const code = (e && e.code in errorCodes ? e.code : 'INTERNAL') as ErrorCode;
  return new AppError(code, e?.message ?? errorCodes[code], e?.details);
}

export interface AwaitJobOptions {
  /** Time between two `jobs.get` (ms). */
  pollMs?: number;
  onProgress?(p: JobProgress, view: JobView): void;
}

/** Polls `get(jobId)` until the job is over: its result, or its error (a cancelled job is an error too). */
export async function awaitJob(
  get: (jobId: string) => Promise<JobView>,
  jobId: string,
  opts: AwaitJobOptions = {},
): Promise<unknown> {
  const pollMs = opts.pollMs ?? 200;
  for (;;) {
    const view = await get(jobId);
    opts.onProgress?.(view.progress, view);
    if (view.state === 'done') return view.result;
    if (view.state !== 'running') throw jobFailure(view);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
