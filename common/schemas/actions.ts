/**
 * The data each procedure action form collects (the `form` named in the procedure definition).
 * Shared by the UI, which builds its dialogs from them (`.describe()` gives each field's Chinese
 * label), and the core, which validates with them.
 */
import { z } from 'zod';
import { isoDate, retentionPeriod, yuan } from './primitives.js';
import { isDocumentType } from '../documentTypes.js';
import { servedDocumentType } from '../documentTypeNames.js';

const text = (label: string, max = 5000) => z.string().max(max).default('').describe(label);
const required = (label: string, max = 2000) => z.string().trim().min(1, `请填写${label}`).max(max).describe(label);
const date = (label: string) => isoDate.describe(label);
const flag = (label: string) => z.boolean().default(false).describe(label);

/** 送达方式 (处罚法 art. 61; 民事诉讼法 arts. 87–95). */
export const serviceMethods = [
  '直接送达',
  '留置送达',
  '邮寄送达',
  '委托送达',
  '公告送达',
  '电子送达',
  '当场交付',
] as const;

/** What the 调查报告 keeps of a discretion calculation (the benchmark version makes it reproducible). */
export const discretionRecord = z
  .object({
    benchmarkVersion: z.string(),
    violationId: z.string(),
    levels: z.record(z.string(), z.string()),
    base: z.number().nullable(),
    aggravated: z.boolean(),
    fine: z.number(),
    explanation: z.string().max(5000),
  })
  .describe('裁量计算');

const serviceFields = {
  servedOn: date('送达日期'),
  method: z.enum(serviceMethods).describe('送达方式'),
  recipient: required('受送达人', 100),
  consent: flag('当事人已书面同意电子送达'),
  reasonForPublicNotice: text('公告送达的原因', 1000),
};

/**
 * The document served, chosen from the case's documents: its type id (common/documentTypes.ts). A
 * name typed the older way (行政处罚决定书) is still understood; the core records the id.
 */
const servedDocument = required('送达文书', 100).refine(
  (v) => isDocumentType(servedDocumentType(v)),
  '请从本案的文书中选择送达的文书',
);

