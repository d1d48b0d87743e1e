/**
 * What the law requires each document to say, checked in the text of the DOCX filled with the
 * sample case as it stood on the document's day (fixtures.ts). One entry per template: a new
 * template without its entry fails the first test.
 */
import { describe, expect, it } from 'vitest';
import type { CaseState } from '#common/schemas/cases.js';
import {
  sampleCaseStateOn,
  sampleDecisionNumber,
  sampleDocx,
  sampleInputs,
  sampleNoticeNumber,
  sampleNumbers,
  sampleUscc,
} from './fixtures.js';
import { findTemplate, loadManifest } from './manifest.js';
import { docxText } from './render.js';
import { sampleBureau, sampleCaseState } from './fixtures.js';
import { buildTemplateData } from './templateData.js';
import { requireBureauSettings, requireDossier } from './requiredTexts.js';
import { thrownAppError } from '../testing/appError.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from '../paths.js';

const manifest = loadManifest();
const textOf = (id: string, fields?: Record<string, string>, state?: CaseState): string =>
  docxText(sampleDocx(findTemplate(manifest, id), fields ?? sampleInputs[id] ?? {}, state));

const bureau = '黔东南州生态环境局天柱分局';
const seal = { authority: bureau, seal: '（印章）' };
const officers = '张伟（执法证号：贵环执字522627001）、李娜（执法证号：贵环执字522627002）';
// The court is the bureau's setting (本局设置), checked against 行政诉讼法 arts. 14, 15, 18 (common/bureauInfo.ts).
const remedies = {
  review: '六十日内向黔东南州人民政府申请行政复议',
  litigation: '六个月内依法向天柱县人民法院提起行政诉讼',
};
const boxes = { proposer: '承办人意见', reviewer: '审核意见', head: '负责人审批意见', signature: '负责人（签名）' };
const fine = '罚款人民币壹拾万元整（¥100,000.00）';

