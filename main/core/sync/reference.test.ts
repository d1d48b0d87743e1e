/**
 * Reference data the province publishes, applied at the workstation's next sync, against the real
 * provincial server (embedded PostgreSQL + HTTP on loopback, one for this file): violation types, law
 * texts, template versions and the enterprise directory each go through their import use case; 同步
 * says in Chinese what changed; an invalid payload is refused with the reason and changes nothing;
 * the same content applied again changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscretionBenchmark } from '#common/schemas/discretion.js';
import { appRoot } from '#core/paths.js';
import { loadBenchmark } from '#core/services.js';
import { directoryHeader, syntheticDirectory } from '#core/seed/syntheticDirectory.js';
import { lawMarkdown } from '#core/testing/lawFixtures.js';
import { startTestServer, type TestServer } from '../../../server/testing/testServer.js';
import { adminToken } from '../../../server/testing/fixtures.js';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import {
  publishReference,
  publishUnchecked as publishUncheckedTo,
  syncLines as syncLinesOf,
} from '../../../server/testing/referenceSync.js';
import { enrolWithServer } from '../../../server/testing/enrolWithServer.js';

let server: TestServer;
let province: string;
let desk: TestCore;
let head: string;

const publish = (kind: string, version: string, payload: unknown) =>
  publishReference(server, province, kind, version, payload);

const publishUnchecked = (kind: string, version: string, payload: unknown) =>
  publishUncheckedTo(server, kind, version, payload);

const syncLines = () => syncLinesOf(desk);

/** The versions applied once are marked pending again: the next round applies the same content a second time. */
function markPendingAgain(kindLike: string): void {
  desk.core.services.db
    .prepare('UPDATE sync_reference SET applied_at = NULL WHERE kind = ? AND refused IS NULL')
    .run(kindLike);
}

beforeAll(async () => {
  server = await startTestServer();
  province = await adminToken(server);
  desk = await createTestCore({ today: '2026-12-07' });
  await enrolWithServer(desk, server, province, '参考数据工作站');
  head = await desk.login('head');
}, 120_000);

afterAll(async () => {
  await desk?.close();
  await server?.close();
});

describe('violation types published by the province', () => {
  const shipped = (): DiscretionBenchmark => loadBenchmark();

  it('a corrected type and a new one reach the workstation, and 同步 names them', async () => {
    const b = shipped();
    const [first, second] = b.violations;
    const corrected = { ...first!, penaltyText: `${first!.penaltyText}（省厅更正）` };
    const added = { ...second!, id: 'province-added-type', code: 'SJ-999', name: '省厅新增的测试违法行为' };
    const next = { ...b, version: '2026.12', violations: [corrected, ...b.violations.slice(1), added] };
    expect((await publish('violationTypes', '2026.12', next)).status).toBe(201);
    const lines = await syncLines();
    expect(lines).toContain(`违法行为类型：更正1类（${first!.name}），新增1类（省厅新增的测试违法行为）`);
    expect(lines).toContain('裁量基准 2026.12 版已启用');
    const types = await desk.call(head, 'violations.list', {});
    expect(types.find((t) => t.id === 'province-added-type')?.name).toBe('省厅新增的测试违法行为');
    expect(types.find((t) => t.id === first!.id)?.penaltyText).toContain('（省厅更正）');
    expect((await desk.call(head, 'discretion.versions', {}))[0]).toMatchObject({ version: '2026.12', active: true });

    // The same version applied again changes nothing.
    markPendingAgain('violationTypes');
    expect(await syncLines()).toContain('裁量基准 2026.12 版与本机相同，未作更改');
    expect(await desk.call(head, 'discretion.versions', {})).toHaveLength(2);
  });

  it('a type citing a law the workstation does not know, or a malformed table, is refused and changes nothing', async () => {
    const b = shipped();
    const bad = {
      ...b,
      version: '2026.13',
      violations: [
        ...b.violations,
        {
          ...b.violations[0]!,
          id: 'unknown-law-type',
          code: 'SJ-998',
          name: '引用未知法律的类型',
          penaltyArticle: { law: '《贵州省不存在的条例》', article: '第九条' },
        },
      ],
    };
    expect((await publish('violationTypes', '2026.13', bad)).body).toMatchObject({ version: '2026.13' });
    // The server checks the shape before it publishes.
    const malformed = await publish('violationTypes', '2026.14', { violations: '全部' });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.message).toContain('违法行为类型数据格式有误');
    await publishUnchecked('violationTypes', '2026.15', { version: '2026.15', violations: [{ id: 1 }] });
    const lines = await syncLines();
    expect(lines).toContain(
      '违法行为类型 2026.13 版未启用：违法行为类型“引用未知法律的类型”引用的《贵州省不存在的条例》不在法律法规库中',
    );
    expect(lines).toMatch(/违法行为类型 2026\.15 版未启用：违法行为类型数据格式有误/);
    expect((await desk.call(head, 'discretion.versions', {}))[0]).toMatchObject({ version: '2026.12' });
    expect((await desk.call(head, 'violations.list', {})).some((t) => t.id === 'unknown-law-type')).toBe(false);
  });
});

