/**
 * Execution of a fine:
 * - 同意分期(延期)缴纳罚款通知书 (处罚法 art. 66(2): on the party's application, for real hardship);
 * - 催告书 (强制法 art. 35: the period, the manner, the amount and how to pay it, the right to state
 *   and defend; art. 36 hears it; art. 54: ten days after service before applying to the court);
 * - 强制执行申请书 (强制法 art. 55: the decision and its facts, reasons and basis, the party's
 *   opinion and the reminder, the subject of enforcement; signed by the head, sealed and dated).
 */
import { body, heading, letterHead, numberLine, sealBlock, section, signatureLine } from './blocks.js';
import { c, docNumber, entry, fine, i, order, party, violation, type CatalogEntry } from './fields.js';
import { para } from './ooxml.js';

export function deferralNotice(): string[] {
  return [
    ...letterHead('同意{deferralKind}缴纳罚款通知书'),
    body(
      '我局于{decisionApprovedOn}作出《行政处罚决定书》{decisionRef}，决定对你单位罚款人民币{fineWords}（¥{fineFigures}）。你单位于{deferralAppliedOn}以{deferralReason}为由，申请{deferralKind}缴纳罚款。',
    ),
    body(
      '经审查，依据《中华人民共和国行政处罚法》第六十六条第二款的规定，我局同意你单位{deferralKind}缴纳罚款，期限和数额如下：',
    ),
    body('{deferralPlan}'),
    body(
      '你单位应当按照上述期限，持本通知书到指定的银行或者通过电子支付系统缴纳罚款。逾期不缴纳的，我局将依法每日按罚款数额的百分之三加处罚款，并依法申请人民法院强制执行（《中华人民共和国行政处罚法》第七十二条）。',
    ),
    ...sealBlock(),
  ];
}

export function reminder(): string[] {
  return [
    ...letterHead('催告书'),
    body(
      '我局于{decisionApprovedOn}对你单位作出《行政处罚决定书》{decisionRef}，决定对你单位罚款人民币{fineWords}（¥{fineFigures}），该决定书已于{decisionServedOn}送达你单位。你单位在法定期限内未申请行政复议或者提起行政诉讼，{paidSoFarText}。',
    ),
    body(
      '截至{docDate}，你单位尚欠罚款人民币{unpaidWords}（¥{unpaidFigures}），依据《中华人民共和国行政处罚法》第七十二条第一款第一项和《中华人民共和国行政强制法》第四十五条的规定加处罚款人民币{surchargeWords}（¥{surchargeAmount}），合计人民币{totalDueWords}（¥{totalDueFigures}）。',
    ),
    body('依据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告你单位履行上述义务：'),
    body('一、履行期限：自收到本催告书之日起十日内。'),
    body('二、履行方式：持本催告书到指定的银行或者通过电子支付系统缴纳上述款项。'),
    body(
      '三、金额：人民币{totalDueWords}（¥{totalDueFigures}），其中罚款{unpaidFigures}元，加处罚款{surchargeAmount}元；加处罚款的数额不超出罚款的数额。',
    ),
    body(
      '四、你单位有权进行陈述和申辩。如有意见，请于收到本催告书之日起十日内向我局提出；我局将充分听取，对你单位提出的事实、理由和证据进行记录、复核，成立的予以采纳（《中华人民共和国行政强制法》第三十六条）。',
    ),
    body('本催告书送达十日后你单位仍未履行义务的，我局将依法向人民法院申请强制执行。'),
    body('联系人：{officerNames}'),
    ...sealBlock(),
  ];
}

