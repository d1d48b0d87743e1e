/**
 * What the clerk types into each document's form in the sample scenarios, per template id, so the
 * documents tell the scenario's own story (天柱宏盛砂石厂: dust over the limit at 1号排气筒; its
 * washing water through a hidden pipe; a hazardous-waste store without signs) rather than the
 * template fixtures' case. Values that the scenario's actions also record are shared constants, so
 * a document and the step it prepares say the same thing. Anything not given here comes from
 * sampleFields.ts.
 */
import { makePng } from './png.js';
import type { Photo, Texts } from './caseRunner.js';

export const airFacts = '经查，该公司1号排气筒颗粒物排放浓度超过排放标准。';
export const airReasoning = '超标倍数较低，首次违法，按较轻档次裁量。';

/** The 调查取证 and 调查报告 of the dust case (hearing, seizure, daily penalty). */
const airInvestigation: Texts = {
  'photo-evidence': {
    photoPlace: '天柱宏盛砂石厂生产车间及1号排气筒',
    photoPurpose: '证明当事人布袋除尘器破损后仍继续生产，1号排气筒排放的废气中颗粒物浓度超过排放标准。',
  },
  'investigation-report': {
    reportFacts: airFacts,
    reportProposal:
      '建议依据《中华人民共和国大气污染防治法》第九十九条第二项，责令当事人改正违法行为，并处罚款人民币二十万元。',
    reportReasoning: airReasoning,
  },
};

// ── 听证 (hearing) ─────────────────────────────────────────────────────────────
export const hearingPlace = '天柱分局三楼会议室';
export const hearingPresider = '吴秀英';
export const hearingSummary = '当事人称除尘布袋破损系突发，已于3月10日更换，请求从轻处罚，并提交了更换凭证。';
export const hearingOpinion = '当事人已及时整改，建议在告知金额基础上酌情从轻。';
export const legalReviewOpinion = '事实清楚，证据确凿，适用法律正确，程序合法，裁量适当。';

export const hearingTexts: Texts = {
  ...airInvestigation,
  'hearing-notice': {
    hearingTime: '2026年3月19日上午9时30分',
    hearingPlace: `黔东南州生态环境局${hearingPlace}`,
    hearingPresider: `${hearingPresider}（法规科科长）`,
    hearingClerk: '杨帆',
    hearingPrivateReason: '',
  },
  'hearing-record': {
    hearingStart: '2026-03-19 09:30',
    hearingEnd: '2026-03-19 11:00',
    hearingRecorder: '杨帆',
    hearingAttendees: '王建华（生产负责人，当事人委托代理人）',
    hearingContent:
      '调查人员张伟陈述了当事人1号排气筒颗粒物超标排放的事实、证据和拟罚款二十万元的处罚建议。\n' +
      `当事人委托代理人王建华称：${hearingSummary}\n调查人员：当事人更换布袋发生在立案之后，可在裁量时考虑。`,
  },
  'hearing-report': { hearingFindings: `${hearingOpinion}建议罚款人民币十八万元。` },
  'legal-review-opinion': { legalReviewOpinion, legalReviewConclusion: '同意' },
  'penalty-decision': {
    defenceReview:
      '当事人在听证中提出除尘布袋已于3月10日更换、请求从轻处罚的意见，有更换凭证为证，予以采纳，在告知的罚款金额基础上从轻处罚。',
  },
  'dossier-cover': { retention: '30年', dossierPreparer: '李娜', dossierChecker: '吴秀英' },
  'dossier-remarks': { dossierPreparer: '李娜', dossierChecker: '吴秀英', remarksNote: '' },
};

// ── 查封扣押 (seizure) ──────────────────────────────────────────────────────────
export const seizurePlace = '天柱宏盛砂石厂生产车间';
/** What was sealed, as the decision, the list and the implementSeizure step record it. */
export const seizedItems = '1号颚式破碎机｜PE-600×900型｜1台｜加贴封条\n配套引风机｜Y5-47型｜1台｜加贴封条';

export const seizureTexts: Texts = {
  ...airInvestigation,
  'seizure-approval': {
    seizureReason: '该公司布袋除尘器破损后仍继续生产，1号排气筒颗粒物超标排放，不及时制止将造成严重污染。',
    seizurePlan: '1号颚式破碎机1台、配套引风机1台（该公司生产车间）',
    seizureTerm: '三十日',
  },
  'seizure-decision': {
    seizureMeasure: '查封',
    seizureReason: '你单位布袋除尘器破损后仍继续生产，1号排气筒颗粒物排放浓度超过排放标准，可能造成严重污染。',
    seizureItems: seizedItems,
    seizurePlace,
    seizureTerm: '自2026年3月3日起三十日',
  },
  'seizure-list': { seizureItems: seizedItems, seizureTime: '2026-03-03 10:30', seizurePlace },
  'seizure-release': {
    releaseReason: '违法行为已经消除',
    returnArrangement: '查封的设施设备于解除之日当场启封交还当事人。',
  },
};

// ── 按日连续处罚 (daily penalty): two orders to correct, two re-checks ─────────────────────
const correctionContent = '立即停止超标排放大气污染物，修复或者更换布袋除尘器，确保1号排气筒颗粒物稳定达标排放。';
export const firstRecheckFindings = '1号排气筒仍在超标排放颗粒物，布袋除尘器未更换。';
export const dailyRounds = {
  firstOrder: { correctionContent, correctionDeadline: '2026年3月20日前' },
  firstRecheck: {
    recheckContent:
      '执法人员以暗查方式复查，发现该公司仍在生产，布袋除尘器未更换，1号排气筒颗粒物排放浓度仍超过排放标准。',
    recheckConclusion:
      '当事人未按期改正违法行为，建议依照《中华人民共和国环境保护法》第五十九条按日连续处罚，并再次责令改正。',
  },
  secondOrder: { correctionContent, correctionDeadline: '2026年3月31日前' },
  secondRecheck: {
    recheckContent: '执法人员以暗查方式复查，该公司已更换布袋除尘器，1号排气筒颗粒物排放浓度达标。',
    recheckConclusion: '当事人已改正违法行为，按日连续处罚终止。',
  },
};

