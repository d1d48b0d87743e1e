import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobView } from '#common/schemas/jobs';
import { progressText } from '../components/jobProgressText';

const calls: Array<{ op: string; input: unknown }> = [];
let views: JobView[] = [];
vi.mock('./send', () => ({
  send: vi.fn(async (op: string, input: unknown) => {
    calls.push({ op, input });
    if (op === 'enterprises.import') return { jobId: 'job-1', op };
    if (op === 'jobs.get') return views.shift();
    if (op === 'jobs.cancel') return { state: 'running', cancelRequested: true };
    throw new Error(op);
  }),
}));

const { runJob, cancelJob } = await import('./jobs');
const { ApiError } = await import('./errors');

const view = (over: Partial<JobView>): JobView => ({
  jobId: 'job-1',
  op: 'enterprises.import',
  state: 'running',
  progress: { stage: '写入企业名录', done: 0, total: 10 },
  cancellable: true,
  cancelRequested: false,
  startedAt: '',
  finishedAt: null,
  error: null,
  ...over,
});

beforeEach(() => {
  calls.length = 0;
  vi.useFakeTimers();
});
// Workers run file after file: fake timers left on would stall the next file's waits.
afterEach(() => {
  vi.useRealTimers();
});

describe('running an import from a screen', () => {
  it('starts the job, reports every view it polls, and gives the result', async () => {
    views = [
      view({ progress: { stage: '读取和校验', done: 2000, total: null } }),
      view({ state: 'done', result: { added: 10 } }),
    ];
    const seen: JobView[] = [];
    const p = runJob('enterprises.import', { fileName: 'a.csv', contentBase64: 'YQ==' }, (v) => seen.push(v));
    await vi.advanceTimersByTimeAsync(600);
    expect(await p).toEqual({ added: 10 });
    expect(seen.map((v) => v.state)).toEqual(['running', 'done']);
    expect(calls.map((c) => c.op)).toEqual(['enterprises.import', 'jobs.get', 'jobs.get']);
  });

  it('a cancelled or failed job is an ApiError with the Chinese message of the core', async () => {
    views = [view({ state: 'cancelled', error: { code: 'JOB_CANCELLED', message: '任务已取消，数据未作改动' } })];
    const e = await runJob('enterprises.import', { fileName: 'a.csv', contentBase64: 'YQ==' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'JOB_CANCELLED', message: '任务已取消，数据未作改动' });
    expect(await cancelJob('job-1')).toMatchObject({ cancelRequested: true });
    expect(calls.at(-1)).toEqual({ op: 'jobs.cancel', input: { jobId: 'job-1' } });
  });

  it('says 已处理 n / 共 m 行, or only n while the total is unknown', () => {
    expect(progressText(view({ progress: { stage: '写入企业名录', done: 12500, total: 200000 } }), '行')).toBe(
      '写入企业名录：已处理 12,500 / 共 200,000 行',
    );
    expect(progressText(view({ progress: { stage: '读取和校验', done: 3000, total: null } }), '行')).toBe(
      '读取和校验：已处理 3,000 行',
    );
  });
});