/** Element → the text that shows it, per document. */
const required: Record<string, Record<string, string>> = {
  'filing-approval': {
    title: '立案审批表',
    caseNumber: '黔东南环天立字〔2026〕12号',
    uscc: sampleUscc,
    rep: '吴志刚',
    breached: '《中华人民共和国环境影响评价法》第二十五条',
    basis: '第五十四条第二款',
    officers: '张伟（执法证号：贵环执字522627001）',
    ...boxes,
  },
  'withdrawal-approval': {
    title: '销案审批表',
    filedOn: '立案日期',
    date: '2026年3月3日',
    reason: '违法事实不能成立',
    officers,
    proposal: '建议撤销立案（销案）',
    ...boxes,
  },
  'inspection-record': {
    branding: '贵州省生态环境保护执法',
    title: '现场检查(勘察)笔录',
    time: '2026年3月2日9时30分至2026年3月2日11时10分',
    place: '生产厂区',
    officer1: '张伟（执法证号：贵环执字522627001）',
    officer2: '李娜（执法证号：贵环执字522627002）',
    recorder: '记录人',
    certificates: '出示执法证件',
    recusal: '申请回避',
    findings: '两条废塑料造粒生产线',
    onSite: '现场负责人（签名）',
    inspectors: '检查(勘察)人（签名）',
    recorderSigns: '记录人（签名）',
  },
  'interview-record': {
    branding: '贵州省生态环境保护执法',
    title: '调查询问笔录',
    time: '2026年3月4日14时00分',
    interviewee: '被询问人：吴志刚',
    title2: '法定代表人',
    cert: '贵环执字522627001',
    truthful: '如实回答',
    recusal: '申请回避',
    question: '问：项目什么时候开工建设的？',
    signs: '被询问人（签名）',
    asks: '询问人（签名）',
  },
  'sampling-record': {
    title: '采样取证登记单',
    party: '被采样单位：贵州某某塑料再生有限公司',
    time: '采样时间：2026年3月6日10时00分',
    place: '厂区雨水排放口',
    officers,
    basis: '第五十六条',
    sample1: 'TZ-2026-031-01',
    item1: '非甲烷总烃',
    sample2: 'TZ-2026-031-02',
    item2: '化学需氧量、悬浮物',
    method: 'HJ 91.1',
    sealed: '样品已当场封存',
    onSite: '现场负责人（签名）',
    sampler: '采样人（签名）',
  },
  'photo-evidence': {
    title: '现场照片(图片、影像资料)证据',
    place: '拍摄地点：贵州某某塑料再生有限公司生产厂区',
    photographer: '拍摄（制作）人：张伟、李娜',
    purpose: '证明对象：证明当事人建设项目未经环评审批',
    photo1: '已建成的两条造粒生产线（造粒生产线.jpg）',
    photo2: '生产厂房全景及原料堆放情况（厂房全景.jpg）',
    takenOn: '2026年3月2日',
    hash: '11111111',
    integrity: 'SHA-256',
    signs: '拍摄（制作）人（签名）',
  },
  'preservation-notice': {
    number: sampleNumbers['preservation-notice']!,
    party: '贵州某某塑料再生有限公司：',
    approved: '经本机关负责人批准',
    basis: '第五十六条',
    item: '原料采购合同',
    quantity: '12份',
    place: '就地封存',
    noDestruction: '不得销毁或者转移',
    sevenDays: '七日内',
    officers,
    receipt: '当事人（签收）',
    ...seal,
    date: '二〇二六年三月三日',
  },
  'preservation-release-notice': {
    number: sampleNumbers['preservation-release-notice']!,
    notice: `（${sampleNumbers['preservation-notice']}）`,
    preservedOn: '我局于2026年3月3日',
    item: '生产台账',
    basis: '第五十六条',
    release: '自2026年3月9日起解除对上述证据的先行登记保存',
    returned: '当场退还当事人',
    ...seal,
    date: '二〇二六年三月九日',
  },
  'investigation-report': {
    title: '行政处罚案件调查报告',
    source: '本案来源于现场检查',
    filedOn: '我局于2026年3月3日',
    party: `统一社会信用代码：${sampleUscc}`,
    officers,
    evidence: '3．《采样取证登记单》（2026年3月6日制作）',
    facts: '于2025年11月擅自开工建设',
    breached: '违反了《中华人民共和国环境影响评价法》第二十五条',
    basis: '依据《中华人民共和国环境影响评价法》第三十一条第一款',
    proposal: '建议依据',
    reasoning: '按裁量基准从轻档次裁量',
    review: '第五十七条',
    signs: '承办人（签名）',
  },
  'internal-approval': {
    title: '案件处理内部审批表',
    facts: '当事人年处理5万吨',
    breached: '《中华人民共和国环境影响评价法》第二十五条',
    basis: '《中华人民共和国环境影响评价法》第三十一条第一款',
    proposal: `拟${fine}`,
    reasoning: '鉴于当事人项目总投资500万元',
    officers,
    ...boxes,
  },
  'penalty-notice': {
    number: sampleNoticeNumber,
    party: '贵州某某塑料再生有限公司：',
    facts: '未报经生态环境主管部门审批',
    evidence: '以上事实，有下列证据为证',
    breached: '违反了《中华人民共和国环境影响评价法》第二十五条',
    basis: '依据《中华人民共和国环境影响评价法》第三十一条第一款',
    reasoning: '百分之二',
    penalty: fine,
    defence: '陈述、申辩的权利',
    period: '五个工作日',
    waiver: '逾期未提出的，视为放弃',
    noHeavier: '不会因你单位陈述、申辩而给予更重的处罚',
    address: '我局地址：贵州省黔东南苗族侗族自治州天柱县凤城街道环城北路18号',
    phone: '联系电话：0855-7521234',
    contact: '联系人：张伟、李娜',
    ...seal,
    date: '二〇二六年三月十日',
  },
  'hearing-notice': {
    number: sampleNumbers['hearing-notice']!,
    requested: '你单位于2026年3月16日',
    notice: `（${sampleNoticeNumber}）`,
    time: '听证时间：2026年3月27日上午9时30分',
    place: '听证地点：黔东南州生态环境局天柱分局三楼会议室',
    presider: '听证主持人：吴秀英',
    notInvestigator: '非本案调查人员',
    clerk: '记录员：杨帆',
    public: '公开举行',
    recusal: '有权申请回避',
    agents: '委托一至二人代理',
    defence: '申辩和质证',
    absence: '视为放弃听证权利',
    ...seal,
    date: '二〇二六年三月十七日',
  },
  'hearing-record': {
    title: '听证笔录',
    time: '2026年3月27日9时30分至2026年3月27日11时00分',
    place: '听证地点：黔东南州生态环境局天柱分局三楼会议室',
    public: '听证方式：公开举行',
    presider: '听证主持人：吴秀英',
    recorder: '记录员：杨帆',
    attendees: '王律师（委托代理人）',
    investigators: `调查人员：${officers}`,
    rights: '申请回避、申辩和质证的权利',
    content: '调查人员张伟陈述了当事人未批先建的事实',
    checked: '核对无误',
    party: '当事人或者代理人（签名）',
    presiderSigns: '听证主持人（签名）',
    recorderSigns: '记录员（签名）',
  },
  'hearing-report': {
    title: '听证报告',
    requested: '当事人于2026年3月16日申请听证',
    held: '听证于2026年3月27日在黔东南州生态环境局天柱分局三楼会议室公开举行',
    presider: '由吴秀英主持',
    attended: '当事人到场参加了听证',
    facts: '当事人即于2025年11月擅自开工建设',
    proposal: `调查人员建议对当事人${fine}`,
    defence: '对调查人员出示的证据无异议',
    opinion: '建议维持拟处罚意见',
    signs: '听证主持人（签名）',
  },
  'legal-review-opinion': {
    title: '法制审核意见书',
    basis: '第五十八条',
    proposal: `拟对当事人${fine}`,
    hearing: '本案已于2026年3月27日举行听证。',
    subject: '执法主体是否合法',
    evidence: '证据是否合法、确实、充分',
    law: '适用法律、法规、规章是否准确',
    procedure: '执法程序是否合法',
    crime: '涉嫌犯罪',
    opinion: '裁量适当，文书规范',
    conclusion: '同意',
    signs: '审核人（签名）',
  },
  'collective-discussion-record': {
    title: '案件集体讨论笔录',
    time: '2026年4月1日15时00分',
    chair: '主持人：杨建国（局长）',
    participants: '龙光明（副局长）',
    basis: '第五十七条第二款',
    facts: '承办人汇报：当事人年处理5万吨',
    proposal: `拟对当事人${fine}`,
    hearing: '本案已于2026年3月27日举行听证',
    legalReview: '法制审核意见：事实清楚',
    discussion: '龙光明：同意，罚款金额适当',
    conclusion: '同意对当事人罚款人民币十万元',
    chairSigns: '主持人（签名）',
    present: '出席人员（签名）',
  },
  'penalty-decision': {
    number: sampleDecisionNumber,
    party: '当事人：贵州某某塑料再生有限公司',
    uscc: `统一社会信用代码：${sampleUscc}`,
    rep: '法定代表人：吴志刚',
    address: '地址：贵州省黔东南苗族侗族自治州天柱县',
    facts: '擅自开工建设',
    evidence: '1．《现场检查(勘察)笔录》',
    notice: `（${sampleNoticeNumber}）`,
    hearing: '我局于2026年3月27日依法举行了听证',
    breached: '违反了《中华人民共和国环境影响评价法》第二十五条',
    basis: '依据《中华人民共和国环境影响评价法》第三十一条第一款',
    penalty: fine,
    correction:
      '依据《中华人民共和国行政处罚法》第二十八条第一款和《中华人民共和国环境影响评价法》第三十一条第一款的规定，责令你单位立即停止建设。',
    payment: '自收到本决定书之日起十五日内',
    bank: '到指定的银行或者通过电子支付系统缴纳罚款',
    surcharge: '每日按罚款数额的百分之三加处罚款',
    where:
      '（开户银行：中国农业银行股份有限公司天柱县支行，户名：天柱县财政局非税收入汇缴结算户，账号：2345 0101 0400 1234 5）',
    ...remedies,
    noSuspension: '不停止执行',
    enforcement: '申请人民法院强制执行',
    ...seal,
    date: '二〇二六年四月一日',
  },
  'no-penalty-decision': {
    number: sampleNumbers['no-penalty-decision']!,
    party: '当事人：贵州某某塑料再生有限公司',
    address: '地址：贵州省黔东南苗族侗族自治州天柱县',
    facts: '擅自开工建设',
    evidence: '以上事实，有下列证据为证',
    reason: '属于初次违法且危害后果轻微并及时改正的情形',
    decision: '依据《中华人民共和国行政处罚法》第三十三条第一款的规定，我局决定对你单位不予行政处罚',
    correction: '责令你单位在取得环境影响报告表批复前不得恢复建设和生产',
    education: '第三十三条第三款的规定，我局对你单位进行教育',
    ...remedies,
    ...seal,
    date: '二〇二六年四月一日',
  },
  'on-spot-decision': {
    number: sampleNumbers['on-spot-decision']!,
    party: '当事人：贵州某某塑料再生有限公司',
    facts: '危险废物贮存场所未设置危险废物识别标志',
    breached: '违反了',
    basis: '《中华人民共和国行政处罚法》第五十一条、第五十二条',
    penalty: '警告；罚款人民币贰仟元整（¥2,000.00）',
    time: '违法时间：2026年3月2日10时00分',
    place: '违法地点：贵州某某塑料再生有限公司危险废物贮存间',
    ...remedies,
    certificates: '出示执法证件',
    officers,
    officersSign: '执法人员（签名）',
    handedOver: '当场交付当事人',
    refusal: '拒绝签收的',
    filed: '备案',
    ...seal,
  },
  'service-receipt': {
    title: '送 达 回 证',
    document: `《行政处罚决定书》（${sampleDecisionNumber}）`,
    addressee: '受送达人',
    place: '贵州某某塑料再生有限公司办公室',
    method: '直接送达',
    address: '住所：贵州省黔东南苗族侗族自治州天柱县邦洞街道工业园区3号',
    servers: '张伟（执法证号：贵环执字522627001）',
    serverSigns: '送达人（签名）',
    recipient: '吴志刚（法定代表人）',
    recipientSigns: '收件人（签名）',
    date: '2026年4月3日',
    capacity: '由其法定代表人或者负责收件的人签收',
    capacityArticle: '第八十八条',
    witness: '见证人',
    leftService: '第八十九条',
    // 民事诉讼法 art. 89: left at the residence AND the service recorded by photo or video — not either of them.
    refusal: '也可以把文书留在受送达人的住所，并采用拍照、录像等方式记录送达过程，即视为送达',
  },
  'closing-approval': {
    title: '结案审批表',
    decision: sampleDecisionNumber,
    penalty: '罚款人民币壹拾万元整',
    service: '于2026年4月3日以直接送达方式送达',
    payment1: '缴纳罚款人民币40,000.00元（缴款凭证号：5200002600012345）',
    payment2: '缴纳罚款人民币60,000.00元',
    paid: '罚款已全额缴纳',
    opinion: '处罚决定已执行完毕，建议结案',
    head: '负责人审批意见',
  },
  'correction-order': {
    number: sampleNumbers['correction-order']!,
    party: '当事人：贵州某某塑料再生有限公司',
    facts: '擅自开工建设',
    breached: '违反了《中华人民共和国环境影响评价法》第二十五条',
    basis: '《中华人民共和国行政处罚法》第二十八条第一款',
    content: '立即停止建设和生产',
    deadline: '改正期限：2026年4月13日前',
    recheck: '复查',
    daily: '按日连续处罚',
    ...remedies,
    ...seal,
    date: '二〇二六年四月二日',
  },
  'recheck-opinion': {
    title: '复查意见书',
    served: '我局于2026年4月3日向你单位送达',
    order: `（${sampleNumbers['correction-order']}）`,
    due: '于2026年4月13日前改正',
    time: '复查时间：2026年4月14日10时00分',
    officers,
    findings: '两条造粒生产线仍在生产',
    opinion: '建议依法按日连续处罚',
    signs: '复查人员（签名）',
    receipt: '当事人（签收）',
    ...seal,
  },
  'daily-penalty-decision': {
    number: sampleNumbers['daily-penalty-decision']!,
    party: '当事人：贵州某某塑料再生有限公司',
    original: `《行政处罚决定书》（${sampleDecisionNumber}）`,
    served: '于2026年4月3日收到我局《责令改正违法行为决定书》',
    order: `（${sampleNumbers['correction-order']}）`,
    recheck: '我局于2026年4月14日对你单位进行复查（暗查）',
    findings: '仍在生产',
    basis: '《中华人民共和国环境保护法》第五十九条第一款',
    from: '送达之日的次日（2026年4月4日）起',
    to: '（2026年4月14日）止',
    days: '共计11日',
    daily: '每日罚款人民币壹拾万元整（¥100,000.00）',
    total: '罚款人民币壹佰壹拾万元整（¥1,100,000.00）（11日×100,000.00元）',
    payment: '自收到本决定书之日起十五日内',
    ...remedies,
    ...seal,
    date: '二〇二六年四月十五日',
  },
  'restriction-decision': {
    title: '责令停产整治决定书',
    number: sampleNumbers['restriction-decision']!,
    party: '当事人：贵州某某塑料再生有限公司',
    facts: '擅自开工建设',
    evidence: '以上事实，有下列证据为证',
    basis: '《中华人民共和国环境保护法》第六十条',
    measure: '责令你单位停产整治，期限为三个月',
    requirements: '完善废气收集处理设施',
    closure: '责令停业、关闭',
    ...remedies,
    ...seal,
  },
  'seizure-approval': {
    title: '查封(扣押)审批表',
    reason: '造粒废气未经处理直接排放',
    plan: '1号造粒机1台',
    term: '三十日',
    basis: '《中华人民共和国环境保护法》第二十五条',
    procedure: '第十八条',
    officers,
    ...boxes,
  },
  'seizure-decision': {
    title: '查封决定书',
    number: sampleNumbers['seizure-decision']!,
    party: '当事人：贵州某某塑料再生有限公司',
    address: '地址：贵州省黔东南苗族侗族自治州天柱县',
    reason: '造粒废气未经处理直接排放，可能造成严重污染',
    basis: '《中华人民共和国环境保护法》第二十五条',
    coercionLaw: '《中华人民共和国行政强制法》第九条、第十八条、第二十四条',
    approved: '经本机关负责人批准',
    thing1: '1号造粒机',
    spec: 'SJ-150型',
    thing3: '配套引风机',
    quantity: '2台',
    place: '查封地点：贵州某某塑料再生有限公司造粒车间',
    term: '查封期限：自2026年3月3日起三十日',
    limit: '不得超过三十日',
    custody: '保管费用由我局承担',
    ...remedies,
    list: '附：查封、扣押清单',
    ...seal,
    date: '二〇二六年三月三日',
  },
  'seizure-list': {
    title: '查封、扣押清单',
    decision: `（《查封决定书》（${sampleNumbers['seizure-decision']}）附件）`,
    time: '实施时间：2026年3月3日15时00分',
    officers,
    thing: '2号造粒机',
    quantity: '1台',
    copies: '一式二份',
    partySigns: '当事人（签名）',
    officersSign: '执法人员（签名）',
    witness: '见证人（签名）',
  },
  'seizure-extension-notice': {
    number: sampleNumbers['seizure-extension-notice']!,
    implemented: '我局于2026年3月3日',
    decision: `《查封决定书》（${sampleNumbers['seizure-decision']}）`,
    thing: '配套引风机',
    reason: '废气监测报告尚未出具',
    approved: '经本机关负责人批准',
    extended: '延长至2026年5月2日',
    basis: '第二十五条第一款、第二款',
    limit: '延长期限不超过三十日',
    ...remedies,
    ...seal,
    date: '二〇二六年三月十八日',
  },
  'seizure-release': {
    number: sampleNumbers['seizure-release']!,
    decision: `（${sampleNumbers['seizure-decision']}）`,
    thing: '1号造粒机',
    reason: '违法行为已经消除',
    basis: '第二十八条',
    released: '自2026年3月20日起解除上述查封',
    returned: '立即退还有关财物',
    arrangement: '当场启封交还当事人',
    ...seal,
    date: '二〇二六年三月二十日',
  },
  'confiscation-record': {
    title: '罚没物品处理记录',
    basis: `处理依据：《行政处罚决定书》（${sampleDecisionNumber}）`,
    time: '处理时间：2026年6月10日9时00分',
    place: '天柱县固体废物处置中心',
    method: '交有资质单位无害化销毁',
    executors: officers,
    witnesses: '监督（见证）人员：龙光明（副局长）',
    thing: '违法生产的再生塑料颗粒',
    quantity: '3.5吨',
    law: '第七十四条',
    treasury: '上缴国库',
    signs: '执行人员（签名）',
    witnessSigns: '监督（见证）人员（签名）',
  },
  'detention-referral-approval': {
    title: '移送行政拘留案件审批表',
    persons: '吴志刚（法定代表人）',
    facts: '当事人即于2025年11月擅自开工建设',
    grounds: '第六十三条第一项',
    receiver: '天柱县公安局',
    officers,
    ...boxes,
  },
  'referral-letter': {
    number: sampleNumbers['referral-letter']!,
    receiver: '天柱县公安局：',
    party: `统一社会信用代码：${sampleUscc}`,
    facts: '当事人即于2025年11月擅自开工建设',
    reason: '被责令停止建设后拒不执行',
    basis: '《中华人民共和国环境保护法》第六十三条',
    rules: '《行政主管部门移送适用行政拘留环境违法案件暂行办法》',
    persons: '（吴志刚（法定代表人））',
    materials: '移送材料清单',
    result: '处理结果书面告知我局',
    ...seal,
    date: '二〇二六年四月十六日',
  },
  'referral-materials': {
    title: '移送材料清单',
    receiver: '接收机关：天柱县公安局',
    material: '行政处罚案件调查报告',
    copies: '复印件',
    sender: '移送人（签名）',
    recipient: '接收人（签名）',
  },
  'transfer-letter': {
    number: sampleNumbers['transfer-letter']!,
    receiver: '黔东南州生态环境局镇远分局：',
    filedOn: '我局于2026年3月3日',
    reason: '实际建设地点位于镇远县境内',
    basis: '第二十二条',
    transfer: '移送你单位依法处理',
    ...seal,
  },
  'deferral-notice': {
    title: '同意分期缴纳罚款通知书',
    number: sampleNumbers['deferral-notice']!,
    decision: `（${sampleDecisionNumber}）`,
    penalty: fine,
    applied: '你单位于2026年4月8日',
    reason: '资金周转困难',
    basis: '第六十六条第二款',
    plan: '第一期：2026年4月20日前缴纳人民币40,000.00元',
    late: '第七十二条',
    ...seal,
    date: '二〇二六年四月九日',
  },
  reminder: {
    number: sampleNumbers.reminder!,
    decision: `《行政处罚决定书》（${sampleDecisionNumber}）`,
    served: '已于2026年4月3日送达你单位',
    paid: '至今仅缴纳罚款人民币40,000.00元',
    unpaid: '尚欠罚款人民币陆万元整（¥60,000.00）',
    surcharge: '加处罚款人民币叁仟元整（¥3,000.00）',
    total: '合计人民币陆万叁仟元整（¥63,000.00）',
    period: '履行期限：自收到本催告书之日起十日内',
    method: '履行方式：持本催告书到指定的银行或者通过电子支付系统缴纳',
    amount: '三、金额：人民币陆万叁仟元整',
    rights: '你单位有权进行陈述和申辩',
    basis: '第三十五条',
    hearing: '第三十六条',
    court: '向人民法院申请强制执行',
    ...seal,
    date: '二〇二六年四月二十四日',
  },
  'enforcement-application': {
    number: sampleNumbers['enforcement-application']!,
    applicant: `申请人：${bureau}`,
    head: '负责人：杨建国（局长）',
    respondent: '被申请人：贵州某某塑料再生有限公司',
    uscc: `统一社会信用代码：${sampleUscc}`,
    claim: '强制被申请人缴纳罚款人民币陆万元整（¥60,000.00）',
    total: '合计人民币陆万叁仟元整（¥63,000.00）',
    decision: `于2026年4月2日作出《行政处罚决定书》（${sampleDecisionNumber}）`,
    facts: '擅自开工建设',
    breached: '违反了《中华人民共和国环境影响评价法》第二十五条',
    basis: '依据《中华人民共和国环境影响评价法》第三十一条第一款',
    served: '已于2026年4月3日送达被申请人',
    noReview: '未申请行政复议，也未提起行政诉讼',
    reminder: `我局于2026年4月27日向被申请人送达《催告书》（${sampleNumbers.reminder}）`,
    opinion: '被申请人的意见：被申请人收到催告书后未提出陈述、申辩意见',
    subject: '申请强制执行标的情况：罚款及加处罚款',
    court: '天柱县人民法院',
    law: '第五十五条',
    headSigns: '负责人（签名）',
    ...seal,
    date: '二〇二六年五月十八日',
  },
  'dossier-cover': {
    bureau,
    title: '行政处罚案卷',
    volume: '（正卷）',
    caseTitle: '贵州某某塑料再生有限公司建设项目环境影响报告书（表）未经批准擅自开工建设（未批先建）案',
    caseNumber: '黔东南环天立字〔2026〕12号',
    outcome: '罚款人民币壹拾万元整',
    filedOn: '2026年3月3日',
    closedOn: '2026年6月19日',
    // From the binding (state.dossier), as the bound cover prints them: 32 items, 37 numbered pages.
    extent: '共32件37页',
    retention: '保管期限\n30年',
    preparer: '立 卷 人\n李娜',
    checker: '吴秀英',
  },
  'dossier-catalog': {
    title: '卷内目录',
    caseNumber: '黔东南环天立字〔2026〕12号',
    columns: '责任者',
    pageColumn: '页号',
    decision: sampleDecisionNumber,
    decisionTitle: '行政处罚决定书',
    receipt: '送达回证（行政处罚决定书）',
    first: '立案审批表',
    note: '页号在案卷装订编页后填写',
  },
  'dossier-remarks': {
    title: '备 考 表',
    approval: '2026年3月3日，杨建国：同意立案。',
    track: '按日连续处罚：2026年4月2日启动，2026年4月27日办结。',
    count: '本卷共有文件材料32件（其中照片、影像资料2件），共37页。',
    preparer: '立卷人：李娜',
    checker: '检查人：吴秀英',
  },
};

