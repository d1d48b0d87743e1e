/**
 * What a clerk would type into each template's form for the sample case (fixtures.ts), and the
 * day each document is made on the case's timeline.
 */
import type { BureauInfo } from '#common/bureauInfo.js';
import type { DocumentType } from '#common/documentTypes.js';

/**
 * The sample bureau's 本局文书信息 (本局设置): sample values (the account is not a real one). Kept here, not in
 * seed/, because the documents' sample case needs them and the demo bureau (seed/demo.ts) takes them from here.
 */
export const sampleBureauInfo: BureauInfo = {
  officeAddress: '贵州省黔东南苗族侗族自治州天柱县凤城街道环城北路18号',
  officePhone: '0855-7521234',
  litigationCourt: '天柱县人民法院',
  paymentBank: '中国农业银行股份有限公司天柱县支行',
  paymentAccountName: '天柱县财政局非税收入汇缴结算户',
  paymentAccountNo: '2345 0101 0400 1234 5',
  nonTaxPaymentCode: '',
};

export const sampleInputs: Record<string, Record<string, string>> = {
  'filing-approval': {},
  'inspection-record': {
    inspectionTime: '2026-03-02 09:30',
    inspectionEnd: '2026-03-02 11:10',
    inspectionPlace: '贵州某某塑料再生有限公司生产厂区',
    onSitePerson: '吴志刚（法定代表人）',
    inspectionFindings:
      '检查时该公司两条废塑料造粒生产线正在试生产，配套建有生产厂房约2400平方米、原料堆场一处。现场负责人称该项目于2025年11月开工建设，环境影响报告表已委托编制，尚未报批。执法人员对现场进行了拍照取证。',
  },
  'interview-record': {
    interviewTime: '2026-03-04 14:00',
    interviewEnd: '2026-03-04 15:05',
    interviewPlace: '黔东南州生态环境局天柱分局询问室',
    interviewee: '吴志刚',
    intervieweeTitle: '法定代表人',
    intervieweeIdNo: '',
    interviewContent:
      '问：你公司年处理5万吨废塑料再生造粒项目是否办理了环境影响评价审批手续？\n答：环评报告表已委托编制，还没有报批。\n问：项目什么时候开工建设的？总投资多少？\n答：2025年11月开工，总投资500万元。',
  },
  'sampling-record': {
    samplingTime: '2026-03-06 10:00',
    samplingPlace: '贵州某某塑料再生有限公司造粒车间及厂区雨水排放口',
    onSitePerson: '吴志刚（法定代表人）',
    samples:
      'TZ-2026-031-01｜造粒废气｜1号造粒机排气筒｜3个｜非甲烷总烃\nTZ-2026-031-02｜雨水排放口废水｜厂区雨水排放口｜2瓶｜化学需氧量、悬浮物',
    samplingMethod: '按HJ 38、HJ 91.1采样，样品加贴封条，冷藏送黔东南州生态环境监测站',
  },
  'photo-evidence': {
    photoPlace: '贵州某某塑料再生有限公司生产厂区',
    photoPurpose: '证明当事人建设项目未经环评审批已建成两条造粒生产线并投入试生产。',
  },
  'preservation-notice': {
    preservedItems: '原料采购合同｜2025年10月至2026年2月｜12份｜复印件\n生产台账｜2025年版｜1册｜',
    preservationPlace: '就地封存于该公司办公室文件柜，加贴封条',
  },
  'preservation-release-notice': { returnArrangement: '已登记保存的合同、台账原件于解除之日当场退还当事人。' },
  'investigation-report': {
    reportFacts:
      '当事人年处理5万吨废塑料再生造粒建设项目总投资500万元，环境影响报告表未报经审批，于2025年11月擅自开工建设，至2026年3月2日已建成两条造粒生产线并投入试生产。',
    reportProposal:
      '建议依据《中华人民共和国环境影响评价法》第三十一条第一款，责令当事人停止建设，并处建设项目总投资额百分之二即人民币十万元的罚款。',
    reportReasoning: '当事人违法建设时间约四个月，案发后积极配合调查，按裁量基准从轻档次裁量。',
  },
  'internal-approval': {},
  'withdrawal-approval': {
    withdrawalReason: '经进一步调查，当事人提供的材料证明项目环境影响报告表已于开工前取得审批，违法事实不能成立。',
  },
  'penalty-notice': {},
  'hearing-notice': {
    hearingTime: '2026年3月27日上午9时30分',
    hearingPlace: '黔东南州生态环境局天柱分局三楼会议室',
    hearingPresider: '吴秀英（法规科科长）',
    hearingClerk: '杨帆',
    hearingPrivateReason: '',
  },
  'hearing-record': {
    hearingStart: '2026-03-27 09:30',
    hearingEnd: '2026-03-27 11:00',
    hearingRecorder: '杨帆',
    hearingAttendees: '吴志刚（法定代表人）、王律师（委托代理人）',
    hearingContent:
      '调查人员张伟陈述了当事人未批先建的事实、证据和拟罚款十万元的处罚建议。\n当事人委托代理人称：项目已停止建设，请求从轻处罚。\n调查人员：当事人停止建设发生在立案之后，已在裁量时考虑。',
  },
  'hearing-report': {
    hearingFindings: '事实清楚，证据确凿，程序合法，拟处罚金额已考虑当事人停止建设的情节，建议维持拟处罚意见。',
  },
  'legal-review-opinion': {
    legalReviewOpinion: '执法主体合法，事实清楚，证据确凿，适用法律正确，程序合法，裁量适当，文书规范。',
    legalReviewConclusion: '同意',
  },
  'collective-discussion-record': {
    discussionTime: '2026-04-01 15:00',
    discussionPlace: '天柱分局会议室',
    discussionChair: '杨建国（局长）',
    discussionRecorder: '李娜',
    discussionParticipants: '杨建国（局长）、龙光明（副局长）、吴秀英（法规科科长）',
    discussionContent: '杨建国：同意承办人意见。\n龙光明：同意，罚款金额适当。',
    discussionConclusion: '同意对当事人罚款人民币十万元。',
  },
  'penalty-decision': {},
  'no-penalty-decision': {
    noPenaltyReason:
      '鉴于你单位初次违法，危害后果轻微，并已于2026年3月5日停止建设、主动报批环境影响报告表，属于初次违法且危害后果轻微并及时改正的情形。',
    noPenaltyBasis: '《中华人民共和国行政处罚法》第三十三条第一款',
    correctionText: '在取得环境影响报告表批复前不得恢复建设和生产',
  },
  'transfer-letter': {
    transferReceiver: '黔东南州生态环境局镇远分局',
    transferReason: '该项目实际建设地点位于镇远县境内，依法应由违法行为发生地的生态环境主管部门管辖。',
  },
  'service-receipt': {
    servedDocument: '行政处罚决定书',
    servedOn: '2026-04-03',
    serviceMethod: '直接送达',
    serviceAddress: '贵州某某塑料再生有限公司办公室',
    recipient: '吴志刚',
    recipientCapacity: '法定代表人',
  },
  'deferral-notice': {
    deferralKind: '分期',
    deferralAppliedOn: '2026-04-08',
    deferralReason: '资金周转困难',
    deferralPlan: '第一期：2026年4月20日前缴纳人民币40,000.00元；\n第二期：2026年5月20日前缴纳人民币60,000.00元。',
  },
  reminder: { surchargeAmount: '3000' },
  'enforcement-application': {
    enforcementCourt: '天柱县人民法院',
    bureauAddress: '贵州省黔东南州天柱县凤城街道',
    bureauHead: '杨建国（局长）',
    surchargeAmount: '3000',
    partyOpinion: '被申请人收到催告书后未提出陈述、申辩意见。',
    enforcementSubject: '罚款及加处罚款共计人民币63,000.00元，被申请人在天柱县农村信用合作联社开立的基本存款账户',
  },
  'closing-approval': {
    closingOpinion:
      '当事人已于2026年4月10日缴纳罚款4万元，余款6万元经人民法院强制执行到位，处罚决定已执行完毕，建议结案。',
  },
  'on-spot-decision': {
    onSpotTime: '2026-03-02 10:00',
    onSpotPlace: '贵州某某塑料再生有限公司危险废物贮存间',
    onSpotFacts: '危险废物贮存场所未设置危险废物识别标志。',
    onSpotWarning: '是',
    onSpotFine: '2000',
  },
  'correction-order': {
    correctionContent: '立即停止建设和生产，依法报批建设项目环境影响报告表，未经批准不得恢复建设和生产。',
    correctionDeadline: '2026年4月13日前',
  },
  'recheck-opinion': {
    recheckTime: '2026-04-14 10:00',
    recheckContent: '执法人员暗查发现两条造粒生产线仍在生产，未停止建设和生产。',
    recheckConclusion: '当事人未按期改正违法行为，拒不改正，建议依法按日连续处罚并移送公安机关。',
  },
  'daily-penalty-decision': {},
  'restriction-decision': {
    restrictionMeasure: '停产整治',
    restrictionPeriod: '三个月',
    restrictionRequirements: '停止造粒生产线生产；完善废气收集处理设施；依法报批环境影响报告表。',
  },
  'seizure-approval': {
    seizureReason: '当事人未批先建项目已投入试生产，造粒废气未经处理直接排放，可能造成严重污染。',
    seizurePlan: '1号造粒机1台、2号造粒机1台、配套引风机2台',
    seizureTerm: '三十日',
  },
  'seizure-decision': {
    seizureMeasure: '查封',
    seizureReason: '你单位未批先建项目已投入试生产，造粒废气未经处理直接排放，可能造成严重污染。',
    seizureItems: '1号造粒机｜SJ-150型｜1台｜\n2号造粒机｜SJ-150型｜1台｜\n配套引风机｜Y5-47型｜2台｜加贴封条',
    seizurePlace: '贵州某某塑料再生有限公司造粒车间',
    seizureTerm: '自2026年3月3日起三十日',
  },
  'seizure-list': {
    seizureItems: '1号造粒机｜SJ-150型｜1台｜\n2号造粒机｜SJ-150型｜1台｜\n配套引风机｜Y5-47型｜2台｜加贴封条',
    seizureTime: '2026-03-03 15:00',
    seizurePlace: '贵州某某塑料再生有限公司造粒车间',
  },
  'seizure-extension-notice': { extensionReason: '废气监测报告尚未出具，案件事实有待查清', extendedTo: '2026年5月2日' },
  'seizure-release': {
    releaseReason: '违法行为已经消除，查封的设施设备已不再需要查封',
    returnArrangement: '查封的设施设备于解除之日当场启封交还当事人。',
  },
  'confiscation-record': {
    disposalBasis: '《行政处罚决定书》（黔东南环天罚字〔2026〕5号）',
    disposalTime: '2026-06-10 09:00',
    disposalPlace: '天柱县固体废物处置中心',
    disposalMethod: '交有资质单位无害化销毁',
    disposalWitnesses: '龙光明（副局长）',
    disposedItems: '违法生产的再生塑料颗粒｜—｜3.5吨｜',
    disposalNote: '',
  },
  'detention-referral-approval': {
    responsiblePersons: '吴志刚（法定代表人）',
    referralGrounds:
      '当事人建设项目未依法进行环境影响评价，被责令停止建设后拒不执行，属于《中华人民共和国环境保护法》第六十三条第一项规定的情形。',
    detentionGround: '未批先建拒不停止建设',
    referralTo: '天柱县公安局',
  },
  'referral-letter': { responsiblePersons: '吴志刚（法定代表人）' },
  'referral-materials': {},
  'dossier-cover': { dossierVolume: '正卷', dossierChecker: '吴秀英' },
  'dossier-catalog': {},
  'dossier-remarks': { dossierChecker: '吴秀英', remarksNote: '' },
} satisfies Partial<Record<DocumentType, Record<string, string>>>;

