import { describe, expect, it } from 'vitest';
import type { LegalBasis, ProvisionView } from '#common/schemas/legalBasis';
import {
  amountLabels,
  figuresOf,
  formOf,
  previewLine,
  provisionYuan,
  reportProvision,
  ruleSummary,
  sameProvision,
} from './legalBasisText';

const code = '《中华人民共和国生态环境法典》';
const eia = '《中华人民共和国环境影响评价法》';

const oldEia: ProvisionView = {
  typeId: 'eia-unapproved-construction',
  typeName: '未批先建',
  breached: [{ law: eia, article: '第二十五条' }],
  penaltyArticle: { law: eia, article: '第三十一条第一款' },
  citation: `${eia}第三十一条第一款`,
  band: { kind: 'percent', of: '建设项目总投资额', minPercent: 1, maxPercent: 5 },
  bandText: '建设项目总投资额的1%至5%',
  aggravated: false,
  yuan: { ok: false, problem: '须填写建设项目总投资额以计算法定幅度' },
  penaltyText: '',
};
const code1095: ProvisionView = {
  typeId: 'code-1095-report-book',
  typeName: '擅自开工建设（报告书）',
  breached: [],
  penaltyArticle: { law: code, article: '第一千零九十五条第一款' },
  citation: `${code}第一千零九十五条第一款`,
  band: { kind: 'range', min: 200_000, max: 1_000_000 },
  bandText: '200,000元至1,000,000元',
  aggravated: false,
  yuan: { ok: true, min: 200_000, max: 1_000_000, basis: '' },
  penaltyText: '',
};
const base: LegalBasis = {
  actOn: '2026-06-01',
  actDateNote: '违法行为发生于2026年6月1日',
  decisionOn: '2026-12-07',
  rule: 'undecided',
  atAct: oldEia,
  atDecision: null,
  applied: oldEia,
  candidates: [{ typeId: 'code-1095-report-book', typeName: '报告书', citation: `${code}第一千零九十五条第一款` }],
  mapping: null,
  statement: '',
  reason: '请选择与本案违法行为相符的一项',
  needsReview: true,
  basis: [],
};
const state = {
  violation: {
    id: 'eia-unapproved-construction',
    name: '未批先建',
    breached: oldEia.breached,
    penaltyArticle: oldEia.penaltyArticle,
    band: oldEia.band,
    penaltyText: '',
  },
};

describe('the legal basis in plain words', () => {
  it('names each result', () => {
    expect(ruleSummary({ ...base, rule: 'new-law-lighter' }).text).toBe('适用新法（处罚较轻）');
    expect(ruleSummary({ ...base, rule: 'old-law' }).text).toContain('适用违法行为发生时的法律');
    expect(ruleSummary({ ...base, rule: 'in-force' }).text).toContain('法律未变更');
    expect(ruleSummary(base).severity).toBe('warning');
    expect(ruleSummary({ ...base, rule: 'not-illegal' }).severity).toBe('error');
  });

  it('previews the citation applied, or what is missing', () => {
    expect(previewLine({ ...base, rule: 'new-law-lighter', applied: code1095 })).toBe(
      `适用新法（处罚较轻）：${code}第一千零九十五条第一款`,
    );
    expect(previewLine(base)).toBe('尚不能确定适用的法律：请选择与本案违法行为相符的一项');
  });

  it("states a band in yuan on the case's figures, or why it cannot", () => {
    expect(provisionYuan(oldEia)).toBe('须填写建设项目总投资额以计算法定幅度');
    expect(provisionYuan(code1095)).toBe('');
    expect(
      provisionYuan({
        ...oldEia,
        yuan: { ok: true, min: 1_000_000, max: 5_000_000, basis: '建设项目总投资额100,000,000元的1%至5%' },
      }),
    ).toBe('按本案建设项目总投资额100,000,000元的1%至5%，即1,000,000元至5,000,000元');
  });

  it('tells one unchanged provision from two', () => {
    expect(sameProvision({ ...base, atDecision: oldEia })).toBe(true);
    expect(sameProvision({ ...base, atDecision: code1095 })).toBe(false);
    expect(sameProvision(base)).toBe(false);
  });
});

describe('the figures form', () => {
  it('asks for the amounts the bands are counted from, and keeps those recorded', () => {
    expect(amountLabels(base)).toEqual(['建设项目总投资额']);
    expect(amountLabels({ ...base, atAct: code1095, applied: code1095 })).toEqual([]);
    expect(
      amountLabels({ ...base, atAct: code1095, applied: code1095 }, { amounts: { 违法所得: 5 }, aggravated: false }),
    ).toEqual(['违法所得']);
    expect(amountLabels(null)).toEqual([]);
  });

  it('reads what was typed, as clerks type amounts', () => {
    const form = {
      ...formOf(null),
      amounts: { 建设项目总投资额: '100,000,000', 违法所得: '' },
      counterpartId: 'code-1095-report-book',
    };
    expect(figuresOf(form)).toEqual({
      ok: true,
      figures: {
        amounts: { 建设项目总投资额: 100_000_000 },
        aggravated: false,
        counterpartId: 'code-1095-report-book',
      },
    });
    expect(figuresOf({ ...form, amounts: { 建设项目总投资额: '一亿' } })).toEqual({
      ok: false,
      errors: { 'amount:建设项目总投资额': '建设项目总投资额须为不小于零的数字' },
    });
    expect(figuresOf({ ...form, amounts: {}, actEndedOn: '2026-10-01' })).toMatchObject({
      ok: true,
      figures: { actEndedOn: '2026-10-01' },
    });
  });

  it('starts from the figures recorded', () => {
    expect(formOf({ amounts: { 建设项目总投资额: 2_000_000 }, aggravated: true, counterpartId: 'x' })).toEqual({
      amounts: { 建设项目总投资额: '2000000' },
      aggravated: true,
      counterpartId: 'x',
      actEndedOn: '',
    });
  });
});

describe('the provision the 调查报告 weighs the fine against', () => {
  it('is the applied one, said so when it is not the type chosen at 立案', () => {
    const p = reportProvision(state, {
      ...base,
      rule: 'new-law-lighter',
      atDecision: code1095,
      applied: code1095,
      needsReview: false,
    });
    expect(p).toMatchObject({
      typeId: 'code-1095-report-book',
      citation: `${code}第一千零九十五条第一款`,
      band: code1095.band,
      note: '适用新法（处罚较轻）',
    });
  });

  it("is the type chosen at 立案 when the act's date is unknown, or the old one while undecided", () => {
    expect(reportProvision(state, null)).toMatchObject({
      typeId: 'eia-unapproved-construction',
      citation: `${eia}第三十一条第一款`,
      note: null,
    });
    expect(reportProvision(state, base)).toMatchObject({ typeId: 'eia-unapproved-construction', note: null });
  });
});