describe('what the law requires of each document', () => {
  it('has a check for every template', () => {
    expect(Object.keys(required).sort()).toEqual(manifest.map((t) => t.id).sort());
  });

  it.each(Object.entries(required))('%s', (id, elements) => {
    const text = textOf(id);
    for (const [what, s] of Object.entries(elements)) expect(text, `${id}: ${what}`).toContain(s);
  });
});

describe('paragraphs that apply only sometimes', () => {
  it('a decision after no hearing says the party neither defended nor asked for one', () => {
    const s = sampleCaseStateOn('2026-04-01');
    s.noticedFine = 250_000; // above the hearing threshold: the notice told of the right to a hearing
    s.decision = { kind: 'penalty', fine: 250_000, warning: false, approvedOn: '2026-04-02' };
    s.steps = s.steps.filter(
      (x) => !['requestHearing', 'notifyHearing', 'recordHearing', 'finishHearing'].includes(x.action),
    );
    const text = textOf('penalty-decision', {}, s);
    expect(text).toContain('你单位在规定期限内未提出陈述、申辩意见，也未要求听证。');
    expect(text).not.toContain('举行了听证');
  });

  it('a warning alone: no fine, no payment paragraph', () => {
    const s = sampleCaseStateOn('2026-04-01');
    s.decision = { kind: 'penalty', fine: 0, warning: true, approvedOn: '2026-04-02' };
    const text = textOf('penalty-decision', {}, s);
    expect(text).toContain('我局决定对你单位作出如下行政处罚：\n警告。');
    expect(text).not.toContain('缴纳罚款');
    expect(text).toContain('本决定书自送达之日起生效。');
  });

  it('a hearing held in private says so and why', () => {
    const text = textOf('hearing-notice', {
      ...sampleInputs['hearing-notice'],
      hearingPrivateReason: '涉及当事人的商业秘密',
    });
    expect(text).toContain('四、听证方式：因涉及当事人的商业秘密，依法不公开举行。');
    expect(text).not.toContain('听证方式：公开举行');
  });

  it('an order to correct warns of the daily penalty only while that track runs', () => {
    expect(textOf('correction-order')).toContain('按照原处罚数额按日连续处罚');
    const s = sampleCaseStateOn('2026-04-02');
    s.tracks = s.tracks.filter((t) => t.procedure.id !== 'dailyPenalty');
    expect(textOf('correction-order', undefined, s)).not.toContain('按日连续处罚');
  });

  it('a referral of a suspected crime cites the referral rules for crimes, not detention', () => {
    const s = sampleCaseStateOn('2026-04-16');
    s.steps = s.steps.map((x) =>
      x.action === 'submitReferral'
        ? { ...x, data: { ...x.data, kind: '涉嫌犯罪', receiver: '天柱县公安局', reason: '涉嫌污染环境罪' } }
        : x,
    );
    const text = textOf('referral-letter', undefined, s);
    expect(text).toContain(
      '当事人的上述行为涉嫌犯罪。涉嫌污染环境罪。依据《中华人民共和国行政处罚法》第二十七条和《行政执法机关移送涉嫌犯罪案件的规定》',
    );
    expect(text).not.toContain('行政拘留');
  });

  it('a photo record of a case without photos says so', () => {
    const s = sampleCaseStateOn('2026-03-06');
    s.evidence = [];
    expect(textOf('photo-evidence', undefined, s)).toContain('（本案尚未登记照片、影像资料。）');
  });

  it('an on-the-spot warning alone has no payment paragraph', () => {
    const text = textOf('on-spot-decision', {
      ...sampleInputs['on-spot-decision'],
      onSpotWarning: '是',
      onSpotFine: '0',
    });
    expect(text).toContain('当场作出如下行政处罚：\n警告。');
    expect(text).not.toContain('缴纳罚款');
  });
});