/** The day each document is made on the sample case's timeline (see fixtureSteps.ts). */
export const sampleDates: Record<string, string> = {
  'filing-approval': '2026-03-03',
  'inspection-record': '2026-03-03',
  'interview-record': '2026-03-04',
  'sampling-record': '2026-03-06',
  'photo-evidence': '2026-03-06',
  'preservation-notice': '2026-03-03',
  'preservation-release-notice': '2026-03-09',
  'seizure-approval': '2026-03-03',
  'seizure-decision': '2026-03-03',
  'seizure-list': '2026-03-03',
  'seizure-extension-notice': '2026-03-18',
  'seizure-release': '2026-03-20',
  'investigation-report': '2026-03-09',
  'internal-approval': '2026-03-10',
  'withdrawal-approval': '2026-03-10',
  'penalty-notice': '2026-03-10',
  'hearing-notice': '2026-03-17',
  'hearing-record': '2026-03-27',
  'hearing-report': '2026-03-30',
  'legal-review-opinion': '2026-03-31',
  'collective-discussion-record': '2026-04-01',
  'penalty-decision': '2026-04-01',
  'no-penalty-decision': '2026-04-01',
  'transfer-letter': '2026-04-01',
  'correction-order': '2026-04-02',
  'restriction-decision': '2026-04-02',
  'service-receipt': '2026-04-03',
  'deferral-notice': '2026-04-09',
  'recheck-opinion': '2026-04-14',
  'daily-penalty-decision': '2026-04-15',
  'detention-referral-approval': '2026-04-15',
  'referral-letter': '2026-04-16',
  'referral-materials': '2026-04-16',
  reminder: '2026-04-24',
  'enforcement-application': '2026-05-18',
  'confiscation-record': '2026-06-10',
  'on-spot-decision': '2026-03-02',
  'closing-approval': '2026-06-18',
  'dossier-cover': '2026-06-19',
  'dossier-catalog': '2026-06-19',
  'dossier-remarks': '2026-06-19',
} satisfies Partial<Record<DocumentType, string>>;
