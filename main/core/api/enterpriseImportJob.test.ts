/**
 * enterprises.import as a job: it answers with a job id, jobs.get follows it, and a cancel or a
 * failure while writing leaves the directory as it was before the job (all or nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { syntheticDirectory } from '../seed/syntheticDirectory.js';
import { directoryCsvText, encodeCsv } from '../seed/directoryFile.js';
import type { JobView } from '#common/schemas/jobs.js';
import type { EnterpriseStore } from '../store/enterpriseStore.js';
import { makeZip } from '../testing/zipFile.js';

let t: TestCore;
let head: string;
let reviewer: string;
const csv = (rows: string[][]): string => encodeCsv(directoryCsvText(rows), 'utf-8').toString('base64');

/** The first file: 300 enterprises. The second: the same 300 with another address, interleaved with 1,500 more. */
const first = syntheticDirectory(300, { seed: 21 }).rows;
const more = syntheticDirectory(1800, { seed: 22 })
  .rows.filter((r) => !first.some((f) => f[1] === r[1]))
  .slice(0, 1500);
const changed = first.map((r) => r.map((c, i) => (i === 3 ? `${c}（新址）` : c)));
const second = more.flatMap((r, i) => (i % 5 === 0 && changed[i / 5] ? [changed[i / 5]!, r] : [r]));

async function start(token: string, rows: string[][]): Promise<string> {
  const r = await t.core.dispatch({
    op: 'enterprises.import',
    input: { fileName: '名录.csv', contentBase64: csv(rows) },
    token,
  });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { jobId: string }).jobId;
}

async function job(token: string, jobId: string): Promise<JobView> {
  const r = await t.core.dispatch({ op: 'jobs.get', input: { jobId }, token });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as JobView;
}

/** The directory as a user sees it: how many, one record changed by the second file, a search. */
async function snapshot() {
  return {
    count: t.core.services.enterprises.count(),
    changed: await t.call(head, 'enterprises.get', { id: `ent-${first[5]![1]}` }),
    old: (await t.call(head, 'enterprises.search', { query: first[7]![0]!, limit: 3 })).map((e) => e.uscc),
    added: await t.call(head, 'enterprises.search', { query: more[9]![1]!, limit: 3 }),
  };
}

/** Calls `each(n)` before the store writes its n-th slice of the import (n from 1). */
function onSlice(each: (n: number) => void): () => void {
  const store: EnterpriseStore = t.core.services.enterprises;
  const original = store.importBatch.bind(store);
  let n = 0;
  store.importBatch = (...args) => {
    each(++n);
    return original(...args);
  };
  return () => {
    store.importBatch = original;
  };
}

beforeAll(async () => {
  t = await createTestCore();
  head = await t.login('head');
  reviewer = await t.login('reviewer');
  await t.call(head, 'enterprises.import', { fileName: '名录.csv', contentBase64: csv(first) });
});
afterAll(async () => t.close());