describe('law texts published by the province', () => {
  const law = lawMarkdown({
    title: '贵州省示例生态环境保护条例',
    history: ['2026年9月1日 贵州省第十四届人民代表大会常务委员会第二十次会议通过'],
    articles: [
      '为了示例，制定本条例。',
      '违反本条例规定的，处一万元以上十万元以下的罚款。',
      '本条例自2026年11月1日起施行。',
    ],
  });

  it('a new law reaches the library; the same set again changes nothing', async () => {
    expect(
      (
        await publish('laws', '2026.12', {
          files: [{ name: '贵州省示例生态环境保护条例(2026-09-01).md', content: law }],
        })
      ).status,
    ).toBe(201);
    const lines = await syncLines();
    expect(lines).toContain('法律法规：新增1个文本（《贵州省示例生态环境保护条例》2026-09-01）');
    const laws = await desk.call(head, 'laws.list', {});
    expect(laws.some((l) => l.fullName === '贵州省示例生态环境保护条例')).toBe(true);
    markPendingAgain('laws');
    expect(await syncLines()).toContain('法律法规 2026.12 版与本机相同，未作更改');
  });

  it('a set with one text that does not parse is refused whole', async () => {
    const other = lawMarkdown({ title: '贵州省另一示例条例', articles: ['为了示例，制定本条例。'] });
    const broken = law.replace('第二条', '第五条');
    await publish('laws', '2026.13', {
      files: [
        { name: '贵州省另一示例条例(2026-10-01).md', content: other },
        { name: '贵州省示例生态环境保护条例(2026-10-01).md', content: broken },
      ],
    });
    const before = (await desk.call(head, 'laws.list', {})).length;
    const lines = await syncLines();
    expect(lines).toMatch(/法律法规 2026\.13 版未启用：贵州省示例生态环境保护条例\(2026-10-01\)\.md第\d+行：/);
    expect(await desk.call(head, 'laws.list', {})).toHaveLength(before);
  });

  it('a type citing a law published in the same sync is accepted (laws are applied first)', async () => {
    const b = loadBenchmark();
    const cited = {
      ...b,
      version: '2026.20',
      violations: [
        ...b.violations,
        {
          ...b.violations[0]!,
          id: 'new-law-type',
          code: 'SJ-997',
          name: '违反新条例的测试行为',
          penaltyArticle: { law: '《贵州省第三示例条例》', article: '第一条' },
        },
      ],
    };
    expect((await publish('violationTypes', '2026.20', cited)).body).toMatchObject({ version: '2026.20' });
    const third = lawMarkdown({ title: '贵州省第三示例条例', articles: ['违反的，处一万元以下的罚款。'] });
    await publish('laws', '2026.14', { files: [{ name: '贵州省第三示例条例(2026-10-01).md', content: third }] });
    const lines = await syncLines();
    expect(lines).toContain('新增1类（违反新条例的测试行为）');
  });
});