export const actionForms = {
  approval: z.object({ comment: z.string().max(1000).default('').describe('审批意见') }),
  /** 不予立案, 中止, 恢复, 撤销立案, 终结: a head's decision that must say why. */
  reasoned: z.object({ reason: required('理由') }),
  report: z.object({
    facts: z.string().min(1, '请填写违法事实').max(5000).describe('违法事实'),
    proposedFine: yuan.positive('拟罚款金额应大于零').describe('拟罚款金额（元）'),
    investment: yuan.nullable().default(null).describe('建设项目总投资额（元）'),
    reasoning: z.string().max(5000).default('').describe('裁量理由'),
    /** 重大执法决定 (法制审核, art. 58) and 情节复杂 (集体讨论, art. 57(2)). */
    major: flag('重大执法决定（须法制审核）'),
    complex: flag('情节复杂或重大违法（须集体讨论）'),
    /** The 裁量计算 the fine came from, when the officer used it: kept so documents can print it. */
    discretion: discretionRecord.nullable().default(null),
  }),
  defence: z.object({
    on: isoDate.describe('日期'),
    text: z.string().max(5000).default('').describe('陈述申辩内容'),
    newFacts: z.boolean().default(false).describe('提出了新的事实、理由或证据'),
    waived: z.boolean().default(false).describe('书面放弃陈述申辩和听证'),
  }),
  /** 复核: the party's new facts were examined; the fine may fall, never rise (art. 45). */
  reReview: z.object({
    conclusion: required('复核意见'),
    adopted: flag('采纳当事人意见'),
    proposedFine: yuan.positive('拟罚款金额应大于零').describe('复核后拟罚款金额（元）'),
  }),
  payment: z.object({
    amount: yuan.positive('缴款金额应大于零').describe('缴款金额（元）'),
    paidOn: isoDate.describe('缴款日期'),
    receiptNo: z.string().min(1, '请填写缴款凭证号').max(100).describe('缴款凭证号'),
  }),
  hearingRequest: z.object({
    requestedOn: date('申请日期'),
    requestedBy: required('申请人', 100),
    how: z.enum(['书面', '口头']).describe('申请方式'),
  }),
  hearingNotice: z.object({
    notifiedOn: date('通知日期'),
    hearingOn: date('听证日期'),
    place: required('听证地点', 200),
    presider: required('听证主持人（非本案调查人员）', 50),
    publicHearing: z.boolean().default(true).describe('公开举行'),
  }),
  hearingRecord: z.object({
    heldOn: date('举行日期'),
    partyAttended: z.boolean().default(true).describe('当事人到场'),
    summary: required('听证情况摘要', 5000),
  }),
  hearingReport: z.object({
    opinion: required('听证主持人意见', 5000),
    proposedFine: yuan.positive('拟罚款金额应大于零').describe('听证后拟罚款金额（元）'),
  }),
  legalReview: z.object({
    opinion: required('法制审核意见', 5000),
    passed: z.boolean().default(true).describe('审核通过'),
  }),
  collective: z.object({
    heldOn: date('讨论日期'),
    participants: required('参加人员', 500),
    conclusion: required('讨论结论', 5000),
  }),
  noPenalty: z.object({
    ground: z
      .enum([
        '违法行为轻微并及时改正，没有造成危害后果',
        '初次违法且危害后果轻微并及时改正',
        '当事人有证据足以证明没有主观过错',
        '违法事实不能成立',
        '超过追责期限',
      ])
      .describe('不予处罚的理由'),
    explanation: text('说明'),
  }),
  transfer: z.object({ receiver: required('移送机关', 100), reason: required('移送理由') }),
  extension: z.object({ newDueOn: date('延长至'), reason: required('延长理由') }),
  service: z.object({ servedDocument, ...serviceFields }),
  deferral: z.object({
    newDueOn: date('缴纳期限延至'),
    instalments: z.number().int().min(1).max(12).default(1).describe('分期数（1为延期）'),
    reason: required('申请理由'),
  }),
  reminder: z.object({ servedOn: date('催告书送达日期'), method: z.enum(serviceMethods).describe('送达方式') }),
  enforcement: z.object({ appliedOn: date('申请日期'), court: required('人民法院', 100) }),
  courtResult: z.object({
    result: required('执行结果', 2000),
    executedAmount: yuan.default(0).describe('执行到位金额（元）'),
  }),
  archive: z.object({
    archivedOn: date('归档日期'),
    retention: retentionPeriod.describe('保管期限'),
    volumes: z.number().int().min(1).max(20).default(1).describe('卷数'),
  }),
  /** 当场处罚 (简易程序, arts. 51–52). */
  summaryDecision: z.object({
    facts: required('违法事实', 2000),
    warning: flag('警告'),
    fine: yuan.default(0).describe('罚款（元）'),
    rightsExplained: z
      .literal(true, { error: '须当场告知当事人陈述、申辩权利并听取意见' })
      .describe('已告知陈述、申辩权并听取意见'),
    servedOn: date('当场交付日期'),
  }),
  emergency: z.object({
    implementedOn: date('当场实施日期'),
    reason: required('情况紧急的理由'),
    items: required('查封、扣押的场所、设施或者财物', 5000),
  }),
  seizureImplement: z.object({
    implementedOn: date('实施日期'),
    place: required('实施地点', 200),
    items: required('查封、扣押清单', 5000),
    partyPresent: z.boolean().default(true).describe('当事人到场'),
    witness: text('见证人', 100),
  }),
  release: z.object({
    releasedOn: date('解除日期'),
    reason: z
      .enum([
        '违法行为已经消除',
        '查封、扣押的设施设备已不再需要',
        '查封、扣押期限已经届满',
        '其他不再需要查封、扣押的情形',
      ])
      .describe('解除理由'),
  }),
  disposal: z.object({ decidedOn: date('处理决定日期'), disposal: required('处理决定（没收、销毁等）', 2000) }),
  // The document these serve is the procedure's word (the action's `serves`), not a field of the form.
  correctionService: z.object({
    ...serviceFields,
    correctBy: date('改正期限'),
  }),
  recheck: z.object({
    recheckOn: date('复查日期'),
    corrected: flag('已改正'),
    covert: flag('暗查'),
    findings: required('复查情况', 5000),
  }),
  /** 按日连续处罚 under the 生态环境法典 (art. 1060): the days run from the day after the order, so its date is asked. */
  dailyOrderService: z.object({
    orderedOn: date('责令改正决定日期'),
    ...serviceFields,
    correctBy: date('改正期限'),
  }),
  /** …and refusing or obstructing the re-check also leads to the daily penalty. */
  dailyRecheck: z.object({
    recheckOn: date('复查日期'),
    corrected: flag('已改正'),
    obstructed: flag('当事人拒绝、阻挠复查'),
    covert: flag('暗查'),
    findings: required('复查情况', 5000),
  }),
  /** 按日连续处罚: days and amount are computed by the core from the service and re-check dates. */
  dailyDecision: z.object({ originalFine: yuan.positive('原处罚数额应大于零').describe('原处罚数额（元/日）') }),
  restrictionService: z.object({
    ...serviceFields,
    kind: z.enum(['限制生产', '停产整治']).describe('措施'),
    months: z.number().int().min(1).max(3).default(3).describe('期限（月）'),
  }),
  referral: z.object({
    kind: z.enum(['行政拘留', '涉嫌犯罪', '其他机关']).describe('移送类型'),
    receiver: required('接收机关', 100),
    reason: required('移送理由', 5000),
  }),
  referralSent: z.object({ sentOn: date('移送日期'), materials: required('移送材料清单', 5000) }),
  referralReceipt: z.object({ receivedOn: date('回执日期'), result: required('接收机关处理情况', 2000) }),
  preservationImplement: z.object({ implementedOn: date('登记保存日期'), items: required('登记保存的证据', 5000) }),
  preservationDecision: z.object({
    decidedOn: date('处理决定日期'),
    outcome: z.enum(['解除先行登记保存', '移送有关机关', '予以没收', '采取查封扣押等措施']).describe('处理决定'),
  }),
} as const;

export type ActionFormName = keyof typeof actionForms;
export const noForm = z.object({}).passthrough();

/** Date fields that lie ahead by nature; every other `…On` date may not be in the future or before 立案. */
export const futureDateFields: ReadonlySet<string> = new Set(['hearingOn', 'newDueOn', 'correctBy']);
