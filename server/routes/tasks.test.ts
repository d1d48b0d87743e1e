/**
 * 现场检查任务 against a real server (embedded PostgreSQL over HTTP): the draw respects every rule (the
 * candidates worked out here independently from the directory published), officers hold valid 执法证
 * and are two distinct, the audit re-runs the draw, bad input is refused in Chinese and changes nothing,
 * a county sees only its own part, and a county's device receives its assignments and sends results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskAudit, TaskDetail } from '#common/sync/fieldTasks.js';
import { addDays } from '#core/domain/dates.js';
import { addUser, adminToken, enrolDevice, userPassword } from '../testing/fixtures.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import {
  publishDirectory,
  serverToday,
  taskDirectory,
  taskInput,
  type TestEnterprise,
} from '../testing/taskFixtures.js';

let s: TestServer;
let province: string;
let directory: TestEnterprise[];
const counties = ['520102', '520103'];
const ids: Record<string, string> = {};

async function portalLogin(username: string): Promise<string> {
  const r = await s.request('POST', '/api/supervision/login', { body: { username, password: userPassword } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.token;
}

/** Creating answers the task's progress; its assignments are read as the portal reads them. */
async function create(body: unknown, token = province): Promise<TaskDetail> {
  const r = await s.request('POST', '/api/tasks', { token, body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect(r.body.assignments).toBeUndefined();
  return (await s.request<TaskDetail>('GET', `/api/tasks/${r.body.id}`, { token })).body;
}

async function counts(): Promise<string> {
  const r = await s.pool.query(
    `SELECT (SELECT count(*) FROM field_tasks) || '/' || (SELECT count(*) FROM field_task_pools) || '/' ||
            (SELECT count(*) FROM field_assignments) AS n`,
  );
  return r.rows[0].n;
}

async function user(
  bureau: string,
  username: string,
  cert: string | null,
  validUntil = '2030-12-31',
  roles = ['officer'],
) {
  const r = await s.request('POST', '/api/admin/users', {
    token: province,
    body: {
      bureauId: bureau,
      username,
      name: username,
      roles,
      password: userPassword,
      ...(cert ? { certificateNo: cert, certificateValidUntil: validUntil } : {}),
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  ids[username] = r.body.id;
}

beforeAll(async () => {
  s = await startTestServer();
  province = await adminToken(s);
  directory = taskDirectory([...counties, '520111'], 40);
  await publishDirectory(s, province, directory, '2026.12-1');
  await user('520102', 'nm-a', 'NM001');
  await user('520102', 'nm-b', 'NM002');
  await user('520102', 'nm-c', 'NM003');
  await user('520102', 'nm-expiring', 'NM004', addDays(serverToday(), 10)); // lapses within the period
  await user('520102', 'nm-nocert', null);
  await user('520103', 'yy-a', 'YY001');
  await user('520103', 'yy-b', 'YY002');
  await user('520111', 'hx-a', 'HX001'); // 花溪区: one certified officer only
  await addUser(s, province, '520102', 'nm-head', ['head']);
  await addUser(s, province, '520103', 'yy-head', ['head']);
}, 120_000);

afterAll(async () => {
  await s?.close();
});

/** The candidates of a county under the rules, computed from the directory as published, without the server. */
function expected(county: string, industries: string[], mode: string, before: string | null): string[] {
  return directory
    .filter((e) => e.county === county)
    .filter((e) => !industries.length || industries.some((p) => e.industry.startsWith(p)))
    .filter((e) => {
      const key = !['否', ''].includes(e.keyPolluter);
      return mode === 'only' ? key : mode === 'exclude' ? !key : true;
    })
    .filter((e) => before === null || e.lastInspectedOn === '' || e.lastInspectedOn < before)
    .map((e) => e.uscc)
    .sort();
}

describe('creating a 双随机 task', () => {
  let task: TaskDetail;
  const rules = {
    industries: ['C26', '1311'],
    keyPolluter: { mode: 'exclude' as const, categories: [] },
    lastInspectedBefore: '2026-06-01',
  };

  it('draws only enterprises meeting every rule, with two distinct officers holding a valid 执法证', async () => {
    task = await create(taskInput({ counties, rules, perCounty: 3 }));
    for (const c of counties) {
      const pool = await s.pool.query('SELECT candidates FROM field_task_pools WHERE task_id = $1 AND county_id = $2', [
        task.id,
        c,
      ]);
      const want = expected(c, ['C26', 'C1311'], 'exclude', '2026-06-01');
      expect(want.length).toBeGreaterThan(3);
      expect(pool.rows[0].candidates.split(',')).toEqual(want);
      const drawn = task.assignments.filter((a) => a.countyId === c);
      expect(drawn).toHaveLength(3);
      expect(new Set(drawn.map((a) => a.uscc)).size).toBe(3);
      for (const a of drawn) expect(want).toContain(a.uscc);
    }
    const valid = new Set([ids['nm-a'], ids['nm-b'], ids['nm-c'], ids['yy-a'], ids['yy-b']]);
    for (const a of task.assignments) {
      expect(a.officers).toHaveLength(2);
      expect(a.officers[0]!.id).not.toBe(a.officers[1]!.id);
      for (const o of a.officers) expect(valid.has(o.id), `${o.name} 不应被抽中`).toBe(true);
      expect(a.officers.every((o) => o.name.startsWith(a.countyId === '520102' ? 'nm-' : 'yy-'))).toBe(true);
    }
    expect(task.counties.map((c) => [c.id, c.drawn, c.done, c.open])).toEqual([
      ['520102', 3, 0, 3],
      ['520103', 3, 0, 3],
    ]);
    expect(task.seed).toMatch(/^\d+$/);
  });

  it('only key polluters of a category, when the rule says so', async () => {
    const t = await create(
      taskInput({
        counties: ['520103'],
        rules: { industries: [], keyPolluter: { mode: 'only', categories: ['大气'] }, lastInspectedBefore: null },
        perCounty: 40,
      }),
    );
    const want = directory.filter((e) => e.county === '520103' && e.keyPolluter.includes('大气')).map((e) => e.uscc);
    expect(t.assignments.map((a) => a.uscc).sort()).toEqual(want.sort());
  });

  it('the audit re-runs the draw from the recorded seed and finds the same; a tampered record is found out', async () => {
    const a = await s.request<TaskAudit>('GET', `/api/tasks/${task.id}/audit`, { token: province });
    expect(a.status).toBe(200);
    expect(a.body.matches).toBe(true);
    expect(a.body.candidatesMatch).toBe(true);
    expect(a.body.seed).toBe(task.seed);
    expect(a.body.note).toContain('结果与任务一致');
    const first = task.assignments[0]!;
    const other = task.assignments.find((x) => x.countyId === first.countyId && x.uscc !== first.uscc)!;
    await s.pool.query('UPDATE field_assignments SET uscc = $2 WHERE id = $1', [first.id, `${other.uscc}`]);
    const b = await s.request<TaskAudit>('GET', `/api/tasks/${task.id}/audit`, { token: province });
    expect(b.body.matches).toBe(false);
    expect(b.body.note).toContain('不一致');
    await s.pool.query('UPDATE field_assignments SET uscc = $2 WHERE id = $1', [first.id, first.uscc]);
  });

  it('a county head sees only its own county of a task, and a task of another county not at all', async () => {
    const nm = await portalLogin('nm-head');
    const yy = await portalLogin('yy-head');
    const own = await s.request<TaskDetail>('GET', `/api/tasks/${task.id}`, { token: nm });
    expect(own.status).toBe(200);
    expect(new Set(own.body.assignments.map((a) => a.countyId))).toEqual(new Set(['520102']));
    expect(own.body.counties.map((c) => c.id)).toEqual(['520102']);
    const onlyNm = await s.request('POST', '/api/tasks', { token: nm, body: taskInput({ counties: ['520102'] }) });
    expect(onlyNm.status, JSON.stringify(onlyNm.body)).toBe(201);
    const refused = await s.request('GET', `/api/tasks/${onlyNm.body.id}`, { token: yy });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('无权查看其他单位的现场检查任务');
    const audit = await s.request('GET', `/api/tasks/${onlyNm.body.id}/audit`, { token: yy });
    expect(audit.status).toBe(403);
    const list = await s.request('GET', '/api/tasks', { token: yy });
    expect(list.body.tasks.map((t: { id: string }) => t.id)).not.toContain(onlyNm.body.id);
    // Nor may a county give a task to its neighbour.
    const neighbour = await s.request('POST', '/api/tasks', { token: nm, body: taskInput({ counties: ['520103'] }) });
    expect(neighbour.status).toBe(403);
    expect(neighbour.body.error.message).toContain('云岩区分局不在本单位管辖范围内');
  });
});

describe('bad input is refused in Chinese and changes nothing', () => {
  const cases: Array<[string, () => ReturnType<typeof taskInput>, number, RegExp]> = [
    [
      'no enterprise matches',
      () =>
        taskInput({
          rules: { industries: ['T98'], keyPolluter: { mode: 'any', categories: [] }, lastInspectedBefore: null },
        }),
      422,
      /没有符合抽取规则的企业/,
    ],
    ['fewer than two officers', () => taskInput({ counties: ['520111'] }), 422, /花溪区分局（1名）.*不足两名/],
    [
      'a period in the past',
      () => taskInput({ periodFrom: addDays(serverToday(), -1) }),
      422,
      /开始日期（.*）已经过去/,
    ],
    [
      'an end before the start',
      () => taskInput({ periodFrom: addDays(serverToday(), 5), periodTo: addDays(serverToday(), 2) }),
      400,
      /结束日期不能早于开始日期/,
    ],
    ['a prefecture as scope', () => taskInput({ counties: ['520100'] }), 422, /不是县级单位/],
    [
      'a malformed industry code',
      () =>
        taskInput({
          rules: { industries: ['水泥'], keyPolluter: { mode: 'any', categories: [] }, lastInspectedBefore: null },
        }),
      400,
      /行业代码应如/,
    ],
  ];
  for (const [what, input, status, message] of cases) {
    it(what, async () => {
      const before = await counts();
      const r = await s.request('POST', '/api/tasks', { token: province, body: input() });
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.body.error.message).toMatch(message);
      expect(await counts()).toBe(before);
    });
  }

  it('an officer whose 执法证 lapses within the period is never drawn', async () => {
    const r = await s.pool.query('SELECT count(*)::int AS n FROM field_assignments WHERE $1 = ANY(officer_ids)', [
      ids['nm-expiring'],
    ]);
    expect(r.rows[0].n).toBe(0);
    const pools = await s.pool.query("SELECT officers FROM field_task_pools WHERE county_id = '520102'");
    for (const p of pools.rows) expect(p.officers).toEqual([ids['nm-a'], ids['nm-b'], ids['nm-c']].sort());
  });

  it('a duplicate submission, or a second task of the same name, creates nothing', async () => {
    const input = taskInput();
    const first = await s.request('POST', '/api/tasks', { token: province, body: input });
    expect(first.status).toBe(201);
    const before = await counts();
    const again = await s.request('POST', '/api/tasks', { token: province, body: input });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/该任务已经提交过/);
    const sameName = await s.request('POST', '/api/tasks', {
      token: province,
      body: { ...input, submissionId: 'another-submission-1' },
    });
    expect(sameName.status).toBe(409);
    expect(sameName.body.error.message).toMatch(/已有名为.*的现场检查任务/);
    expect(await counts()).toBe(before);
  });

  it('an officer cannot create a task', async () => {
    const r = await s.request('POST', '/api/supervision/login', { body: { username: 'nm-a', password: userPassword } });
    expect(r.status).toBe(403);
  });
});

describe('a county desk receives its assignments and sends the inspections back', () => {
  it('only its own county; a result marks the assignment done; another county and bad dates are refused', async () => {
    const task = await create(taskInput({ counties }));
    const nm = await enrolDevice(s, province, '520102');
    const got = await s.request('GET', '/api/sync/field-tasks', { token: nm.credential });
    expect(got.status).toBe(200);
    const mine = got.body.assignments.filter((a: { taskId: string }) => a.taskId === task.id);
    expect(mine).toHaveLength(3);
    expect(got.body.assignments.every((a: { countyId: string }) => a.countyId === '520102')).toBe(true);
    expect(mine[0].taskName).toBe(task.name);
    const yyAssignment = task.assignments.find((a) => a.countyId === '520103')!;
    const result = {
      inspectedOn: serverToday(),
      findings: '废气处理设施正常运行',
      result: 'clean',
      recordedBy: 'nm-a',
    };
    const r = await s.request('POST', '/api/sync/field-tasks/results', {
      token: nm.credential,
      body: {
        results: [
          { ...result, assignmentId: mine[0].id },
          { ...result, assignmentId: yyAssignment.id },
          { ...result, assignmentId: mine[1].id, inspectedOn: addDays(serverToday(), 1) },
        ],
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.accepted).toEqual([mine[0].id]);
    expect(r.body.refused.map((x: { reason: string }) => x.reason)).toEqual([
      '不是本单位的现场检查任务',
      `检查日期（${addDays(serverToday(), 1)}）晚于今天（${serverToday()}）`,
    ]);
    // Sent again with a case opened since: acknowledged, the inspection kept, the case added.
    const again = await s.request('POST', '/api/sync/field-tasks/results', {
      token: nm.credential,
      body: {
        results: [
          {
            ...result,
            findings: '改过的内容',
            assignmentId: mine[0].id,
            caseId: 'case-1',
            caseNumber: '某环立字〔2026〕1号',
          },
        ],
      },
    });
    expect(again.body.accepted).toEqual([mine[0].id]);
    const detail = (await s.request<TaskDetail>('GET', `/api/tasks/${task.id}`, { token: province })).body;
    const done = detail.assignments.find((a) => a.id === mine[0].id)!;
    expect(done).toMatchObject({ status: 'done', findings: '废气处理设施正常运行', result: 'clean', caseId: 'case-1' });
    expect(detail.counties.map((c) => [c.id, c.done, c.open])).toEqual([
      ['520102', 1, 2],
      ['520103', 0, 3],
    ]);
    expect(detail.assignments.find((a) => a.id === yyAssignment.id)!.status).toBe('open');
  });
});
