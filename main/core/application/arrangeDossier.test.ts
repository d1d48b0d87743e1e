/**
 * A reviewer's order of the file, through the core: saved as a `dossier.arranged` event (in the
 * history), bound in that order (read from the 卷内目录), a draft left out; a refused arrangement
 * saves nothing; a document made after saving goes where the rules put it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpOutput } from '#common/operations.js';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/scenario.js';
import { sampleFields } from '../testing/sampleFields.js';
import { quickPdfEngines } from '../testing/quickPdfEngine.js';
import { makePng } from '../testing/png.js';

let t: TestCore;
let officer: string;
let reviewer: string;
let caseId: string;

const main = (o: OpOutput<'dossier.order'>) => o.items.filter((i) => i.volume === '正卷');
const titled = (o: OpOutput<'dossier.order'>, start: string) => o.items.find((i) => i.title.startsWith(start))!;

/** Puts the case at a node of its procedure (walking there through approvals would make this a whole scenario). */
function at(node: string): void {
  t.core.services.db.prepare("UPDATE cases SET state = json_set(state, '$.node', ?) WHERE id = ?").run(node, caseId);
}

async function generate(type: string): Promise<void> {
  const templates = await t.call(officer, 'templates.list', {});
  const tpl = templates.find((x) => x.id === type)!;
  await t.call(officer, 'documents.generate', { caseId, type, fields: sampleFields(tpl, { today: '2026-03-02' }) });
}

beforeAll(async () => {
  t = await createTestCore({ core: { pdfEngines: quickPdfEngines } });
  officer = await t.login('officer');
  reviewer = await t.login('reviewer');
  caseId = (await openCase(t, officer)).state.id;
  await generate('filing-approval');
  at('investigation');
  for (const type of ['inspection-record', 'interview-record']) await generate(type);
  for (const [n, description] of ['排气筒', '除尘器'].entries())
    await t.call(officer, 'evidence.add', {
      caseId,
      kind: 'photo',
      fileName: `${description}.png`,
      contentBase64: makePng(64, 48, n).toString('base64'),
      description,
      takenOn: '2026-03-02',
    });
}, 60_000);
afterAll(async () => t.close());

describe('dossier.arrange', () => {
  it('shows the rules’ order, with the groups and the drafts', async () => {
    const order = await t.call(officer, 'dossier.order', { caseId });
    expect(order.arranged).toBeNull();
    expect(main(order).map((i) => i.title.split('（')[0])).toEqual([
      '立案审批表',
      '现场检查(勘察)笔录',
      '现场照片：排气筒',
      '现场照片：除尘器',
      '调查询问笔录',
    ]);
    expect(titled(order, '现场照片：排气筒').bandLabel).toBe('现场检查(勘察)笔录至行政处罚案件调查报告');
    expect(main(order).every((i) => i.draft === !i.id.startsWith('evidence:'))).toBe(true);
  });

  it('refuses an officer, and an arrangement against the rules, saving nothing', async () => {
    const order = await t.call(officer, 'dossier.order', { caseId });
    const ids = main(order).map((i) => i.id);
    const denied = await expectFailure(
      t.call(officer, 'dossier.arrange', { caseId, volumes: [{ volume: '正卷', items: ids }], excluded: [] }),
    );
    expect(denied.code).toBe('FORBIDDEN_ROLE');
    // the interview record before the 立案审批表
    const refused = await expectFailure(
      t.call(reviewer, 'dossier.arrange', {
        caseId,
        volumes: [{ volume: '正卷', items: [ids[4]!, ...ids.slice(0, 4)] }],
        excluded: [],
      }),
    );
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toMatch(/^“立案审批表”不能排在“调查询问笔录.*”之后：按文书清单的排列规则/);
    const evidenceOut = await expectFailure(
      t.call(reviewer, 'dossier.arrange', { caseId, volumes: [{ volume: '正卷', items: ids }], excluded: [ids[2]!] }),
    );
    expect(evidenceOut.message).toMatch(/必须入卷/);
    const after = await t.call(officer, 'dossier.order', { caseId });
    expect(after.version).toBe(order.version);
    expect(after.arranged).toBeNull();
  });

  it('saves the order as an event, binds in it without the draft left out, and places a new document by the rules', async () => {
    const order = await t.call(officer, 'dossier.order', { caseId });
    const [filing, inspection, photo1, photo2, interview] = main(order).map((i) => i.id) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const saved = await t.call(reviewer, 'dossier.arrange', {
      caseId,
      volumes: [{ volume: '正卷', items: [filing, photo2, inspection, photo1, interview] }],
      excluded: [interview],
      expectedVersion: order.version,
    });
    expect(saved.arranged?.byName).toBeTruthy();
    expect(saved.items.find((i) => i.id === interview)?.excluded).toBe(true);

    const history = await t.call(officer, 'cases.history', { caseId });
    expect(history.entries.at(-1)?.summary).toBe('调整卷内材料顺序，1份未定稿文书不入卷');

    const built = await t.call(officer, 'dossier.build', { caseId, sign: false });
    expect(built.catalog.map((r) => r.title)).toEqual([
      '立案审批表',
      '现场照片：除尘器',
      '现场检查(勘察)笔录',
      '现场照片：排气筒',
    ]);

    // A 调查报告 made after saving: last of its group, as the rules say; the arrangement holds for the rest.
    at('report');
    await generate('investigation-report');
    const later = await t.call(officer, 'dossier.order', { caseId });
    expect(main(later).map((i) => i.id)).toEqual([filing, photo2, inspection, photo1, interview, expect.any(String)]);
    expect(main(later).at(-1)?.title).toMatch(/^行政处罚案件调查报告/);
    expect(main(later).find((i) => i.id === interview)?.excluded).toBe(true);
  }, 60_000);
});