export const dailyPenaltyTexts: Texts = { ...airInvestigation };

// ── 移送行政拘留 (detention referral): washing water through a hidden pipe ──────────────────
export const waterSummary = '现场检查发现该公司通过暗管将洗砂废水排入清水江支流，排放口废水浑浊。';
export const waterFacts =
  '经查，该公司洗砂废水未经沉淀处理，通过厂区东侧暗管直接排入清水江支流，排放口废水悬浮物浓度超过排放标准。';
export const waterReasoning =
  '案发后当事人立即封堵暗管、恢复沉淀池运行，按较轻档次裁量；暗管排放行为已移送公安机关处理。';
export const referralReason =
  '当事人通过暗管排放水污染物，逃避监管，依照《中华人民共和国环境保护法》第六十三条第三项移送公安机关。';
export const referralMaterials =
  '移送书｜1｜2｜\n现场检查(勘察)笔录｜1｜2｜复印件\n调查询问笔录｜1｜2｜复印件\n采样取证登记单｜1｜1｜复印件\n现场照片(图片、影像资料)证据｜1｜2｜复印件';
const responsiblePersons = '杨秀英（法定代表人）、王建华（生产负责人）';

export const waterPhotos: Photo[] = [
  { fileName: '暗管排放口.png', base64: makePng(320, 240, 3).toString('base64'), description: '厂区东侧暗管排放口' },
  { fileName: '沉淀池.png', base64: makePng(320, 240, 4).toString('base64'), description: '洗砂废水沉淀池闲置情况' },
];

export const referralTexts: Texts = {
  'inspection-record': {
    inspectionPlace: '天柱宏盛砂石厂洗砂车间、沉淀池及厂区东侧排放口',
    inspectionFindings:
      '检查时该公司正在洗砂生产，沉淀池未使用，洗砂废水经厂区东侧埋设的暗管直接排入清水江支流，排放口废水浑浊。执法人员对排放口废水采样，并拍照取证。',
  },
  'interview-record': {
    interviewContent:
      '问：你厂洗砂废水如何处理？\n答：原来经沉淀池沉淀后回用，沉淀池清淤后就没有用了。\n问：厂区东侧的管道通向哪里？\n答：通到河边，是去年埋的，废水从那里排走。',
  },
  'sampling-record': {
    samplingPlace: '天柱宏盛砂石厂厂区东侧暗管排放口及沉淀池',
    onSitePerson: '王建华（生产负责人）',
    samples:
      'TZ-2026-0303-01｜洗砂废水｜厂区东侧暗管排放口｜2瓶｜悬浮物、pH值\nTZ-2026-0303-02｜沉淀池存水｜沉淀池出口｜1瓶｜悬浮物',
    samplingMethod: '按HJ 91.1瞬时采样，样品加贴封条，冷藏送黔东南州生态环境监测站',
  },
  'photo-evidence': {
    photoPlace: '天柱宏盛砂石厂厂区东侧暗管排放口及沉淀池',
    photoPurpose: '证明当事人沉淀池闲置，洗砂废水通过暗管直接排入清水江支流。',
  },
  'investigation-report': {
    reportFacts: waterFacts,
    reportProposal:
      '建议依据《中华人民共和国水污染防治法》第八十三条第二项，责令当事人改正违法行为，并处罚款人民币二十万元；当事人通过暗管排放的行为，已移送公安机关处理。',
    reportReasoning: waterReasoning,
  },
  'detention-referral-approval': {
    responsiblePersons,
    referralTo: '天柱县公安局',
    detentionGround: '逃避监管排放污染物',
    referralGrounds:
      '当事人通过暗管排放水污染物，逃避监管，属于《中华人民共和国环境保护法》第六十三条第三项规定的情形，应移送公安机关处以行政拘留。',
  },
  'referral-letter': { responsiblePersons },
  'referral-materials': { referralMaterials },
};

// ── 简易程序 (summary): a hazardous-waste store without signs, a warning on the spot ──────────
export const summaryFacts = '危险废物贮存场所未设置识别标志，当事人当场承认并承诺立即改正。';
const summaryViolation = '危险废物贮存间存放废机油约0.2吨，贮存场所未设置危险废物识别标志。';
export const summaryTexts: Texts = {
  'inspection-record': {
    inspectionPlace: '天柱宏盛砂石厂危险废物贮存间',
    inspectionFindings: `检查时该公司${summaryViolation}`,
  },
  'on-spot-decision': {
    onSpotPlace: '天柱宏盛砂石厂危险废物贮存间',
    onSpotFacts: summaryViolation,
    onSpotWarning: '是',
    onSpotFine: '0',
  },
};

/**
 * The dust case under the 生态环境法典: the act on 2026-09-10, the case in November. The proposal
 * names no article: the 调查报告 prints the basis the case resolves from the act's date.
 */
export const codeTexts: Texts = {
  'photo-evidence': airInvestigation['photo-evidence']!,
  'investigation-report': {
    reportFacts: '经查，2026年9月10日，该公司1号排气筒颗粒物排放浓度超过排放标准。',
    reportProposal: '建议责令当事人改正违法行为，并处罚款人民币二十万元。',
    reportReasoning: airReasoning,
  },
};