export function enforcementApplication(): string[] {
  return [
    ...heading('强制执行申请书'),
    numberLine(),
    para('申请人：{bureauName}', { align: 'left' }),
    para('地址：{bureauAddress}', { align: 'left' }),
    para('负责人：{bureauHead}', { align: 'left' }),
    para('被申请人：{partyName}', { align: 'left' }),
    para('统一社会信用代码：{partyUscc}', { align: 'left' }),
    para('法定代表人：{partyLegalRep}', { align: 'left' }),
    para('地址：{partyAddress}', { align: 'left' }),
    section('申请事项'),
    body(
      '请求依法强制执行我局《行政处罚决定书》{decisionRef}，强制被申请人缴纳罚款人民币{unpaidWords}（¥{unpaidFigures}）及加处罚款人民币{surchargeWords}（¥{surchargeAmount}），合计人民币{totalDueWords}（¥{totalDueFigures}）。',
    ),
    section('事实和理由'),
    body(
      '我局于{filedOn}对被申请人涉嫌{violationName}一案立案调查。经查，{factsThirdPerson}被申请人的上述行为违反了{breachedArticles}的规定。我局依据{penaltyArticle}的规定，于{decisionApprovedOn}作出《行政处罚决定书》{decisionRef}，决定对被申请人罚款人民币{fineWords}（¥{fineFigures}），该决定书已于{decisionServedOn}送达被申请人。',
    ),
    body(
      '被申请人在法定期限内未申请行政复议，也未提起行政诉讼，又不履行行政处罚决定。我局于{reminderServedOn}向被申请人送达《催告书》{reminderRef}；催告书送达十日后，被申请人仍未履行义务。被申请人的意见：{partyOpinion}',
    ),
    body(
      '依据《中华人民共和国行政处罚法》第七十二条第一款第四项和《中华人民共和国行政强制法》第五十三条、第五十四条、第五十五条的规定，特申请强制执行。',
    ),
    body('此致'),
    para('{enforcementCourt}', { align: 'left' }),
    body(
      '附：1．《行政处罚决定书》及其送达回证；2．作出决定的事实、理由和依据（案件调查报告及主要证据）；3．当事人的意见和《催告书》及其送达回证；4．申请强制执行标的情况：{enforcementSubject}。',
    ),
    signatureLine('负责人'),
    ...sealBlock(),
  ];
}

const decisionCase = [c('decisionApprovedOn', '决定日期'), c('decisionRef', '处罚决定书文号'), ...fine];
const surcharge = i('surchargeAmount', '加处罚款金额（元，按案件页面“加处罚款”填写；无则填0）', 'text');

export const executionEntries: CatalogEntry[] = [
  entry(
    {
      id: 'deferral-notice',
      name: '同意分期(延期)缴纳罚款通知书',
      volume: '正卷',
      order: order['deferral-notice'],
      numberPattern: '{abbr}缓缴字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      fields: [
        docNumber,
        c('partyName', '当事人名称'),
        ...decisionCase,
        i('deferralKind', '方式（填“延期”或“分期”）', 'text'),
        i('deferralAppliedOn', '当事人申请日期', 'date'),
        i('deferralReason', '申请理由', 'text'),
        i('deferralPlan', '缴纳期限和数额（分期的每期一行）', 'multiline'),
      ],
    },
    'dash',
    deferralNotice,
  ),
  entry(
    {
      id: 'reminder',
      name: '催告书',
      volume: '正卷',
      order: order.reminder,
      numberPattern: '{abbr}催字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      fields: [
        docNumber,
        c('partyName', '当事人名称'),
        ...decisionCase,
        c('decisionServedOn', '决定书送达日期'),
        c('paidSoFarText', '已缴纳情况'),
        c('unpaidWords', '尚欠罚款（大写）'),
        c('unpaidFigures', '尚欠罚款（小写）'),
        c('officerNames', '联系人'),
        surcharge,
      ],
    },
    'dash',
    reminder,
  ),
  entry(
    {
      id: 'enforcement-application',
      name: '强制执行申请书',
      volume: '正卷',
      order: order['enforcement-application'],
      numberPattern: '{abbr}强执申字〔{year}〕{seq}号',
      signer: '行政机关负责人（签名）、行政机关（印章）',
      fields: [
        docNumber,
        ...party,
        ...violation,
        c('filedOn', '立案日期'),
        c('factsThirdPerson', '违法事实'),
        ...decisionCase,
        c('decisionServedOn', '决定书送达日期'),
        c('unpaidWords', '尚欠罚款（大写）'),
        c('unpaidFigures', '尚欠罚款（小写）'),
        c('reminderServedOn', '催告书送达日期'),
        c('reminderRef', '催告书文号'),
        i('enforcementCourt', '申请的人民法院', 'text'),
        i('bureauAddress', '申请人地址', 'text'),
        i('bureauHead', '申请人负责人（姓名、职务）', 'text'),
        surcharge,
        i('partyOpinion', '当事人的意见（未提出的写“未提出陈述、申辩意见”）', 'multiline'),
        i('enforcementSubject', '申请强制执行标的情况', 'text'),
      ],
    },
    'dash',
    enforcementApplication,
  ),
];
