import { describe, expect, it } from 'vitest';
import { caseState, type CaseState } from '#common/schemas/cases.js';
import { isValidUscc } from '../domain/uscc.js';
import { articlesText, thirdPerson } from './caseTexts.js';
import {
  sampleBureau,
  sampleCaseState,
  sampleCaseStateOn,
  sampleDocx,
  sampleDecisionNumber,
  sampleInputs,
  sampleNoticeNumber,
  sampleNumbers,
  sampleUscc,
} from './fixtures.js';
import { findTemplate, loadManifest } from './manifest.js';
import { buildTemplateData, missingInputFields, reviewOrganOf } from './templateData.js';
import { docxText } from './render.js';
import { thrownAppError } from '../testing/appError.js';

const textOfNotice = (state: CaseState): string =>
  docxText(sampleDocx(findTemplate(loadManifest(), 'penalty-notice'), sampleInputs['penalty-notice'] ?? {}, state));
const build = (over: Partial<Parameters<typeof buildTemplateData>[0]> = {}) =>
  buildTemplateData({
    state: sampleCaseState(),
    bureau: sampleBureau,
    number: null,
    fields: {},
    today: '2026-03-23',
    ...over,
  });

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

  it("drops the clerk's leading 经查 from the facts: the templates introduce them themselves", () => {
    const base = sampleCaseState();
    const state: CaseState = { ...base, report: { ...base.report!, facts: '经查，该公司于2025年11月擅自开工建设。' } };
    expect(build({ state }).facts).toBe('该公司于2025年11月擅自开工建设。');
    expect(build({ state: { ...state, report: { ...state.report!, facts: '该公司经查明…' } } }).facts).toBe(
      '该公司经查明…',
    );
    const notice = textOfNotice(state);
    expect(notice).toContain('经查，你单位存在以下环境违法行为：');
    expect(notice.match(/经查/g)).toHaveLength(1);
  });

  it('prints the fine as lowered after a hearing, before the decision exists', () => {
    const base = sampleCaseState();
    const state: CaseState = {
      ...base,
      decision: null,
      noticedFine: 200000,
      report: { ...base.report!, proposedFine: 180000 },
    };
    expect(build({ state }).fineWords).toBe('壹拾捌万元整');
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
    expect(texts[2]).toContain('《采样取证登记单》');
    expect(texts.filter((t) => t.startsWith('现场照片'))).toHaveLength(2);
  });

  it('tells of the hearing right from the large-amount threshold, or as the form says', () => {
    expect(build({ hearingThreshold: { organisationYuan: 50_000, citizenYuan: 5_000 } }).hearingRight).toBe(true);
    expect(build({ hearingThreshold: { organisationYuan: 200_000, citizenYuan: 5_000 } }).hearingRight).toBe(false);
    expect(build({ fields: { hearingRight: '否' } }).hearingRight).toBe(false);
  });

  it('较大数额 for an organisation is a fine above 200,000 yuan (data, unverified): 200,000 itself does not qualify', () => {
    const withFine = (fine: number, partyKind: CaseState['partyKind'] = 'organisation'): boolean => {
      const s = sampleCaseState();
      s.partyKind = partyKind;
      s.decision = { ...s.decision!, fine };
      return build({ state: s }).hearingRight; // the shipped resources/discretion/hearing-thresholds.json
    };
    expect(withFine(100_000)).toBe(false);
    expect(withFine(200_000)).toBe(false);
    expect(withFine(200_000.01)).toBe(true);
    expect(withFine(250_000)).toBe(true);
    // Individuals: the old national figure, 5,000 yuan and above (以上 includes the figure), still unverified data.
    expect(withFine(5_000, 'individual')).toBe(true);
    expect(withFine(4_999, 'individual')).toBe(false);
  });

  it('recounts the notice, its number, the defence and any hearing in the decision', () => {
    // A fine the notice had to tell the hearing right for (here: under a 50,000-yuan threshold).
    const told = { hearingThreshold: { organisationYuan: 50_000, citizenYuan: 5_000 } };
    const noHearing = sampleCaseState();
    noHearing.steps = noHearing.steps.filter(
      (x) => !['requestHearing', 'notifyHearing', 'recordHearing', 'finishHearing'].includes(x.action),
    );
    expect(build({ ...told, state: noHearing }).noticeHistory).toBe(
      `我局于2026年3月12日向你单位送达了《行政处罚事先告知书》（${sampleNoticeNumber}），` +
        '告知你单位拟作出行政处罚的内容及事实、理由、依据，以及依法享有的陈述、申辩、要求听证等权利。你单位在规定期限内未提出陈述、申辩意见，也未要求听证。',
    );
    expect(build(told).noticeHistory).toContain(
      '你单位于2026年3月16日提出听证申请，我局于2026年3月27日依法举行了听证，听取了你单位的申辩和质证意见。' +
        '我局对你单位提出的事实、理由和证据进行了复核。',
    );
    const s = structuredClone(noHearing);
    s.defence.statements = [
      { on: '2026-03-16', text: '项目已停止建设，请求从轻处罚。', newFacts: false, waived: false },
    ];
    expect(
      build({ ...told, state: s, fields: { defenceReview: '当事人所述停止建设情况属实，已在裁量时予以考虑' } })
        .noticeHistory,
    ).toContain(
      '你单位于2026年3月16日提出：项目已停止建设，请求从轻处罚。经复核，当事人所述停止建设情况属实，已在裁量时予以考虑。',
    );
    s.defence.statements = [{ on: '2026-03-13', text: '', newFacts: false, waived: true }];
    expect(build({ ...told, state: s }).noticeHistory).toContain('书面表示放弃陈述、申辩、要求听证的权利');
  });

  it('finds the number of the served document and the decision', () => {
    const d = build({ fields: sampleInputs['service-receipt']! });
    expect(d.servedDocumentTitle).toBe(`《行政处罚决定书》（${sampleDecisionNumber}）`);
    expect(d.decisionNumber).toBe(sampleDecisionNumber);
    expect(d.paymentsText).toContain('罚款已全额缴纳');
  });

  it('prints typed dates as records do, and never lets a form override the case', () => {
    const d = build({
      fields: { inspectionTime: '2026-03-02 09:30', servedOn: '2026-03-24', partyName: '别的公司', note: '2026年' },
    });
    expect(d.inspectionTime).toBe('2026年3月2日9时30分');
    expect(d.servedOn).toBe('2026年3月24日');
    expect(d.partyName).toBe('贵州某某塑料再生有限公司');
    expect(d.note).toBe('2026年');
  });

  it('groups articles of one law and adds missing book-title marks', () => {
    expect(
      articlesText([
        { law: '中华人民共和国大气污染防治法', article: '第十八条' },
        { law: '《中华人民共和国大气污染防治法》', article: '第九十九条' },
      ]),
    ).toBe('《中华人民共和国大气污染防治法》第十八条、第九十九条');
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
    const missing = missingInputFields(receipt, {
      servedDocument: '行政处罚决定书',
      servedOn: '2026-03-24',
      serviceMethod: '  ',
    });
    expect(missing.map((f) => f.key).sort()).toEqual([
      'recipient',
      'recipientCapacity',
      'serviceAddress',
      'serviceMethod',
    ]);
    expect(missingInputFields(receipt, sampleInputs['service-receipt']!)).toEqual([]);
  });
});

