import { describe, expect, it } from 'vitest';
import { caseState } from '../../../common/schemas/cases.js';
import { isValidUscc } from '../domain/uscc.js';
import { articlesText } from './caseTexts.js';
import { sampleBureau, sampleCaseState, sampleDecisionNumber, sampleInputs, sampleNoticeNumber, sampleUscc } from './fixtures.js';
import { findTemplate, loadManifest } from './manifest.js';
import { buildTemplateData, missingInputFields, reviewOrganOf } from './templateData.js';

const build = (over: Partial<Parameters<typeof buildTemplateData>[0]> = {}) =>
  buildTemplateData({ state: sampleCaseState(), bureau: sampleBureau, number: null, fields: {}, today: '2026-03-23', ...over });

describe('the sample case', () => {
  it('is a valid case state with a valid 统一社会信用代码', () => {
    expect(caseState.parse(sampleCaseState())).toBeTruthy();
    expect(isValidUscc(sampleUscc)).toBe(true);
    expect(sampleUscc).toMatch(/^91522627MA6DLX3K0[0-9A-Y]$/);
  });
});

describe('template data', () => {
  it('writes the party, officers and articles as documents print them', () => {
    const d = build();
    expect(d.partyName).toBe('贵州某某塑料再生有限公司');
    expect(d.partyUscc).toBe(sampleUscc);
    expect(d.officersWithCerts).toBe('张伟（执法证号：贵环执字522627001）、李娜（执法证号：贵环执字522627002）');
    expect(d.officer2Cert).toBe('贵环执字522627002');
    expect(d.breachedArticles).toBe('《中华人民共和国环境影响评价法》第二十五条');
    expect(d.penaltyArticle).toBe('《中华人民共和国环境影响评价法》第三十一条第一款');
  });

  it('writes the fine in figures and in capitals, and the dates in both forms', () => {
    const d = build();
    expect(d.fineFigures).toBe('100,000.00');
    expect(d.fineWords).toBe('壹拾万元整');
    expect(d.fineText).toBe('100000元');
    expect(d.docDateCn).toBe('二〇二六年三月二十三日');
    expect(d.docDate).toBe('2026年3月23日');
    expect(d.filedOn).toBe('2026年3月3日');
  });

  it('lists the investigation records and photos as evidence', () => {
    const texts = build().evidenceList.map((e) => e.text);
    expect(texts[0]).toContain('《现场检查(勘察)笔录》');
    expect(texts[1]).toContain('《调查询问笔录》');
    expect(texts.filter((t) => t.startsWith('现场照片'))).toHaveLength(2);
  });

  it('tells of the hearing right from the large-amount threshold, or as the form says', () => {
    expect(build().hearingRight).toBe(true);
    expect(build({ hearingThresholdYuan: 200_000 }).hearingRight).toBe(false);
    expect(build({ fields: { hearingRight: '否' } }).hearingRight).toBe(false);
  });

  it('recounts the notice, its number and the defence in the decision', () => {
    expect(build().noticeHistory).toBe(`我局于2026年3月12日向你单位送达了《行政处罚事先告知书》（${sampleNoticeNumber}），`
      + '告知你单位拟作出行政处罚的内容及事实、理由、依据，以及依法享有的陈述、申辩、要求听证等权利。你单位在规定期限内未提出陈述、申辩意见，也未要求听证。');
    const s = sampleCaseState();
    s.defence.statements = [{ on: '2026-03-16', text: '项目已停止建设，请求从轻处罚。', newFacts: false, waived: false }];
    expect(build({ state: s, fields: { defenceReview: '当事人所述停止建设情况属实，已在裁量时予以考虑' } }).noticeHistory)
      .toContain('你单位于2026年3月16日提出：项目已停止建设，请求从轻处罚。经复核，当事人所述停止建设情况属实，已在裁量时予以考虑。');
    s.defence.statements = [{ on: '2026-03-13', text: '', newFacts: false, waived: true }];
    expect(build({ state: s }).noticeHistory).toContain('书面表示放弃陈述、申辩、要求听证的权利');
  });

  it('finds the number of the served document and the decision', () => {
    const d = build({ fields: sampleInputs['service-receipt']! });
    expect(d.servedDocumentTitle).toBe(`《行政处罚决定书》（${sampleDecisionNumber}）`);
    expect(d.decisionNumber).toBe(sampleDecisionNumber);
    expect(d.paymentsText).toContain('罚款已全额缴纳');
  });

  it('prints typed dates as records do, and never lets a form override the case', () => {
    const d = build({ fields: { inspectionTime: '2026-03-02 09:30', servedOn: '2026-03-24', partyName: '别的公司', note: '2026年' } });
    expect(d.inspectionTime).toBe('2026年3月2日9时30分');
    expect(d.servedOn).toBe('2026年3月24日');
    expect(d.partyName).toBe('贵州某某塑料再生有限公司');
    expect(d.note).toBe('2026年');
  });

  it('groups articles of one law and adds missing book-title marks', () => {
    expect(articlesText([{ law: '中华人民共和国大气污染防治法', article: '第十八条' }, { law: '《中华人民共和国大气污染防治法》', article: '第九十九条' }]))
      .toBe('《中华人民共和国大气污染防治法》第十八条、第九十九条');
  });

  it('derives the review organ of a county branch: the prefecture government', () => {
    expect(reviewOrganOf('黔东南州生态环境局天柱分局')).toBe('黔东南州人民政府');
    expect(reviewOrganOf('贵州省生态环境厅')).toBe('贵州省人民政府');
    expect(reviewOrganOf('某某局')).toBe('有管辖权的行政复议机关');
    expect(build({ bureau: { ...sampleBureau, reviewOrgan: '铜仁市人民政府' } }).reviewOrgan).toBe('铜仁市人民政府');
  });
});

describe('missing input fields', () => {
  const receipt = findTemplate(loadManifest(), 'service-receipt');
  it('names the required inputs left empty, not the optional ones', () => {
    const missing = missingInputFields(receipt, { servedDocument: '行政处罚决定书', servedOn: '2026-03-24', serviceMethod: '  ' });
    expect(missing.map((f) => f.key).sort()).toEqual(['recipient', 'serviceAddress', 'serviceMethod']);
    expect(missingInputFields(receipt, sampleInputs['service-receipt']!)).toEqual([]);
  });
});
