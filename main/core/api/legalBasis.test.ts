/**
 * The law of the act's date, through the public operations: the law of the act's date on the case page, the
 * 从旧兼从轻 comparison on the case's own figures, and recommendations, the type list and the
 * calculator answering with the law of a date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/scenario.js';

const code = '《中华人民共和国生态环境法典》';
let t: TestCore;
let officer: string;

beforeAll(async () => {
  t = await createTestCore({ today: '2026-12-07' });
  officer = await t.login('officer');
});
afterAll(async () => t?.close());

const opened = (over: Parameters<typeof openCase>[2]) =>
  openCase(t, officer, { discoveredOn: '2026-12-01', filedOn: '2026-12-02', ...over });

describe('a case rests on the law of the day of its act', () => {
  it("颗粒物超标 on 2026-09-10 rests on 法典 art. 1107, whichever era's type was picked", async () => {
    for (const violationId of ['air-over-standard-emission', 'code-1107-over-standard']) {
      const v = await opened({ violationId, violationOn: '2026-09-10' });
      expect(v.legalBasis).toMatchObject({ rule: 'in-force', needsReview: false, actOn: '2026-09-10' });
      expect(v.legalBasis!.applied!.citation).toBe(`${code}第一千一百零七条`);
      expect(v.legalBasis!.applied!.band).toEqual({ kind: 'range', min: 100_000, max: 1_000_000 });
    }
  });

  it('未批先建 on 2026-06-01 (报告书, 1亿) decided now rests on art. 1095, the lighter, with the comparison', async () => {
    const v = await opened({
      violationId: 'code-1095-report-book',
      violationOn: '2026-06-01',
      lawFigures: { amounts: { 建设项目总投资额: 100_000_000 }, aggravated: false },
    });
    const b = v.legalBasis!;
    expect(b.rule).toBe('new-law-lighter');
    expect(b.atAct!.citation).toBe('《中华人民共和国环境影响评价法》第三十一条第一款');
    expect(b.applied!.citation).toBe(`${code}第一千零九十五条第一款`);
    expect(b.statement).toContain('按本案建设项目总投资额100,000,000元的1%至5%计算，即1,000,000元至5,000,000元');
    expect(b.statement).toContain(
      '新的规定处罚较轻，依照《中华人民共和国行政处罚法》第三十七条、《中华人民共和国生态环境法典》第一千零五十七条的规定',
    );
  });

  it('the same act with a 报告表 and 200万 rests on 环评法 art. 31, the lighter', async () => {
    const v = await opened({
      violationId: 'code-1095-report-form',
      violationOn: '2026-06-01',
      lawFigures: { amounts: { 建设项目总投资额: 2_000_000 }, aggravated: false },
    });
    expect(v.legalBasis!.rule).toBe('old-law');
    expect(v.legalBasis!.applied!.citation).toBe('《中华人民共和国环境影响评价法》第三十一条第一款');
    expect(v.legalBasis!.statement).toContain('新的规定并不较轻');
  });

  it('asks for the figure, then for the counterpart, and records both in the history', async () => {
    const v = await opened({ violationId: 'eia-unapproved-construction', violationOn: '2026-06-01' });
    expect(v.legalBasis!.rule).toBe('undecided');
    const lr = v.legality; // not at a decision node yet
    expect(lr).toBeNull();
    const withFigure = await t.call(officer, 'cases.recordLawFigures', {
      caseId: v.state.id,
      figures: { amounts: { 建设项目总投资额: 100_000_000 }, aggravated: false },
    });
    expect(withFigure.legalBasis!.candidates.map((c) => c.typeId).sort()).toEqual([
      'code-1095-report-book',
      'code-1095-report-form',
    ]);
    const chosen = await t.call(officer, 'cases.recordLawFigures', {
      caseId: v.state.id,
      figures: {
        amounts: { 建设项目总投资额: 100_000_000 },
        aggravated: false,
        counterpartId: 'code-1095-report-book',
      },
    });
    expect(chosen.legalBasis!.rule).toBe('new-law-lighter');
    const history = await t.call(officer, 'cases.history', { caseId: v.state.id });
    expect(history.entries.at(-1)!.summary).toBe(
      '记录比较新旧规定所需的数额：建设项目总投资额100,000,000元，对应条款：code-1095-report-book',
    );
    expect(history.chainValid).toBe(true);
  });

  it('refuses figures that cannot be right, in Chinese', async () => {
    const v = await opened({ violationId: 'air-over-standard-emission', violationOn: '2026-09-10' });
    expect(
      await expectFailure(
        t.call(officer, 'cases.recordLawFigures', {
          caseId: v.state.id,
          figures: { amounts: {}, aggravated: false, counterpartId: 'nope' },
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', message: '没有违法行为类型“nope”' });
    expect(
      await expectFailure(
        t.call(officer, 'cases.recordLawFigures', {
          caseId: v.state.id,
          figures: { amounts: {}, aggravated: false, actEndedOn: '2026-10-01' },
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION' });
  });

  it('dates a continuing act by its end once recorded, else by its discovery', async () => {
    const v = await opened({ violationId: 'air-over-standard-emission', violationOn: '2026-07-01', continuing: true });
    expect(v.legalBasis!.actOn).toBe('2026-12-01');
    expect(v.legalBasis!.actDateNote).toContain('以行为终了之日为违法行为发生之日');
    expect(v.legalBasis!.applied!.citation).toBe(`${code}第一千一百零七条`);
    const ended = await t.call(officer, 'cases.recordLawFigures', {
      caseId: v.state.id,
      figures: { amounts: {}, aggravated: false, actEndedOn: '2026-08-01' },
    });
    expect(ended.legalBasis!.actOn).toBe('2026-08-01');
    expect(ended.legalBasis!.atAct!.citation).toBe('《中华人民共和国大气污染防治法》第九十九条第二项');
  });

  it('checks the limitation of art. 1054 for an act under the Code', async () => {
    t.clock.setDate('2028-12-07');
    try {
      const e = await expectFailure(
        opened({
          violationId: 'code-1107-over-standard',
          violationOn: '2026-09-01',
          discoveredOn: '2028-12-01',
          filedOn: '2028-12-02',
        }),
      );
      expect(e).toMatchObject({ code: 'LIMITATION_EXPIRED' });
      expect(e.message).toContain('生态环境法典第一千零五十四条第一款');
      const ok = await opened({
        violationId: 'code-1107-over-standard',
        violationOn: '2026-09-01',
        discoveredOn: '2028-12-01',
        filedOn: '2028-12-02',
        pollutionHarm: true,
      });
      expect(ok.legalBasis!.applied!.citation).toBe(`${code}第一千一百零七条`);
    } finally {
      t.clock.setDate('2026-12-07');
    }
  });
});

describe('the law of a date everywhere a type is offered', () => {
  it("violations.list offers the Code's types for a date after 2026-08-15 and the sector laws' before", async () => {
    const after = await t.call(officer, 'violations.list', { on: '2026-09-10' });
    const before = await t.call(officer, 'violations.list', { on: '2026-08-14' });
    expect(after.some((v) => v.id === 'code-1107-over-standard')).toBe(true);
    expect(after.some((v) => v.penaltyArticle.law === '《中华人民共和国大气污染防治法》')).toBe(false);
    expect(before.some((v) => v.id === 'air-over-standard-emission')).toBe(true);
    expect(before.some((v) => v.penaltyArticle.law === code)).toBe(false);
  });

  it('recommends Code articles for an inspection after the Code, and the old law before it', async () => {
    const text = '执法人员在厂区东侧发现一根暗管通向河沟，正在排放黄色生产废水。';
    const now = await t.call(officer, 'recommend.violations', { text, on: '2026-10-30', limit: 3 });
    expect(now.results[0]!.citation).toBe(`${code}第一千一百零八条`);
    const then = await t.call(officer, 'recommend.violations', { text, on: '2026-06-01', limit: 3 });
    expect(then.results[0]!.violationId).toBe('water-evading-supervision');
  });

  it("the calculator uses the type resting on the law of the act's day", async () => {
    const b = await t.call(officer, 'discretion.list', {});
    const air = b.violations.find((v) => v.id === 'air-over-standard-emission')!;
    const code1107 = b.violations.find((v) => v.id === 'code-1107-over-standard')!;
    const levels = Object.fromEntries(
      [...b.commonFactors, ...air.factors, ...code1107.factors].map((f) => [f.id, f.levels[0]!.id]),
    );
    const r = await t.call(officer, 'discretion.calculate', { violationId: air.id, levels, on: '2026-09-10' });
    expect(r.violationId).toBe('code-1107-over-standard');
    expect(r.explanation).toContain(`依据${code}第一千一百零七条`);
  });

  it('legalBasis.resolve answers ad hoc, for the 立案 dialog', async () => {
    const r = await t.call(officer, 'legalBasis.resolve', {
      violationId: 'code-1095-report-book',
      actOn: '2026-06-01',
      figures: { amounts: { 建设项目总投资额: 100_000_000 }, aggravated: false },
    });
    expect(r.rule).toBe('new-law-lighter');
  });
});
