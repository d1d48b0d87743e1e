/**
 * 行业检查要点 versions the province publishes, against the real provincial server (embedded PostgreSQL +
 * HTTP on loopback), as procedures.test.ts tests procedure versions: the server checks a version before it
 * publishes; the workstation installs it at its next sync and offers the newest version for an industry;
 * the same content again changes nothing; an invalid version changes nothing; 同步 says what changed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndustryChecklists } from '#common/schemas/industryChecklists.js';
import { offeredFor } from '#core/application/fieldTasks.js';
import { checklistsInUse, loadIndustryChecklists } from '#core/industryChecklistResource.js';
import type { AssignmentRow, FieldTaskStore } from '#core/store/fieldTasks.js';
import { adminToken } from '../../../../server/testing/fixtures.js';
import { startTestServer, type TestServer } from '../../../../server/testing/testServer.js';
import { createTestCore, type TestCore } from '../../testing/testCore.js';
import {
  publishReference,
  publishUnchecked as publishUncheckedTo,
  syncLines as syncLinesOf,
} from '../../../../server/testing/referenceSync.js';
import { enrolWithServer } from '../../../../server/testing/enrolWithServer.js';

let server: TestServer;
let province: string;
let desk: TestCore;

const publish = (kind: string, version: string, payload: unknown) =>
  publishReference(server, province, kind, version, payload);

const publishUnchecked = (kind: string, version: string, payload: unknown) =>
  publishUncheckedTo(server, kind, version, payload);

const syncLines = () => syncLinesOf(desk);

/** A new version of the shipped set: 火力发电 gets one more item, checked by the province. */
function nextVersion(version: string): IndustryChecklists {
  const shipped = loadIndustryChecklists();
  return {
    ...shipped,
    version,
    verified: true,
    checklists: shipped.checklists.map((c) =>
      c.industries.includes('D4411')
        ? {
            ...c,
            items: [...c.items, { id: 'noise', text: '厂界噪声符合排放标准，夜间无超标', basis: '噪声排放标准' }],
          }
        : c,
    ),
  };
}

const stored = () => {
  try {
    return readdirSync(join(desk.dir, 'industry-checklists')).sort();
  } catch {
    return [];
  }
};
/** What an inspection of a 火力发电 enterprise is offered on the desk. */
const offeredToPowerPlant = () =>
  offeredFor(
    desk.core.services,
    { industryCodeOf: () => 'D4411' } as unknown as FieldTaskStore,
    { uscc: '91522627MA6DKXXX1X' } as AssignmentRow,
  );

beforeAll(async () => {
  server = await startTestServer();
  province = await adminToken(server);
  desk = await createTestCore({ today: '2026-12-07' });
  await enrolWithServer(desk, server, province, '检查要点工作站');
}, 120_000);

afterAll(async () => {
  await desk?.close();
  await server?.close();
});

describe('industry checklists published by the province', () => {
  it('the server refuses a set that does not pass, in Chinese, and publishes nothing', async () => {
    const shipped = loadIndustryChecklists();
    const noItems = await publish('checklists', '2027.1', {
      ...nextVersion('2027.1'),
      checklists: [{ name: '火力发电', industries: ['D4411'], items: [] }],
    });
    expect(noItems.status).toBe(422);
    expect(noItems.body.error.message).toMatch(/^行业检查要点数据格式有误：checklists\.0\.items：.*；未发布$/);
    const badCode = await publish('checklists', '2027.1', {
      ...nextVersion('2027.1'),
      checklists: [{ ...shipped.checklists[0]!, industries: ['火电'] }],
    });
    expect(badCode.status).toBe(422);
    expect(badCode.body.error.message).toContain('行业代码应如');
    const mismatch = await publish('checklists', '2027.2', nextVersion('2027.1'));
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.message).toContain('版本号 2027.2 与其中的版本 2027.1 不一致');
    const empty = await publish('checklists', '2027.1', { ...nextVersion('2027.1'), checklists: [] });
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toContain('没有任何行业的检查要点');
    const n = await server.pool.query("SELECT count(*) AS n FROM reference_data WHERE kind = 'checklists'");
    expect(Number(n.rows[0].n)).toBe(0);
  });

  it('a new version reaches the desk at its next sync, and inspections are offered it', async () => {
    expect(offeredToPowerPlant()).toMatchObject({ version: loadIndustryChecklists().version, verified: false });
    expect((await publish('checklists', '2027.1', nextVersion('2027.1'))).status).toBe(201);
    expect(await syncLines()).toContain('行业检查要点：新版本 2027.1（');
    expect(stored()).toEqual(['2027.1.json']);
    const offered = offeredToPowerPlant()!;
    expect(offered).toMatchObject({ version: '2027.1', name: '火力发电', verified: true });
    expect(offered.items.at(-1)).toEqual({
      id: 'noise',
      text: '厂界噪声符合排放标准，夜间无超标',
      basis: '噪声排放标准',
    });
  });

  it('the same content again changes nothing', async () => {
    desk.core.services.db
      .prepare("UPDATE sync_reference SET applied_at = NULL WHERE kind = 'checklists' AND refused IS NULL")
      .run();
    expect(await syncLines()).toContain('行业检查要点 2027.1 版与本机已有的相同，未作更改');
    // Under another name the province may use for the kind: the same version, alike.
    expect((await publish('industry-checklists', '2027.1', nextVersion('2027.1'))).status).toBe(201);
    expect(await syncLines()).toContain('行业检查要点 2027.1 版与本机已有的相同，未作更改');
    expect(stored()).toEqual(['2027.1.json']);
    expect(checklistsInUse(desk.dir).version).toBe('2027.1');
  });

  it('an invalid version the server did not check, or one rewriting a version, is refused with the reason; nothing changes', async () => {
    await publishUnchecked('checklists', '2027.2', {
      ...nextVersion('2027.2'),
      checklists: [{ name: '火力发电', industries: ['D4411'], items: [{ id: 'A B', text: '检查' }] }],
    });
    await publishUnchecked('industryChecklists', '2027.1', { ...nextVersion('2027.1'), source: '另一来源' });
    const lines = await syncLines();
    expect(lines).toMatch(
      /行业检查要点 2027\.2 版未启用：行业检查要点数据格式有误：checklists\.0\.items\.0\.id：检查要点编号只能含/,
    );
    expect(lines).toContain(
      '行业检查要点 2027.1 版未启用：行业检查要点的版本 2027.1 已存在且内容不同，请使用新的版本号',
    );
    expect(stored()).toEqual(['2027.1.json']);
    expect(offeredToPowerPlant()).toMatchObject({ version: '2027.1', verified: true });
  });

  it('an older version published after a newer one is kept, and the newest stays offered', async () => {
    expect((await publish('checklists', '2026.12.1', nextVersion('2026.12.1'))).status).toBe(201);
    expect(await syncLines()).toContain('已载入，但本机已有更新的版本 2027.1，现场检查仍按 2027.1 版勾选');
    expect(stored()).toEqual(['2026.12.1.json', '2027.1.json']);
    expect(offeredToPowerPlant()?.version).toBe('2027.1');
  });
});
