import { describe, expect, it } from 'vitest';
import type { ArticleMapEntry } from '#common/schemas/laws.js';
import type { TemporalRules } from '#common/schemas/legalBasis.js';
import type { ViolationType } from '#common/schemas/reference.js';
import { resolveLegalBasis } from './resolve.js';
import type { TypeIndex } from './standingType.js';

const eia = '《中华人民共和国环境影响评价法》';
const air = '《中华人民共和国大气污染防治法》';
const code = '《中华人民共和国生态环境法典》';

function type(
  id: string,
  law: string,
  article: string,
  band: ViolationType['band'],
  aggravated?: ViolationType['aggravated'],
): ViolationType {
  return {
    id,
    name: id,
    category: '建设项目',
    breached: [{ law, article: '第一条' }],
    penaltyArticle: { law, article },
    band,
    penaltyText: '',
    ...(aggravated ? { aggravated } : {}),
  };
}

const types: ViolationType[] = [
  type('eia-old', eia, '第三十一条第一款', { kind: 'percent', of: '建设项目总投资额', minPercent: 1, maxPercent: 5 }),
  type(
    'eia-book',
    code,
    '第一千零九十五条第一款',
    { kind: 'range', min: 200_000, max: 1_000_000 },
    { when: '情节严重', band: { kind: 'range', min: 1_000_000, max: 10_000_000 } },
  ),
  type(
    'eia-form',
    code,
    '第一千零九十五条第一款',
    { kind: 'range', min: 100_000, max: 500_000 },
    { when: '情节严重', band: { kind: 'range', min: 500_000, max: 5_000_000 } },
  ),
  type('air-old', air, '第九十九条第二项', { kind: 'range', min: 100_000, max: 1_000_000 }),
  type('air-code', code, '第一千一百零七条第二项', { kind: 'range', min: 100_000, max: 1_000_000 }),
];
const map: ArticleMapEntry[] = [
  {
    from: { law: eia, article: '第三十一条第一款' },
    to: [{ law: code, article: '第一千零九十五条第一款' }],
    relation: 'split',
    effectiveFrom: '2026-08-15',
    note: '',
    verified: true,
  },
  {
    from: { law: air, article: '第九十九条第二项' },
    to: [{ law: code, article: '第一千一百零七条第二项' }],
    relation: 'renumbered',
    effectiveFrom: '2026-08-15',
    note: '',
    verified: true,
  },
];
const by = { law: code, article: '第一千二百四十二条' };
const index: TypeIndex = {
  types,
  map,
  periods: {
    commencements: [{ law: '生态环境法典', effectiveFrom: '2026-08-15', source: '', verified: true }],
    repeals: [
      { law: '环境影响评价法', repealedOn: '2026-08-15', by, source: '', verified: true },
      { law: '大气污染防治法', repealedOn: '2026-08-15', by, source: '', verified: true },
    ],
  },
};
const rules: TemporalRules = {
  version: 't',
  actDate: {
    continuing: 'end',
    text: '违法行为有连续或者继续状态的，以行为终了之日为违法行为发生之日',
    verified: true,
    sources: [
      { law: '《中华人民共和国行政处罚法》', article: '第三十六条第二款', effectiveFrom: '2021-07-15' },
      { law: code, article: '第一千零五十四条第一款', effectiveFrom: '2026-08-15' },
    ],
  },
  lighterLaw: {
    text: '从旧兼从轻',
    verified: true,
    sources: [
      { law: '《中华人民共和国行政处罚法》', article: '第三十七条', effectiveFrom: '2021-07-15' },
      { law: code, article: '第一千零五十七条', effectiveFrom: '2026-08-15' },
    ],
  },
  limitation: [
    {
      id: 'x',
      effectiveFrom: '2021-07-15',
      law: 'x',
      article: '第一条',
      years: 2,
      harmYears: 5,
      harm: 'seriousHarm',
      harmText: 'x',
      verified: true,
    },
  ],
};
const pick = (id: string) => types.find((t) => t.id === id)!;
const resolve = (
  id: string,
  actOn: string,
  figures: Partial<{ amounts: Record<string, number>; aggravated: boolean; counterpartId: string }> = {},
  decisionOn = '2026-12-07',
) =>
  resolveLegalBasis(index, rules, {
    chosen: pick(id),
    actOn,
    continuing: false,
    decisionOn,
    figures: { amounts: {}, aggravated: false, ...figures },
  });

