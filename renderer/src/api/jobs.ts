/**
 * Running an import from a screen: the operation answers with a job id, and `runJob` follows the job
 * (jobs.get every 500 ms), reporting each view to the screen, until its result or its error.
 */
import { AppError } from '#common/errors';
import { awaitJob, type JobOp, type JobResult } from '#common/jobs';
import type { OpInput } from '#common/operations';
import type { JobView } from '#common/schemas/jobs';
import { send } from './send';
import { ApiError } from './errors';
import { invalidateAfter } from './opCache';

export const jobPollMs = 500;

export async function runJob<N extends JobOp>(
  op: N,
  input: OpInput<N>,
  onProgress?: (view: JobView) => void,
): Promise<JobResult<N>> {
  const { jobId } = (await send(op, input)) as { jobId: string };
  try {
    const result = (await awaitJob((id) => send('jobs.get', { jobId: id }), jobId, {
      pollMs: jobPollMs,
      onProgress: (_p, view) => onProgress?.(view),
    })) as JobResult<N>;
    // The import is done only now: a list read while it ran is the old one.
    invalidateAfter(op);
    return result;
  } catch (e) {
    // The job's error as the screens show every other failure.
    if (e instanceof AppError) throw new ApiError(e.code, e.message, e.details);
    throw e;
  }
}

/** Asks the core to stop the job; the job's end (cancelled, or done if it was too late) comes through runJob. */
export async function cancelJob(jobId: string): Promise<JobView> {
  return send('jobs.cancel', { jobId });
}
