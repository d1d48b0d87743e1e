/**
 * Procedure versions the province publishes, against the real provincial server (embedded PostgreSQL
 * + HTTP on loopback, one for this file), as reference.test.ts tests the other kinds: the server
 * checks a version with the domain before it publishes; the workstation installs it at its next sync
 * through the procedures.import use case; a case opened before keeps its version, one opened after
 * follows the new one and the server accepts it; an invalid version changes nothing; the same version
 * again changes nothing; 同步 says what changed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadProcedures } from '#core/services.js';
import { officerIdOf } from '#core/store/syncUsers.js';
import { loadPublishedProcedures } from '../../../../server/sync/publishedProcedures.js';
import { addUser, adminToken, userPassword } from '../../../../server/testing/fixtures.js';
import { startTestServer, type TestServer } from '../../../../server/testing/testServer.js';
import { openCase } from '../../testing/caseRunner.js';
import { shippedDefinitionJson } from '../../testing/shippedProcedures.js';
import { createTestCore, type TestCore } from '../../testing/testCore.js';
import {
  publishReference,
  publishUnchecked as publishUncheckedTo,
  syncLines as syncLinesOf,
} from '../../../../server/testing/referenceSync.js';
import { enrolWithServer } from '../../../../server/testing/enrolWithServer.js';

const county = '522627';
let server: TestServer;
let province: string;
let desk: TestCore;
let officer: string;
const officers: string[] = [];

const publish = (kind: string, version: string, payload: unknown) =>
  publishReference(server, province, kind, version, payload);

const publishUnchecked = (kind: string, version: string, payload: unknown) =>
  publishUncheckedTo(server, kind, version, payload);

const syncLines = () => syncLinesOf(desk);

/** 一般程序 with a 60-day decision limit, written as changes to a version. */
const sixtyDays = (version: string, effectiveFrom: string, base = 'ordinary@2026.2') => ({
  extends: base,
  changes: { version, effectiveFrom, deadlines: { decisionLimit: { length: 60 } } },
});

const orphanNode = (version: string) => ({
  extends: 'ordinary@2026.2',
  changes: {
    version,
    nodes: {
      orphan: { phase: 'review', name: '孤立节点', citation: '某条', documents: ['no-such-doc'], requirements: [] },
    },
  },
});

const open = (filedOn = '2026-12-02') =>
  openCase(desk, officer, { officerIds: officers, discoveredOn: '2026-12-01', filedOn });
const decisionLimit = (view: { deadlines: Array<{ id: string; length: number }> }) =>
  view.deadlines.find((d) => d.id === 'decisionLimit')!.length;
const stored = () => readdirSync(join(desk.dir, 'procedures')).sort();
const publishedCount = async () =>
  Number(
    (await server.pool.query("SELECT count(*) AS n FROM reference_data WHERE kind IN ('procedures', 'procedure')"))
      .rows[0].n,
  );

beforeAll(async () => {
  server = await startTestServer();
  province = await adminToken(server);
  for (const [username, cert] of [
    ['zhang.wei', '贵环执字522627101'],
    ['li.na', '贵环执字522627102'],
  ] as const)
    officers.push(officerIdOf(await addUser(server, province, county, username, ['officer'], cert)));
  desk = await createTestCore({ today: '2026-12-07' });
  await enrolWithServer(desk, server, province, '办案程序工作站');
  officer = await desk.login('zhang.wei', userPassword);
}, 120_000);

afterAll(async () => {
  await desk?.close();
  await server?.close();
});

