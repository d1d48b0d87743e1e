import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '#common/errors.js';
import { JobRunner, type JobControl } from './jobRunner.js';

const now = () => new Date('2026-12-07T10:00:00+08:00');

/** Busy work for `ms` milliseconds, then a breath: what an import does between two slices. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* CPU */
  }
}

async function until(pred: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(2);
  }
}

describe('the job runner', () => {
  it('answers at once, reports progress, and keeps the result for its owner only', async () => {
    const jobs = new JobRunner(now);
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { jobId } = jobs.start({
      op: 'test.op',
      owner: 'u1',
      run: async (ctl) => {
        ctl.progress('读取', 3, 10);
        await gate;
        return { rows: 10 };
      },
    });
    // Nothing ran yet: the caller got its id first.
    expect(jobs.get(jobId, 'u1')).toMatchObject({
      state: 'running',
      progress: { stage: '等待开始' },
      cancellable: true,
    });
    await until(() => jobs.get(jobId, 'u1').progress.done === 3);
    expect(jobs.get(jobId, 'u1').progress).toEqual({ stage: '读取', done: 3, total: 10 });
    expect(() => jobs.get(jobId, 'u2')).toThrow(/找不到该后台任务/);
    expect(jobs.list('u2')).toEqual([]);
    release();
    await jobs.settled(jobId);
    expect(jobs.get(jobId, 'u1')).toMatchObject({
      state: 'done',
      result: { rows: 10 },
      error: null,
      finishedAt: expect.any(String),
    });
    expect(jobs.list('u1')).toEqual([expect.not.objectContaining({ result: expect.anything() })]);
  });

  it('lets other work through while a job computes', async () => {
    const jobs = new JobRunner(now, 20);
    const { jobId } = jobs.start({
      op: 'test.op',
      owner: 'u1',
      run: async (ctl) => {
        for (let i = 0; i < 40; i++) {
          spin(5);
          await ctl.breathe();
        }
      },
    });
    // A timer due every 10 ms while the job spins for 200 ms: it fires many times, never late by more than a slice or so.
    const lateness: number[] = [];
    let due = performance.now() + 10;
    const timer = setInterval(() => {
      lateness.push(performance.now() - due);
      due = performance.now() + 10;
    }, 10);
    await jobs.settled(jobId);
    clearInterval(timer);
    expect(lateness.length).toBeGreaterThan(3);
    expect(Math.min(...lateness)).toBeLessThan(60);
  });

  it('cancels at the next breath, and says so in Chinese', async () => {
    const jobs = new JobRunner(now, 0);
    let breaths = 0;
    const { jobId } = jobs.start({
      op: 'test.op',
      owner: 'u1',
      run: async (ctl) => {
        for (;;) {
          breaths++;
          await ctl.breathe();
        }
      },
    });
    await until(() => breaths > 3);
    expect(jobs.cancel(jobId, 'u1')).toMatchObject({ state: 'running', cancelRequested: true });
    await jobs.settled(jobId);
    expect(jobs.get(jobId, 'u1')).toMatchObject({
      state: 'cancelled',
      cancellable: false,
      error: { code: 'JOB_CANCELLED', message: '任务已取消，数据未作改动' },
    });
    // Cancelling what is over changes nothing.
    expect(jobs.cancel(jobId, 'u1').state).toBe('cancelled');
  });

  it('refuses to cancel once the job is past cancelling, and finishes it', async () => {
    const jobs = new JobRunner(now, 0);
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { jobId } = jobs.start({
      op: 'test.op',
      owner: 'u1',
      run: async (ctl: JobControl) => {
        ctl.pastCancelling('写入法律法规库');
        await gate;
        await ctl.breathe();
        return 'stored';
      },
    });
    await until(() => !jobs.get(jobId, 'u1').cancellable);
    expect(() => jobs.cancel(jobId, 'u1')).toThrow(
      expect.objectContaining({ code: 'JOB_NOT_CANCELLABLE', message: expect.stringContaining('写入法律法规库') }),
    );
    release();
    await jobs.settled(jobId);
    expect(jobs.get(jobId, 'u1')).toMatchObject({ state: 'done', result: 'stored' });
  });

  it('reports a failure as a Chinese error value, never a stack', async () => {
    const jobs = new JobRunner(now);
    const known = jobs.start({
      op: 'test.op',
      owner: 'u1',
      run: async () => {
        throw new AppError('DISK_FULL');
      },
    });
    const odd = jobs.start({
      op: 'test.op',
      owner: 'u1',
      run: async () => {
        throw new TypeError('x is undefined at /home/secret/file.ts:12');
      },
    });
    await jobs.settled(known.jobId);
    await jobs.settled(odd.jobId);
    expect(jobs.get(known.jobId, 'u1')).toMatchObject({
      state: 'failed',
      error: { code: 'DISK_FULL', message: expect.stringContaining('磁盘空间不足') },
    });
    const e = jobs.get(odd.jobId, 'u1').error!;
    expect(e).toMatchObject({ code: 'INTERNAL', message: '系统内部错误' });
    expect(JSON.stringify(e)).not.toContain('/home/secret');
  });

  it('runs one job of a kind at a time', async () => {
    const jobs = new JobRunner(now);
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const first = jobs.start({ op: 'a', owner: 'u1', exclusive: 'enterprises', run: () => gate });
    expect(() =>
      jobs.start({
        op: 'a',
        owner: 'u2',
        exclusive: 'enterprises',
        busyMessage: '另一个企业名录导入正在进行',
        run: async () => 1,
      }),
    ).toThrow(
      expect.objectContaining({ code: 'JOB_RUNNING', message: '另一个企业名录导入正在进行', details: undefined }),
    );
    // Another kind runs alongside.
    const other = jobs.start({ op: 'b', owner: 'u1', exclusive: 'laws', run: async () => 2 });
    await jobs.settled(other.jobId);
    release();
    await jobs.settled(first.jobId);
    expect(jobs.start({ op: 'a', owner: 'u1', exclusive: 'enterprises', run: async () => 3 }).jobId).toMatch(/^job-/);
  });

  it('on close, stops the running jobs and waits for them', async () => {
    const jobs = new JobRunner(now, 0);
    let undone = false;
    const { jobId } = jobs.start({
      op: 'test.op',
      owner: 'u1',
      run: async (ctl) => {
        try {
          for (;;) await ctl.breathe();
        } finally {
          await sleep(5);
          undone = true;
        }
      },
    });
    await sleep(5);
    await jobs.close();
    expect(undone).toBe(true);
    expect(jobs.get(jobId, 'u1').state).toBe('cancelled');
  });
});