describe('enterprises.import as a job', () => {
  it('answers with a job id at once; jobs.get shows the stages with 已处理/共, then the report', async () => {
    const jobId = await start(head, first);
    expect(await job(head, jobId)).toMatchObject({
      op: 'enterprises.import',
      state: 'running',
      cancellable: true,
      error: null,
    });
    const seen = new Set<string>();
    let v = await job(head, jobId);
    while (v.state === 'running') {
      seen.add(`${v.progress.stage}|${v.progress.total ?? ''}`);
      await new Promise((r) => setTimeout(r, 1));
      v = await job(head, jobId);
    }
    expect(v).toMatchObject({
      state: 'done',
      progress: { stage: '写入企业名录', done: 300, total: 300 },
      result: { rows: 300, unchanged: 300 },
    });
    // Polled while it ran: each stage a clerk saw is one of the import's (a short 读取 can pass between two polls).
    expect(seen.size).toBeGreaterThan(0);
    for (const s of seen) expect(s).toMatch(/^(等待开始|读取|写入企业名录\|300$)/);
    // The job is the head's: another user does not even learn it exists.
    expect(await expectFailure(t.call(reviewer, 'jobs.get', { jobId }))).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('找不到该后台任务'),
    });
    expect(await expectFailure(t.call(reviewer, 'jobs.cancel', { jobId }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.call(head, 'jobs.list', {})).map((j) => j.jobId)).toContain(jobId);
    expect(await t.call(reviewer, 'jobs.list', {})).toEqual([]);
  });

  it('runs one directory import at a time', async () => {
    const jobId = await start(head, first);
    const second = await t.core.dispatch({
      op: 'enterprises.import',
      input: { fileName: 'b.csv', contentBase64: csv(first) },
      token: reviewer,
    });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'JOB_RUNNING', message: '另一个企业名录导入正在进行，请等待其完成或取消后再导入' },
    });
    await t.core.services.jobs.settled(jobId);
  });

  it('a cancel while writing undoes every row written: the directory is as before the job', async () => {
    const before = await snapshot();
    expect(before.added).toEqual([]);
    let jobId = '';
    const user = (await t.call(head, 'session.me', {})).id;
    let cancelledAt: JobView | null = null;
    const restore = onSlice((n) => {
      if (n === 2) cancelledAt = t.core.services.jobs.cancel(jobId, user);
    });
    try {
      jobId = await start(head, second);
      await t.core.services.jobs.settled(jobId);
    } finally {
      restore();
    }
    // Cancelled in the middle of the writes, with rows of both kinds already written.
    expect(cancelledAt).toMatchObject({
      state: 'running',
      cancelRequested: true,
      progress: { stage: '写入企业名录', total: 1800 },
    });
    expect((cancelledAt as unknown as JobView).progress.done).toBeGreaterThan(0);
    expect(await job(head, jobId)).toMatchObject({
      state: 'cancelled',
      error: { code: 'JOB_CANCELLED', message: '任务已取消，数据未作改动' },
    });
    expect(await snapshot()).toEqual(before);
    // The same file imported to the end afterwards: all of it lands.
    expect(
      await t.call(head, 'enterprises.import', { fileName: '名录.csv', contentBase64: csv(second) }),
    ).toMatchObject({ added: 1500, updated: 300 });
    expect(t.core.services.enterprises.count()).toBe(before.count + 1500);
  });

  it('a failure while writing (the disk full) undoes the rows written and says why in Chinese', async () => {
    const rows = syntheticDirectory(2000, { seed: 23 }).rows.filter((r) => !second.some((s) => s[1] === r[1]));
    const before = t.core.services.enterprises.count();
    const restore = onSlice((n) => {
      if (n === 3) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    });
    let e;
    try {
      e = await expectFailure(t.call(head, 'enterprises.import', { fileName: '名录.csv', contentBase64: csv(rows) }));
    } finally {
      restore();
    }
    expect(e).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining('磁盘空间不足') });
    expect(t.core.services.enterprises.count()).toBe(before);
    expect(await t.call(head, 'enterprises.search', { query: rows[0]![1]!, limit: 3 })).toEqual([]);
  });

  it('a workbook that would unpack beyond the limits (a zip bomb) is refused before it is read, in Chinese', async () => {
    const before = t.core.services.enterprises.count();
    const bomb = makeZip(
      [{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<row><c><v>1</v></c></row>'.repeat(1_000_000)) }],
      6,
    );
    const r = await t.call(head, 'enterprises.import', {
      fileName: '名录.xlsx',
      contentBase64: bomb.toString('base64'),
    });
    expect(r).toMatchObject({
      format: 'xlsx',
      added: 0,
      fileProblems: [expect.stringMatching(/Excel文件的压缩比异常.*压缩炸弹.*未导入/)],
    });
    expect(t.core.services.enterprises.count()).toBe(before);
  });
});