describe('procedure versions published by the province', () => {
  it('the server checks a version with the domain before it publishes: a broken one is refused, nothing published', async () => {
    const broken = await publish('procedures', '2026.12', orphanNode('2026.12'));
    expect(broken.status).toBe(422);
    expect(broken.body.error.message).toMatch(/程序定义“一般程序” 2026\.12 版有误：.*orphan 无法到达.*；未发布$/);
    const malformed = await publish('procedures', '2026.12', { definitions: '全部' });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.message).toContain('办案程序数据格式有误');
    const shipped = shippedDefinitionJson('ordinary@2026.2');
    const rewritten = await publish('procedures', '2026.12', { definition: { ...shipped, name: '一般程序（改）' } });
    expect(rewritten.status).toBe(422);
    expect(rewritten.body.error.message).toContain('版本 2026.2 已存在且内容不同');
    expect(await publishedCount()).toBe(0);
  });

  it('a new version reaches the workstation: a case opened before keeps its version, one opened after follows it, and the server accepts it', async () => {
    const before = await open();
    expect(before.state.procedure.version).toBe('2026.2');
    expect((await desk.core.services.sync.round()).error).toBeNull();

    expect((await publish('procedures', '2026.12', sixtyDays('2026.12', '2026-12-01'))).status).toBe(201);
    expect(await syncLines()).toContain(
      '办案程序：一般程序 新版本 2026.12 已生效（2026-12-01 起），新立案件按此版本办理，在办案件仍按原版本',
    );
    expect(stored()).toEqual(['ordinary.2026.12.json']);
    const kept = await desk.call(officer, 'cases.get', { caseId: before.state.id });
    expect(kept.state.procedure.version).toBe('2026.2');
    expect(decisionLimit(kept)).toBe(90);

    const after = await open();
    expect(after.state.procedure.version).toBe('2026.12');
    expect(decisionLimit(after)).toBe(60);
    // The server knows the version it published: the new case's events are lawful by it.
    const round = await desk.core.services.sync.round();
    expect(round).toMatchObject({ ok: true, error: null });
    const onServer = await server.pool.query('SELECT count(*) AS n FROM case_events WHERE case_id = $1', [
      after.state.id,
    ]);
    expect(Number(onServer.rows[0].n)).toBeGreaterThan(0);

    // The same version applied again changes nothing.
    desk.core.services.db
      .prepare("UPDATE sync_reference SET applied_at = NULL WHERE kind = 'procedures' AND refused IS NULL")
      .run();
    const count = desk.core.services.procedures.size;
    expect(await syncLines()).toContain('办案程序 2026.12 版与本机所用程序相同，未作更改');
    expect(desk.core.services.procedures.size).toBe(count);
    expect(stored()).toEqual(['ordinary.2026.12.json']);
  });

  it('an invalid version the server did not check is refused at the workstation with the reason, nothing changes', async () => {
    await publishUnchecked('procedures', '2026.13', orphanNode('2026.13'));
    await publishUnchecked('procedures', '2026.14', { extends: 'ordinary@2025.9', changes: { version: '2026.14' } });
    const count = desk.core.services.procedures.size;
    const files = stored();
    const lines = await syncLines();
    expect(lines).toMatch(/办案程序 2026\.13 版未启用：程序定义“一般程序” 2026\.13 版有误：.*orphan 无法到达/);
    expect(lines).toMatch(/办案程序 2026\.14 版未启用：.*所基于的 ordinary@2025\.9 不存在/);
    expect(desk.core.services.procedures.size).toBe(count);
    expect(stored()).toEqual(files);
    expect((await open()).state.procedure.version).toBe('2026.12');
  });

  it('a version in force from a later day is installed, and new cases follow it from that day', async () => {
    expect((await publish('procedures', '2027.1', sixtyDays('2027.1', '2027-01-01', 'ordinary@2026.12'))).status).toBe(
      201,
    );
    expect(await syncLines()).toContain(
      '办案程序：一般程序 新版本 2027.1 将于2027-01-01起生效，此前新立案件仍按 2026.12 版办理',
    );
    expect((await open()).state.procedure.version).toBe('2026.12');
    // Both clocks move on (the server refuses stamps far ahead of its own): the desk reserves 2027's numbers.
    desk.clock.setDate('2027-01-04');
    server.clock.offsetMs = desk.clock.now().getTime() - Date.now();
    expect((await desk.core.services.sync.round()).error).toBeNull();
    const opened = await open('2027-01-04');
    expect(opened.state.procedure.version).toBe('2027.1');
    expect(decisionLimit(opened)).toBe(60);
    expect(await desk.core.services.sync.round()).toMatchObject({ ok: true, error: null });
  });

  it('a restarted server knows the versions published before, and leaves out one that does not pass', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const procedures = new Map(loadProcedures());
      await loadPublishedProcedures(server.pool, procedures);
      expect(procedures.has('ordinary@2026.12')).toBe(true);
      expect(procedures.has('ordinary@2027.1')).toBe(true);
      expect(procedures.has('ordinary@2026.13')).toBe(false);
      expect(quiet).toHaveBeenCalledWith(expect.stringContaining('2026.13 版未载入'), expect.any(String));
    } finally {
      quiet.mockRestore();
    }
  });
});