describe('template versions published by the province', () => {
  const bundled = () => readFileSync(join(appRoot(), 'templates', 'penalty-decision.docx'));
  const edited = (edit: (zip: PizZip) => void): string => {
    const zip = new PizZip(bundled());
    edit(zip);
    return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }).toString('base64');
  };
  const withParagraph = () =>
    edited((z) =>
      z.file('word/document.xml', z.file('word/document.xml')!.asText().replace('</w:body>', '<w:p/></w:body>')),
    );

  it('a new version of the 行政处罚决定书 is used for new documents; the same file again changes nothing', async () => {
    const versions = async () => desk.call(head, 'templates.versions', { type: 'penalty-decision' });
    const before = (await versions()).length;
    await publish('templates', '2026.12', {
      templates: [{ type: 'penalty-decision', contentBase64: withParagraph() }],
    });
    const lines = await syncLines();
    expect(lines).toContain(`文书模板：《行政处罚决定书》第${before + 1}版已启用`);
    expect(await versions()).toHaveLength(before + 1);
    markPendingAgain('templates');
    expect(await syncLines()).toContain('文书模板 2026.12 版与本机所用模板相同，未作更改');
    expect(await versions()).toHaveLength(before + 1);
  });

  it('a corrupt .docx or a template with macros refuses the whole set, nothing stored', async () => {
    const versions = async () => (await desk.call(head, 'templates.versions', { type: 'penalty-decision' })).length;
    const before = await versions();
    const valid = edited((z) =>
      z.file('word/document.xml', z.file('word/document.xml')!.asText().replace('</w:body>', '<w:p/><w:p/></w:body>')),
    );
    await publish('templates', '2026.13', {
      templates: [
        { type: 'penalty-decision', contentBase64: valid },
        { type: 'penalty-notice', contentBase64: Buffer.from('不是Word文档').toString('base64') },
      ],
    });
    await publish('templates', '2026.14', {
      templates: [
        { type: 'penalty-decision', contentBase64: edited((z) => z.file('word/vbaProject.bin', Buffer.from('宏'))) },
      ],
    });
    const lines = await syncLines();
    expect(lines).toMatch(/文书模板 2026\.13 版未启用：.*文件不是有效的Word文档/);
    expect(lines).toMatch(/文书模板 2026\.14 版未启用：.*宏代码（word\/vbaProject\.bin）.*请在Word或WPS中删除宏/);
    expect(await versions()).toBe(before);
  });
});

describe('the enterprise directory published by the province', () => {
  it('rows are checked and keyed by 统一社会信用代码: new ones added, a bad row reported, the same rows again unchanged', async () => {
    const rows = syntheticDirectory(4, { seed: 7 }).rows;
    const bad = [...rows[3]!];
    bad[1] = `${bad[1]!.slice(0, -1)}${bad[1]!.endsWith('X') ? 'Y' : 'X'}`;
    await publish('enterprises', '2026.12', { header: directoryHeader, rows: [...rows.slice(0, 3), bad] });
    const lines = await syncLines();
    expect(lines).toMatch(/企业名录 2026\.12 版：新增3家，1行有误未导入（如第5行“[^”]+”：[^）]*统一社会信用代码/);
    const found = await desk.call(head, 'enterprises.search', { query: rows[0]![1]!, limit: 5 });
    expect(found.map((e) => e.name)).toEqual([rows[0]![0]]);

    await publish('enterprises', '2026.13', { header: directoryHeader, rows: rows.slice(0, 3) });
    expect(await syncLines()).toContain('企业名录 2026.13 版与本机相同，未作更改（3家）');
  });

  it('a directory without the required columns is refused, nothing written', async () => {
    const count = desk.core.services.enterprises.count();
    await publish('enterprises', '2026.14', { header: ['名称', '备注'], rows: [['某公司', '无']] });
    expect(await syncLines()).toMatch(/企业名录 2026\.14 版未启用：缺少必需的列：/);
    expect(desk.core.services.enterprises.count()).toBe(count);
  });
});
