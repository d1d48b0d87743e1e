/**
 * 案卷评查 through the core (stand-in PDF engine: the volumes are bound and read back as PDFs, the
 * documents are one page each): the sample scenarios score full marks; a file with one planted defect — a
 * missing 送达回证, a decision on a repealed article, a catalog row off by one page — loses the points of
 * exactly that defect; `review.run`, `review.respond` and `review.scores` with their roles, case scope and
 * Chinese refusals; the result filed in the 副卷 at the next binding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '#common/schemas/cases.js';
import { evaluateFile } from '#core/domain/review/evaluate.js';
import type { ReviewFacts } from '#core/domain/review/facts.js';
import { shippedReviewCriteria } from '#core/reviewCriteria.js';
import type { Services } from '#core/services.js';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase, scenarios, type ScenarioResult } from '../testing/scenario.js';
import { quickPdfEngines } from '../testing/quickPdfEngine.js';
import { sampleFields } from '../testing/sampleFields.js';
import { gatherReviewFacts, reviewFile } from './fileReview.js';

let t: TestCore;
let services: Services;
let code: ScenarioResult;
let ordinary: ScenarioResult;
const criteria = shippedReviewCriteria();

beforeAll(async () => {
  t = await createTestCore({ core: { pdfEngines: quickPdfEngines } });
  services = (t.core as unknown as { services: Services }).services;
  const hooks = { setDate: (d: string) => t.clock.setDate(d) };
  code = await scenarios.code!(t, hooks);
  ordinary = await scenarios.ordinary!(t, hooks);
}, 120_000);
afterAll(async () => t?.close());

const stateOf = (r: ScenarioResult): CaseState => services.cases.get(r.caseId);
const rulesOf = (facts: ReviewFacts) => evaluateFile(criteria, facts).deductions.map((d) => d.rule);

describe('the sample scenarios', () => {
  it('a case under the Code and one before it score full marks (the old law cited for an act before the Code is no defect)', async () => {
    for (const r of [code, ordinary]) {
      const result = await reviewFile(services, stateOf(r));
      expect(result.deductions).toEqual([]);
      expect(result).toMatchObject({ score: 100, max: 100, weightsVerified: false });
      expect(result.areas.map((a) => a.name)).toEqual([
        '主体合法',
        '事实清楚',
        '证据充分',
        '适用法律正确',
        '程序合法',
        '文书规范',
        '执行到位',
        '归档规范',
      ]);
    }
    const facts = await gatherReviewFacts(services, stateOf(ordinary));
    expect(facts.texts.find((x) => x.type === 'penalty-decision')!.text).toContain('《中华人民共和国大气污染防治法》');
  });

  it('reads the bound volumes back: every catalog row, where each item begins, the counts on the cover and the 备考表', async () => {
    const facts = await gatherReviewFacts(services, stateOf(code));
    const main = facts.volumes.find((v) => v.volume === '正卷')!;
    expect(main.catalog.length).toBe(main.starts.length);
    expect(main.starts[0]).toEqual({ title: '行政处罚决定书', page: 1 });
    expect(main.cover).toEqual({ items: main.starts.length, pages: main.numberedPages });
    expect(main.remarks).toEqual(main.cover);
    expect(facts.volumes.map((v) => v.volume)).toEqual(['正卷', '副卷']);
  });
});

describe('a planted defect loses the points of exactly that defect', () => {
  it('a missing 送达回证 (of the decision)', async () => {
    const s = stateOf(code);
    const planted = {
      ...s,
      documents: s.documents.filter(
        (d) => !(d.type === 'service-receipt' && d.fields.servedDocument === 'penalty-decision'),
      ),
    };
    const result = evaluateFile(criteria, await gatherReviewFacts(services, planted));
    expect(result.deductions).toEqual([
      expect.objectContaining({
        rule: 'serviceReceipts',
        area: 'procedure',
        points: 4,
        page: null,
        basis: expect.stringContaining('民事诉讼法第八十七条'),
        message: expect.stringMatching(/^行政处罚决定书已于2026-11-17送达（.+），案卷中没有其送达回证$/),
      }),
    ]);
    expect(result.score).toBe(96);
    expect(result.areas.find((a) => a.id === 'procedure')!.score).toBe(16);
  });

  it('a decision citing an article of a law the Code repealed before the act', async () => {
    const facts = await gatherReviewFacts(services, stateOf(code));
    const decision = facts.texts.find((x) => x.type === 'penalty-decision')!;
    expect(decision.text).toContain('依据《中华人民共和国生态环境法典》第一千一百零七条');
    decision.text = decision.text.replace(
      '依据《中华人民共和国生态环境法典》第一千一百零七条',
      '依据《中华人民共和国大气污染防治法》第九十九条',
    );
    const result = evaluateFile(criteria, facts);
    expect(result.deductions).toEqual([
      expect.objectContaining({
        rule: 'repealedArticle',
        area: 'law',
        points: 10,
        page: '正卷第1页',
        basis: expect.stringContaining('行政处罚法第三十七条'),
        message: expect.stringMatching(/引用《中华人民共和国大气污染防治法》第九十九条，该法已于2026年8月15日废止/),
      }),
    ]);
    expect(result.score).toBe(90);
  });

  it('a 卷内目录 row off by one page', async () => {
    const facts = await gatherReviewFacts(services, stateOf(code));
    const main = facts.volumes.find((v) => v.volume === '正卷')!;
    const row = main.catalog[3]!;
    const real = main.starts[3]!.page!;
    expect(row.page).toBe(String(real));
    row.page = String(real + 1);
    const result = evaluateFile(criteria, facts);
    expect(result.deductions).toEqual([
      expect.objectContaining({
        rule: 'catalogPages',
        area: 'archiving',
        points: 2,
        page: '正卷卷内目录第4行',
        message: `卷内目录第4行（${main.starts[3]!.title}）页号为“${real + 1}”，实际为第${real}页`,
      }),
    ]);
    expect(result.score).toBe(98);
  });

  it('each of the three together: the three deductions, nothing else', async () => {
    const s = stateOf(code);
    const facts = await gatherReviewFacts(services, {
      ...s,
      documents: s.documents.filter(
        (d) => !(d.type === 'service-receipt' && d.fields.servedDocument === 'penalty-decision'),
      ),
    });
    const decision = facts.texts.find((x) => x.type === 'penalty-decision')!;
    decision.text = decision.text.replace('生态环境法典》第一千一百零七条', '水污染防治法》第八十三条');
    facts.volumes[0]!.catalog[0]!.page = '2';
    expect(rulesOf(facts).sort()).toEqual(['catalogPages', 'repealedArticle', 'serviceReceipts']);
  });
});

describe('review.run, review.respond, review.scores', () => {
  let officer: string;
  let officer2: string;
  let head: string;
  let caseId: string;

  beforeAll(async () => {
    t.clock.setDate('2026-12-01');
    officer = await t.login('officer');
    officer2 = await t.login('officer2');
    head = await t.login('head');
    // 张伟 and 王强: officer2 (李娜) is not on it.
    caseId = (
      await openCase(t, officer, {
        officerIds: ['off-01', 'off-03'],
        filedOn: '2026-12-01',
        discoveredOn: '2026-12-01',
      })
    ).state.id;
    const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'filing-approval')!;
    await t.call(officer, 'documents.generate', {
      caseId,
      type: 'filing-approval',
      fields: sampleFields(tpl, { today: '2026-12-01' }),
    });
    await t.call(officer, 'dossier.build', { caseId });
  }, 60_000);

  it('runs on a case not yet decided: each deduction names its rule, article and points; the run is in the history', async () => {
    const review = await t.call(officer, 'review.run', { caseId });
    expect(review.responses).toEqual([]);
    expect(review.result.score).toBeLessThan(100);
    const rules = review.result.deductions.map((d) => d.rule);
    expect(rules).toEqual(
      expect.arrayContaining(['filingApproved', 'interviewRecord', 'noticeServed', 'retentionChosen']),
    );
    expect(rules).not.toContain('catalogPages');
    for (const d of review.result.deductions) expect(d.basis).not.toBe('');
    expect((await t.call(officer, 'cases.get', { caseId })).state.fileReview?.result).toEqual(review.result);
    const history = await t.call(officer, 'cases.history', { caseId });
    expect(history.entries.at(-1)!.summary).toMatch(/^案卷评查：得分[\d.]+（满分100）/);
  });

  it('only a reviewer or head answers; a reason is required; an unknown deduction is refused; the answer is kept', async () => {
    const review = (await t.call(head, 'cases.get', { caseId })).state.fileReview!;
    const deductionId = review.result.deductions[0]!.id;
    expect(
      (
        await expectFailure(
          t.call(officer, 'review.respond', { caseId, deductionId, verdict: 'accept', reason: '认可' }),
        )
      ).code,
    ).toBe('FORBIDDEN_ROLE');
    const empty = await expectFailure(
      t.call(head, 'review.respond', { caseId, deductionId, verdict: 'dispute', reason: '  ' }),
    );
    expect(empty).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('请填写理由') });
    const unknown = await expectFailure(
      t.call(head, 'review.respond', { caseId, deductionId: 'noSuchRule:1', verdict: 'accept', reason: '认可' }),
    );
    expect(unknown).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('noSuchRule:1') });
    const answered = await t.call(head, 'review.respond', {
      caseId,
      deductionId,
      verdict: 'dispute',
      reason: '该案尚在调查阶段，立案审批正在办理',
    });
    expect(answered.responses).toEqual([
      expect.objectContaining({
        deductionId,
        verdict: 'dispute',
        reason: '该案尚在调查阶段，立案审批正在办理',
        byName: expect.any(String),
      }),
    ]);
  });

  it('an officer not on the case may not review it', async () => {
    expect((await expectFailure(t.call(officer2, 'review.run', { caseId }))).code).toBe('FORBIDDEN_CASE');
  });

  it('the next binding files the 案卷评查表 in the 副卷, and the file read back still agrees with its catalog', async () => {
    const built = await t.call(officer, 'dossier.build', { caseId, retention: '10年' });
    const side = built.volumes.find((v) => v.volume === '副卷')!;
    expect(side.catalog.at(-1)!.title).toBe('案卷评查表');
    const again = await t.call(officer, 'review.run', { caseId });
    const rules = again.result.deductions.map((d) => d.rule);
    expect(rules).not.toEqual(expect.arrayContaining(['catalogPages']));
    expect(rules).not.toContain('coverCounts');
    expect(rules).not.toContain('remarksCounts');
    expect(rules).not.toContain('retentionChosen');
  });

  it('a head sees the scores of the bureau’s archived cases; an archived case never reviewed says so; an officer may not', async () => {
    await t.call(head, 'review.run', { caseId: code.caseId });
    const rows = await t.call(head, 'review.scores', {});
    expect(rows.find((r) => r.caseId === code.caseId)).toMatchObject({ score: 100, max: 100, deductions: 0 });
    expect(rows.find((r) => r.caseId === ordinary.caseId)).toMatchObject({
      score: null,
      archivedOn: expect.any(String),
    });
    expect(rows.some((r) => r.caseId === caseId)).toBe(false); // not archived
    expect((await expectFailure(t.call(officer, 'review.scores', {}))).code).toBe('FORBIDDEN_ROLE');
  });
});
