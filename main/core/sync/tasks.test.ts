/**
 * 现场检查任务 round trip against the real server: the province draws a task over 天柱县; the county's
 * workstation receives it at its next sync (each officer sees his own), records the inspection, opens
 * a case from it (the case remembers its task); at the following sync the result and the case go up
 * and the server marks the assignment done, naming the case it received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldAssignment } from '#common/schemas/fieldTasks.js';
import type { TaskDetail } from '#common/sync/fieldTasks.js';
import { addDays, chinaDate } from '#core/domain/dates.js';
import { addUser, adminToken, userPassword } from '../../../server/testing/fixtures.js';
import { startTestServer, type TestServer } from '../../../server/testing/testServer.js';
import { taskHeader, taskInput } from '../../../server/testing/taskFixtures.js';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { FieldTaskStore } from '../store/fieldTasks.js';
import { enrolWithServer } from '../../../server/testing/enrolWithServer.js';

const county = '522627';
const today = chinaDate(new Date());
let server: TestServer;
let province: string;
let t: TestCore;
/** Server user ids by username. */
const users: Record<string, string> = { 'zhang.wei': '', 'li.na': '', 'wang.qiang': '' };
let drawn = { id: '', username: '' };

beforeAll(async () => {
  server = await startTestServer();
  province = await adminToken(server);
  users['zhang.wei'] = await addUser(server, province, county, 'zhang.wei', ['officer'], '贵环执字522627101');
  users['li.na'] = await addUser(server, province, county, 'li.na', ['officer'], '贵环执字522627102');
  users['wang.qiang'] = await addUser(server, province, county, 'wang.qiang', ['officer'], '贵环执字522627103');
  await addUser(server, province, county, 'yang.head', ['head']);
  t = await createTestCore({ today });
  // The desk's clock at the real time (not 10:00 of today): a push stamped hours ahead of the server is refused.
  t.clock.set(new Date(Date.now() - 60_000).toISOString());
  await enrolWithServer(t, server, province, '执法一科', `${server.url}/`);
  // The province publishes the directory this desk also holds, so the drawn enterprise is found here.
  const head = await t.login('yang.head', userPassword);
  const mine = await t.call(head, 'enterprises.search', { query: '', limit: 100 });
  if (!mine.length) throw new Error('no enterprises on the desk');
  const rows = mine
    .filter((e) => e.uscc.slice(2, 8) === county) // registered in 天柱县
    .map((e) => [e.name, e.uscc, '', '', county, 'C2614', '', '', '', '否', '']);
  const pub = await server.request('POST', '/api/admin/reference', {
    token: province,
    body: { kind: 'enterprises', version: '2026.12-t', payload: { header: taskHeader, rows } },
  });
  expect(pub.status, JSON.stringify(pub.body)).toBe(201);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await server?.close();
});

const round = async () => {
  const r = await t.core.services.sync.round();
  expect(r.error).toBeNull();
};