describe("the law of the act's date (处罚法 art. 37, 法典 art. 1057)", () => {
  it("an act on or after 2026-08-15 rests on the Code, whichever era's type the user picked", () => {
    for (const id of ['air-old', 'air-code']) {
      const r = resolve(id, '2026-09-10');
      expect(r.rule).toBe('in-force');
      expect(r.applied?.citation).toBe(`${code}第一千一百零七条第二项`);
      expect(r.needsReview).toBe(false);
    }
  });

  it("an earlier act whose Code band is lighter on the case's figures rests on the Code, with the comparison in legal Chinese", () => {
    const r = resolve('eia-book', '2026-06-01', { amounts: { 建设项目总投资额: 100_000_000 } });
    expect(r.rule).toBe('new-law-lighter');
    expect(r.atAct?.citation).toBe(`${eia}第三十一条第一款`);
    expect(r.atAct?.yuan).toMatchObject({ ok: true, min: 1_000_000, max: 5_000_000 });
    expect(r.applied?.citation).toBe(`${code}第一千零九十五条第一款`);
    expect(r.statement).toContain('违法行为发生时施行的《中华人民共和国环境影响评价法》第三十一条第一款');
    expect(r.statement).toContain('新的规定处罚较轻');
    expect(r.statement).toContain(
      '《中华人民共和国行政处罚法》第三十七条、《中华人民共和国生态环境法典》第一千零五十七条',
    );
    expect(r.statement).toMatch(/本案适用《中华人民共和国生态环境法典》第一千零九十五条第一款。$/);
  });

  it('the same act with a 报告表 and 200万 of investment rests on the old law, which is lighter', () => {
    const r = resolve('eia-form', '2026-06-01', { amounts: { 建设项目总投资额: 2_000_000 } });
    expect(r.rule).toBe('old-law');
    expect(r.atAct?.yuan).toMatchObject({ ok: true, min: 20_000, max: 100_000 });
    expect(r.applied?.citation).toBe(`${eia}第三十一条第一款`);
    expect(r.statement).toContain('新的规定并不较轻');
  });

  it('without the figure the comparison needs, keeps the old law and asks for the figure', () => {
    const r = resolve('eia-book', '2026-06-01');
    expect(r.rule).toBe('undecided');
    expect(r.applied?.citation).toBe(`${eia}第三十一条第一款`);
    expect(r.reason).toContain('建设项目总投资额');
    expect(r.needsReview).toBe(true);
  });

  it('an old type replaced by several asks which describes the act, then compares', () => {
    const open = resolve('eia-old', '2026-06-01', { amounts: { 建设项目总投资额: 100_000_000 } });
    expect(open.rule).toBe('undecided');
    expect(open.candidates.map((c) => c.typeId).sort()).toEqual(['eia-book', 'eia-form']);
    const chosen = resolve('eia-old', '2026-06-01', {
      amounts: { 建设项目总投资额: 100_000_000 },
      counterpartId: 'eia-book',
    });
    expect(chosen.rule).toBe('new-law-lighter');
  });

  it('a 情节严重 case compares the heavier bands', () => {
    const r = resolve('eia-book', '2026-06-01', { amounts: { 建设项目总投资额: 100_000_000 }, aggravated: true });
    // 100万–1000万 against 1%–5% of 1亿 (100万–500万): the old law is lighter.
    expect(r.rule).toBe('old-law');
  });

  it('an act and a decision before the Code rest on the old law, unchanged', () => {
    const r = resolve('air-old', '2026-03-01', {}, '2026-07-01');
    expect(r.rule).toBe('in-force');
    expect(r.applied?.citation).toBe(`${air}第九十九条第二项`);
    expect(r.basis).toEqual(['《中华人民共和国行政处罚法》第三十七条']);
  });

  it('a Code type for an act before anything maps to it says so instead of guessing', () => {
    const r = resolve('air-code', '2026-03-01', {}, '2026-07-01');
    expect(r.rule).toBe('in-force'); // the map links it back to 大气法 99(2), in force on both days
    expect(r.applied?.citation).toBe(`${air}第九十九条第二项`);
  });

  it('refuses a decision date before the act', () => {
    expect(resolve('air-old', '2026-09-10', {}, '2026-09-01').rule).toBe('undecided');
  });

  it('dates a continuing act by its end, citing the rule from data', () => {
    const r = resolveLegalBasis(index, rules, {
      chosen: pick('air-old'),
      actOn: '2026-09-01',
      continuing: true,
      decisionOn: '2026-12-07',
      figures: { amounts: {}, aggravated: false },
    });
    expect(r.actDateNote).toContain('以行为终了之日为违法行为发生之日');
    expect(r.actDateNote).toContain('第一千零五十四条第一款');
    expect(r.applied?.citation).toBe(`${code}第一千一百零七条第二项`);
  });
});