describe('figures the documents compute', () => {
  it('按日连续处罚: the days run from the day after the order was served to the re-check, times the original fine', () => {
    const s = sampleCaseStateOn('2026-04-15');
    s.steps = s.steps.map((x) => {
      if (x.action === 'serveCorrectionOrder')
        return { ...x, on: '2026-05-06', data: { ...x.data, servedOn: '2026-05-06' } };
      if (x.action === 'recordRecheck') return { ...x, on: '2026-05-20', data: { ...x.data, recheckOn: '2026-05-20' } };
      return x;
    });
    const text = textOf('daily-penalty-decision', {}, s);
    expect(text).toContain('送达之日的次日（2026年5月7日）起');
    expect(text).toContain('共计14日');
    expect(text).toContain('罚款人民币壹佰肆拾万元整（¥1,400,000.00）（14日×100,000.00元）');
  });

  it('催告书: the fine still owed after payments, plus the surcharge typed from the case page', () => {
    const text = textOf('reminder', { surchargeAmount: '1,234.5' });
    expect(text).toContain('加处罚款人民币壹仟贰佰叁拾肆元伍角（¥1,234.50）');
    expect(text).toContain('合计人民币陆万壹仟贰佰叁拾肆元伍角（¥61,234.50）');
  });

  it('lists several seized things typed on one line, each with its count', () => {
    const text = textOf('seizure-list', {
      ...sampleInputs['seizure-list'],
      seizureItems: '1号造粒机1台、配套引风机2台；废塑料原料3.5吨',
    });
    expect(text).toContain('1\n1号造粒机\n\n1台');
    expect(text).toContain('2\n配套引风机\n\n2台');
    expect(text).toContain('3\n废塑料原料\n\n3.5吨');
  });

  it('lists the case’s own documents as the materials handed over when none were typed or recorded', () => {
    const s = sampleCaseStateOn('2026-04-16');
    s.steps = s.steps.filter((x) => x.action !== 'sendReferral');
    const text = textOf('referral-materials', {}, s);
    expect(text).toContain('《立案审批表》');
    expect(text).toContain(`《行政处罚决定书》（${sampleDecisionNumber}）`);
    expect(text).toContain('现场照片、影像资料\n2');
  });
});