describe('现场检查任务 from the province to the county desk and back', () => {
  let task: TaskDetail;
  let mine: FieldAssignment;

  it('reaches the desk at the next sync; an officer sees only the tasks he was drawn for', async () => {
    const r = await server.request('POST', '/api/tasks', {
      token: province,
      body: taskInput({ counties: [county], perCounty: 3, name: '天柱县12月双随机抽查' }),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    task = (await server.request<TaskDetail>('GET', `/api/tasks/${r.body.id}`, { token: province })).body;
    await round();
    const status = await t.call(await t.login('admin'), 'sync.status', {});
    expect(status.changes.join('\n')).toContain('收到现场检查任务3项');
    const head = await t.login('yang.head', userPassword);
    expect(await t.call(head, 'fieldTasks.list', {})).toHaveLength(3);
    for (const [name, id] of [
      ['zhang.wei', users['zhang.wei']!],
      ['wang.qiang', users['wang.qiang']!],
    ] as const) {
      const list = await t.call(await t.login(name, userPassword), 'fieldTasks.list', {});
      const drawn = task.assignments.filter((a) => a.officers.some((o) => o.id === id)).map((a) => a.id);
      expect(list.map((a) => a.id).sort()).toEqual(drawn.sort());
    }
    // The draw is random (a fresh seed): the officer who records is one it drew for the first assignment.
    const firstId = task.assignments[0]!.officers[0]!.id;
    drawn = { id: firstId, username: Object.entries(users).find(([, id]) => id === firstId)![0] };
    const withDrawn = task.assignments[0]!;
    const list = await t.call(await t.login(drawn.username, userPassword), 'fieldTasks.list', {});
    mine = list.find((a) => a.id === withDrawn.id)!;
    expect(mine).toMatchObject({ taskName: '天柱县12月双随机抽查', status: 'open', uscc: withDrawn.uscc });
    expect(mine.enterpriseId).not.toBeNull();
    // Its industry (C2614 in the directory) is offered the checklist of 化学原料和化学制品制造 (C26).
    expect(mine.checklist).toMatchObject({ name: '化学原料和化学制品制造', verified: false });
    expect(mine.checklist!.items.map((i) => i.id)).toContain('hazardous-waste');
    expect(mine.officers.map((o) => o.officerId)).toEqual(withDrawn.officers.map((o) => `off-${o.id}`));
  });

  it('records the inspection once, by an officer drawn for it, on a day that can be', async () => {
    const officer = await t.login(drawn.username, userPassword);
    const input = {
      assignmentId: mine.id,
      inspectedOn: today,
      findings: '废气排放口颗粒物浓度超标',
      result: 'issues' as const,
    };
    const other = task.assignments.find((a) => !a.officers.some((o) => o.id === drawn.id));
    if (other) {
      const refused = await expectFailure(t.call(officer, 'fieldTasks.record', { ...input, assignmentId: other.id }));
      expect(refused.message).toContain('不是该任务抽中的执法人员');
    }
    const future = await expectFailure(
      t.call(officer, 'fieldTasks.record', { ...input, inspectedOn: addDays(today, 1) }),
    );
    expect(future.message).toBe(`检查日期（${addDays(today, 1)}）不能晚于今天（${today}）`);
    const unknownItem = await expectFailure(
      t.call(officer, 'fieldTasks.record', { ...input, checked: ['no-such-item'] }),
    );
    expect(unknownItem.message).toContain('检查要点“no-such-item”不在《化学原料和化学制品制造》检查要点');
    const empty = await expectFailure(t.call(officer, 'fieldTasks.record', { ...input, findings: '  ' }));
    expect(empty.message).toContain('请填写检查情况');
    expect(new FieldTaskStore(t.core.services.db).get(mine.id)!.inspectedOn).toBeNull();
    const done = await t.call(officer, 'fieldTasks.record', { ...input, checked: ['vocs', 'hazardous-waste'] });
    expect(done).toMatchObject({ status: 'recorded', result: 'issues', findings: '废气排放口颗粒物浓度超标' });
    const ticks = done.checklistTicks!;
    expect(ticks.items.filter((i) => i.checked).map((i) => i.id)).toEqual(['vocs', 'hazardous-waste']);
    expect(ticks.items).toHaveLength(mine.checklist!.items.length);
    const twice = await expectFailure(t.call(officer, 'fieldTasks.record', input));
    expect(twice.message).toContain('不能重复记录');
  });

  it('opens a case from it; the case remembers its task; a second 立案 from it is refused', async () => {
    const officer = await t.login(drawn.username, userPassword);
    const caseInput = {
      assignmentId: mine.id,
      enterpriseId: mine.enterpriseId!,
      violationId: 'air-over-standard-emission',
      officerIds: mine.officers.map((o) => o.officerId),
      discoveredOn: today,
      filedOn: today,
      source: '现场检查',
      summary: `${mine.taskName}：废气排放口颗粒物浓度超标`,
      requestId: 'req-field-task-1',
    };
    const view = await t.call(officer, 'fieldTasks.openCase', caseInput);
    expect(view.state.party.name).toBe(mine.enterpriseName);
    expect(new FieldTaskStore(t.core.services.db).forCase(view.state.id)!.id).toBe(mine.id);
    // The case page's 来源: the task, the inspection and the ticks; a case from elsewhere has none.
    const from = await t.call(officer, 'fieldTasks.forCase', { caseId: view.state.id });
    expect(from).toMatchObject({ id: mine.id, taskName: '天柱县12月双随机抽查', result: 'issues' });
    expect(from!.checklistTicks!.items.filter((i) => i.checked)).toHaveLength(2);
    // The same request again answers the same case; a new one is refused.
    expect((await t.call(officer, 'fieldTasks.openCase', caseInput)).state.id).toBe(view.state.id);
    const again = await expectFailure(
      t.call(officer, 'fieldTasks.openCase', { ...caseInput, requestId: 'req-field-task-2' }),
    );
    expect(again.message).toContain('不能重复立案');

    await round();
    const detail = (await server.request<TaskDetail>('GET', `/api/tasks/${task.id}`, { token: province })).body;
    const up = detail.assignments.find((a) => a.id === mine.id)!;
    expect(up).toMatchObject({
      status: 'done',
      inspectedOn: today,
      result: 'issues',
      findings: '废气排放口颗粒物浓度超标',
      caseId: view.state.id,
      caseNumber: view.state.number,
      recordedBy: mine.officers.find((o) => o.officerId === `off-${drawn.id}`)!.name,
    });
    expect(detail.counties[0]).toMatchObject({ done: 1, open: 2 });
    // The ticks went up with the result, each item with its text and the version.
    const ticked = await server.pool.query('SELECT checklist FROM field_assignments WHERE id = $1', [mine.id]);
    expect(ticked.rows[0].checklist).toMatchObject({ name: '化学原料和化学制品制造', version: '2026.12' });
    expect(ticked.rows[0].checklist.items.filter((i: { checked: boolean }) => i.checked)).toHaveLength(2);
    const onServer = await server.pool.query('SELECT number FROM cases WHERE id = $1', [view.state.id]);
    expect(onServer.rows[0].number).toBe(view.state.number);
    const list = await t.call(officer, 'fieldTasks.list', {});
    expect(list.find((a) => a.id === mine.id)).toMatchObject({ status: 'done', caseNumber: view.state.number });
  });
});