describe('what the steps of the procedure recorded', () => {
  it('reads the hearing from its request, notice and record', () => {
    const d = build();
    expect(d).toMatchObject({
      hearingRequestedOn: '2026年3月16日',
      scheduledHearingPlace: '黔东南州生态环境局天柱分局三楼会议室',
      scheduledPresider: '吴秀英',
      hearingPublicText: '公开举行',
      hearingHeldOn: '2026年3月27日',
      hearingAttendanceText: '当事人到场参加了听证',
    });
    expect(d.reviewHistoryText).toBe(
      '本案已于2026年3月27日举行听证。法制审核意见：事实清楚，证据确凿，适用法律正确，程序合法，裁量适当（审核通过）。',
    );
    expect(d.hearingHeldText).toBe('本案已于2026年3月27日举行听证。');
  });

  it('counts the daily penalty from the re-check that found the violation going on, not a later one that found it corrected', () => {
    const d = build();
    expect(d).toMatchObject({
      dailyDays: '11',
      dailyFromOn: '2026年4月4日',
      recheckOnText: '2026年4月14日',
      dailyTotalFigures: '1,100,000.00',
      recheckKind: '复查（暗查）',
    });
    expect(d.correctionOrderRef).toBe(`（${sampleNumbers['correction-order']}）`);
  });

  it('takes seized things from the form first, then from the seizure as recorded, then from its decision on file', () => {
    const names = (state: CaseState, fields: Record<string, string> = {}) =>
      (build({ state, fields }).seizureItems as Array<{ name: string }>).map((r) => r.name);
    expect(names(sampleCaseState(), { seizureItems: '引风机1台' })).toEqual(['引风机']);
    const s = sampleCaseState();
    s.steps = s.steps.map((x) =>
      x.action === 'implementSeizure' ? { ...x, data: { ...x.data, items: '3号造粒机1台' } } : x,
    );
    expect(names(s)).toEqual(['3号造粒机']);
    s.steps = s.steps.filter((x) => x.action !== 'implementSeizure');
    expect(names(s)).toEqual(['1号造粒机', '2号造粒机', '配套引风机']);
  });

  it('names the measure the seizure decision took (查封 or 扣押) in what follows it', () => {
    expect(build().seizureMeasureCase).toBe('查封');
    expect(build().seizureDecisionRef).toBe(`《查封决定书》（${sampleNumbers['seizure-decision']}）`);
    expect(build({ state: sampleCaseStateOn('2026-03-02') }).seizureMeasureCase).toBe('查封（扣押）');
  });

  it('works out what is still owed and the total with the surcharge', () => {
    const d = build({ state: sampleCaseStateOn('2026-04-24'), fields: { surchargeAmount: '3000' } });
    expect(d).toMatchObject({
      unpaidFigures: '60,000.00',
      surchargeAmount: '3,000.00',
      totalDueFigures: '63,000.00',
      totalDueWords: '陆万叁仟元整',
      paidSoFarText: '至今仅缴纳罚款人民币40,000.00元',
      reminderRef: `（${sampleNumbers.reminder}）`,
    });
    expect(build().reminderServedOn).toBe('2026年4月27日');
  });

  it('lists the documents on file for the catalog: oldest first, receipts by what they served, no dossier pages', () => {
    const s = sampleCaseState();
    s.documents = [
      ...s.documents,
      {
        ...s.documents[0]!,
        id: 'cover',
        type: 'dossier-cover',
        name: '《卷宗封面》',
        generatedAt: '2026-06-19T02:00:00.000Z',
      },
    ];
    const rows = build({ state: s }).documentRows as Array<{ title: string; number: string }>;
    expect(rows[0]).toMatchObject({ title: '立案审批表', number: '' });
    expect(rows.map((r) => r.title)).toContain('送达回证（行政处罚决定书）');
    expect(rows.map((r) => r.title)).not.toContain('卷宗封面');
    expect(build({ state: s }).documentCount).toBe(String(rows.length));
  });

  it('explains an empty 备考表 rather than printing nothing', () => {
    const s = sampleCaseState();
    s.approvals = [];
    s.tracks = [];
    expect(build({ state: s }).remarkLines).toEqual([{ seq: 1, text: '本卷无需要说明的情况。' }]);
  });

  it('names the outcome on the cover from the decision', () => {
    const s = sampleCaseState();
    expect(build({ state: s }).outcomeText).toBe('罚款人民币壹拾万元整');
    s.decision = { kind: 'noPenalty', fine: 0, warning: false, approvedOn: '2026-04-02' };
    expect(build({ state: s }).outcomeText).toBe('不予行政处罚');
    s.decision = { kind: 'penalty', fine: 0, warning: true, approvedOn: '2026-04-02' };
    expect(build({ state: s }).outcomeText).toBe('警告');
  });

  it('speaks of the party in the third person in reports to the head and letters to other organs', () => {
    expect(thirdPerson('你单位于2025年11月开工，你公司未报批')).toBe('当事人于2025年11月开工，当事人未报批');
    expect(build().factsThirdPerson).not.toContain('你单位');
    expect(build().reasoningText).toMatch(/^鉴于当事人.*。$/u);
  });
});