/** "legal defects found in the documents": each defect has its check here. */
describe('legal defects found in the documents', () => {
  const above = (day: string, fine = 250_000): CaseState => {
    const s = sampleCaseStateOn(day);
    s.noticedFine = fine;
    s.report = { ...s.report!, proposedFine: fine };
    s.decision = day >= '2026-04-01' ? { kind: 'penalty', fine, warning: false, approvedOn: '2026-04-02' } : null;
    return s;
  };
  const generate = (id: string, bureau: Record<string, string>, state: CaseState, fields = sampleInputs[id] ?? {}) => {
    const t = findTemplate(manifest, id);
    const data = buildTemplateData({
      state,
      bureau: { ...sampleBureau, ...bureau },
      number: null,
      fields,
      today: '2026-04-01',
    });
    return () => requireBureauSettings(t, docxText(readFileSync(join(templatesDir(), t.file))), data);
  };

  it('告知书: 陈述申辩 rests on arts. 44–45, the hearing request on art. 64(1) (and 85); art. 64 is never cited for the defence', () => {
    const told = textOf('penalty-notice', {}, above('2026-03-10'));
    expect(told).toContain(
      '你单位如需进行陈述、申辩，可以在收到本告知书之日起五个工作日内向我局提出（《中华人民共和国行政处罚法》第四十四条、第四十五条）',
    );
    expect(told).toContain(
      '根据《中华人民共和国行政处罚法》第六十三条的规定，你单位有权要求举行听证。你单位如要求听证，应当在收到本告知书之日起五个工作日内向我局提出（《中华人民共和国行政处罚法》第六十四条第一项、第八十五条）',
    );
    expect(told).not.toMatch(/陈述、申辩[^。]*第六十四条/u);
    // Not above the threshold: no hearing right, and no article on hearings at all.
    const notTold = textOf('penalty-notice');
    expect(notTold).not.toContain('听证');
    expect(notTold).not.toContain('第六十四条');
  });

  it('告知书: gives the address and the telephone for a statement, defence or hearing request, from 本局设置', () => {
    expect(textOf('penalty-notice', {}, above('2026-03-10'))).toContain(
      '陈述、申辩或者听证申请可以书面或者口头提出。我局地址：贵州省黔东南苗族侗族自治州天柱县凤城街道环城北路18号；联系电话：0855-7521234；联系人：张伟、李娜。',
    );
    const e = thrownAppError(
      generate('penalty-notice', { officeAddress: '', officePhone: '' }, sampleCaseStateOn('2026-03-10')),
    );
    expect(e.code).toBe('SETTINGS_REQUIRED');
    expect(e.message).toBe(
      '生成行政处罚事先告知书前，请局负责人在“本局设置”的“本局文书信息”中填写：本局地址（接收陈述申辩、听证申请）、本局联系电话',
    );
  });

  it('决定书: names where and how to pay — the bank account, or the 非税收入 payment code — and refuses while neither is set', () => {
    const day = sampleCaseStateOn('2026-04-01');
    expect(textOf('penalty-decision', {}, day)).toContain(
      '持本决定书到指定的银行或者通过电子支付系统缴纳罚款（开户银行：中国农业银行股份有限公司天柱县支行，户名：天柱县财政局非税收入汇缴结算户，账号：2345 0101 0400 1234 5）。',
    );
    const code = buildTemplateData({
      state: day,
      bureau: {
        ...sampleBureau,
        paymentBank: '',
        paymentAccountName: '',
        paymentAccountNo: '',
        nonTaxPaymentCode: '5226270000123',
      },
      number: null,
      fields: {},
      today: '2026-04-01',
    });
    expect(code.paymentWhere).toBe('通过非税收入电子缴款系统缴纳，缴款码：5226270000123');
    const none = { paymentBank: '', paymentAccountName: '', paymentAccountNo: '', nonTaxPaymentCode: '' };
    expect(thrownAppError(generate('penalty-decision', none, day)).message).toContain(
      '罚款缴纳方式（开户银行、户名和账号，或者非税收入缴款码）',
    );
    // A warning alone owes nothing: no place to pay is needed.
    const warning = sampleCaseStateOn('2026-04-01');
    warning.decision = { kind: 'penalty', fine: 0, warning: true, approvedOn: '2026-04-02' };
    expect(generate('penalty-decision', none, warning)).not.toThrow();
  });

  it('决定书: names the court for 行政诉讼 from 本局设置, and is not generated without it', () => {
    const day = sampleCaseStateOn('2026-04-01');
    expect(textOf('penalty-decision', {}, day)).toContain(
      '也可以自收到本决定书之日起六个月内依法向天柱县人民法院提起行政诉讼。',
    );
    for (const id of ['penalty-decision', 'no-penalty-decision', 'on-spot-decision']) {
      const e = thrownAppError(generate(id, { litigationCourt: '' }, day));
      expect(e.code, id).toBe('SETTINGS_REQUIRED');
      expect(e.message, id).toContain('行政诉讼管辖法院');
    }
  });

  it('决定书: where the penalty clause orders correction, the decision orders it (处罚法 art. 28(1)) or refers to the separate order', () => {
    // Before the order to correct exists: the decision orders what the clause orders (责令停止建设).
    expect(textOf('penalty-decision', {}, sampleCaseStateOn('2026-04-01'))).toContain(
      '罚款人民币壹拾万元整（¥100,000.00）。\n依据《中华人民共和国行政处罚法》第二十八条第一款和《中华人民共和国环境影响评价法》第三十一条第一款的规定，责令你单位立即停止建设。',
    );
    expect(
      textOf(
        'penalty-decision',
        { decisionCorrection: '立即停止建设，依法报批环境影响报告表' },
        sampleCaseStateOn('2026-04-01'),
      ),
    ).toContain('责令你单位立即停止建设，依法报批环境影响报告表。');
    // With a 责令改正违法行为决定书 on file: the decision refers to it.
    expect(textOf('penalty-decision', {}, sampleCaseStateOn('2026-04-02'))).toContain(
      `我局已另行作出《责令改正违法行为决定书》（${sampleNumbers['correction-order']}），责令你单位改正上述违法行为（《中华人民共和国行政处罚法》第二十八条第一款）`,
    );
    // A clause that orders no correction: no such paragraph.
    const s = sampleCaseStateOn('2026-04-01');
    s.violation = { ...s.violation, penaltyText: '处一万元以上十万元以下的罚款' };
    expect(textOf('penalty-decision', {}, s)).not.toContain('第二十八条');
  });

  it("送达回证: states the recipient with his capacity (民事诉讼法 art. 88) and the party's address; refuses a capacity that does not fit", () => {
    const text = textOf('service-receipt');
    expect(text).toContain('收件人及身份\n吴志刚（法定代表人）');
    expect(text).toContain(
      '受送达人\n贵州某某塑料再生有限公司\n住所：贵州省黔东南苗族侗族自治州天柱县邦洞街道工业园区3号',
    );
    const build = (fields: Record<string, string>) => () =>
      buildTemplateData({ state: sampleCaseState(), bureau: sampleBureau, number: null, fields, today: '2026-04-03' });
    expect(thrownAppError(build({ recipient: '王建华', recipientCapacity: '法定代表人' })).message).toContain(
      '收件人“王建华”不是当事人的法定代表人（吴志刚）',
    );
    expect(thrownAppError(build({ recipient: '王建华', recipientCapacity: '同住成年家属' })).message).toContain(
      '收件人身份（法人或者其他组织，《中华人民共和国民事诉讼法》第八十八条）应填写“法定代表人”或“主要负责人”或“负责收件的人”',
    );
    expect(build({ recipient: '王建华', recipientCapacity: '负责收件的人' })).not.toThrow();
  });

  it('送达回证: the refusal note quotes art. 89 — left at the residence with a witness, or left there AND the service recorded', () => {
    const text = textOf('service-receipt');
    expect(text).toContain(
      '在本回证上记明拒收事由和日期，由送达人、见证人签名或者盖章，把文书留在受送达人的住所；也可以把文书留在受送达人的住所，并采用拍照、录像等方式记录送达过程，即视为送达（《中华人民共和国民事诉讼法》第八十九条）',
    );
    expect(text).not.toContain('或者采用拍照、录像等方式记录送达过程');
  });

  it("the party's documents state the discretion reasons in legal language; the weighted formula stays in the 副卷", () => {
    const explanation =
      '依据《中华人民共和国环境影响评价法》第三十一条第一款，法定罚款幅度为建设项目总投资额1%至5%，本案总投资5,000,000，即50,000至250,000。' +
      '根据生态环境行政处罚裁量基准（2023版），综合考虑：主观过错为“过失，因疏忽或不了解规定”，危害后果为“未造成明显环境污染或生态破坏”；' +
      '加权裁量分值为0.4，按“加权分值×法定最高额”计算为100,000，拟处罚款100,000。';
    const s = sampleCaseStateOn('2026-04-01');
    s.report = {
      ...s.report!,
      reasoning: `当事人违法建设时间约四个月，案发后积极配合调查并停止建设。\n${explanation}`,
      discretion: {
        benchmarkVersion: '2023',
        violationId: 'eia-unapproved-construction',
        levels: {},
        base: 5_000_000,
        aggravated: false,
        fine: 100_000,
        explanation,
      },
    };
    for (const id of ['penalty-notice', 'penalty-decision']) {
      const text = textOf(id, {}, s);
      expect(text, id).toContain(
        '当事人违法建设时间约四个月，案发后积极配合调查并停止建设；综合考虑主观过错（过失，因疏忽或不了解规定）、危害后果（未造成明显环境污染或生态破坏）等裁量情节，依照生态环境行政处罚裁量基准，在法定罚款幅度内确定罚款数额，',
      );
      for (const formula of ['加权', '分值', '×', '%']) expect(text, `${id}: ${formula}`).not.toContain(formula);
    }
    // The 副卷's 案件处理内部审批表 keeps the calculation for the heads.
    expect(textOf('internal-approval', {}, s)).toContain('加权裁量分值为0.4，按“加权分值×法定最高额”计算为100,000');
  });

  it("卷宗封面 and 备考表 print the binding's 件数, 页数, 保管期限 and 立卷人, and are not made before a binding", () => {
    const cover = textOf('dossier-cover');
    expect(cover).toContain('本卷件数、页数\n共32件37页');
    const side = textOf('dossier-cover', { dossierVolume: '副卷', dossierChecker: '吴秀英' });
    expect(side).toContain('共4件10页');
    const unbound = sampleCaseState();
    unbound.dossier = null;
    for (const id of ['dossier-cover', 'dossier-remarks']) {
      const e = thrownAppError(() => requireDossier(findTemplate(manifest, id), unbound, sampleInputs[id] ?? {}));
      expect(e.message, id).toContain('请先选择保管期限并组卷');
    }
  });
});
