/**
 * The CLI keeps its synchronous feel: a job operation (an import) answers with a job id, so the CLI
 * follows the job through jobs.get, prints its progress on stderr (stdout stays the JSON result), and
 * answers with the job's result or error as the operation itself once did.
 */
import type { Envelope, Reply } from '#common/client.js';
import { awaitJob } from '#common/jobs.js';
import type { JobStarted, JobView } from '#common/schemas/jobs.js';
import { AppError } from '#common/errors.js';

export async function waitForJob(
  dispatch: (e: Envelope) => Promise<Reply<unknown>>,
  token: string | null,
  started: unknown,
): Promise<Reply<unknown>> {
  const get = async (jobId: string): Promise<JobView> => {
    const r = await dispatch({ op: 'jobs.get', input: { jobId }, token, transport: 'cli' });
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    return r.value as JobView;
  };
  let shown = '';
  try {
    const value = await awaitJob(get, (started as JobStarted).jobId, {
      pollMs: 250,
      onProgress: (p) => {
        const line = `${p.stage}：${p.done}${p.total === null ? '' : ` / ${p.total}`}`;
        if (line !== shown && process.stderr.isTTY) process.stderr.write(`\r${line}\u001b[K`);
        shown = line;
      },
    });
    return { ok: true, value };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toValue() };
    throw e;
  } finally {
    if (shown && process.stderr.isTTY) process.stderr.write('\n');
  }
}