describe('what a clerk types is read, or refused with the field named', () => {
  const refused = (fields: Record<string, string>, state: CaseState = sampleCaseState()) =>
    thrownAppError(() => build({ state, fields }));

  it('refuses a 当场 fine above the limit of art. 51, for an organisation and for a citizen', () => {
    const e = refused({ onSpotWarning: '否', onSpotFine: '3000.01' });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('不得超过3000元');
    expect(e.message).toContain('第五十一条');
    expect(e.details).toEqual([expect.objectContaining({ path: 'onSpotFine' })]);
    expect(build({ fields: { onSpotWarning: '否', onSpotFine: '3000' } }).onSpotFine).toBe('3,000.00');
    const citizen = sampleCaseState();
    citizen.partyKind = 'individual';
    expect(refused({ onSpotWarning: '否', onSpotFine: '201' }, citizen).message).toContain('不得超过200元');
  });

  it('refuses a 当场 decision with neither a warning nor a fine, and a yes/no that is neither', () => {
    expect(refused({ onSpotWarning: '否', onSpotFine: '0' }).message).toContain('应当给予警告或者罚款');
    const e = refused({ onSpotWarning: '对', onSpotFine: '100' });
    expect(e.message).toContain('是否给予警告应填写“是”或“否”');
    expect(e.details).toEqual([expect.objectContaining({ path: 'onSpotWarning' })]);
  });

  it('refuses an amount that is not one, and a surcharge above the fine (处罚法 art. 72(1))', () => {
    expect(refused({ surchargeAmount: '三千' }).message).toContain('加处罚款金额应为金额（元）');
    const e = refused({ surchargeAmount: '100000.01' });
    expect(e.message).toContain('不得超出罚款数额');
    expect(e.details).toEqual([expect.objectContaining({ path: 'surchargeAmount' })]);
  });

  it('refuses a measure the law does not name', () => {
    expect(refused({ seizureMeasure: '封存' }).details).toEqual([expect.objectContaining({ path: 'seizureMeasure' })]);
    expect(refused({ restrictionMeasure: '停产' }).message).toContain('“限制生产”或“停产整治”');
    expect(refused({ deferralKind: '缓交' }).message).toContain('“延期”或“分期”');
    expect(
      build({ fields: { seizureMeasure: '扣押', restrictionMeasure: '限制生产', deferralKind: '延期' } }).partyName,
    ).toBe('贵州某某塑料再生有限公司');
  });

  it('prints a typed list from the form, even where the case recorded another', () => {
    const d = build({ fields: { samples: 'A1｜废水｜排放口｜2瓶｜COD', referralMaterials: '移送书｜1｜2｜' } });
    expect(d.samples).toEqual([{ seq: 1, code: 'A1', name: '废水', point: '排放口', quantity: '2瓶', items: 'COD' }]);
    expect(d.referralMaterials).toEqual([{ seq: 1, name: '移送书', copies: '1', pages: '2', note: '' }]);
  });
});
