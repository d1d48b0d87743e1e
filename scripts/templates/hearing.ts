/**
 * The hearing (处罚法 arts. 63–65): the notice of its time and place seven days ahead, with the
 * presider (not an investigator) and the party's rights; the record, checked and signed by the
 * party; the presider's report, on which the decision is then made (art. 65).
 */
import {
  body,
  heading,
  labelled,
  labelledLines,
  letterHead,
  recordHead,
  recordStyle,
  sealBlock,
  section,
  signatureLine,
  signatureLines,
} from './blocks.js';
import { c, docNumber, entry, i, order, type CatalogEntry } from './fields.js';
import { para, size } from './ooxml.js';

const small = recordStyle;

export function hearingNotice(): string[] {
  return [
    ...letterHead('行政处罚听证通知书'),
    body(
      '你单位于{hearingRequestedOn}对我局《行政处罚事先告知书》{noticeRef}提出听证申请。根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，我局决定举行听证，现将有关事项通知如下：',
    ),
    body('一、听证时间：{hearingTime}。'),
    body('二、听证地点：{hearingPlace}。'),
    body('三、听证主持人：{hearingPresider}（非本案调查人员）；记录员：{hearingClerk}。'),
    body(
      '四、听证方式：{^hearingPrivateReason}公开举行。{/hearingPrivateReason}{#hearingPrivateReason}因{hearingPrivateReason}，依法不公开举行。{/hearingPrivateReason}',
    ),
    body(
      '五、你单位享有以下权利：认为主持人、记录员与本案有直接利害关系的，有权申请回避；可以亲自参加听证，也可以委托一至二人代理；在听证中可以进行申辩和质证。听证不收取费用。',
    ),
    body(
      '请你单位法定代表人或者委托代理人持本通知书和身份证明（委托代理的，还应当提交载明委托事项和权限的授权委托书）按时参加听证。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，我局将终止听证（《中华人民共和国行政处罚法》第六十四条第六项）。',
    ),
    body('联系人：{officerNames}'),
    ...sealBlock(),
  ];
}

export function hearingRecord(): string[] {
  return [
    ...recordHead('听证笔录'),
    ...labelledLines(small, [
      ['案由', '{violationName}'],
      ['听证时间', '{hearingStart}{#hearingEnd}至{hearingEnd}{/hearingEnd}'],
    ]),
    labelled(
      [
        ['听证地点', '{scheduledHearingPlace}'],
        ['听证方式', '{hearingPublicText}'],
      ],
      small,
    ),
    labelled(
      [
        ['听证主持人', '{scheduledPresider}'],
        ['记录员', '{hearingRecorder}'],
      ],
      small,
    ),
    labelled(
      [
        ['当事人', '{partyName}'],
        ['法定代表人', '{partyLegalRep}'],
      ],
      small,
    ),
    ...labelledLines(small, [
      ['当事人出席人员及委托代理人', '{hearingAttendees}'],
      ['调查人员', '{officersWithCerts}'],
    ]),
    body(
      '主持人宣布听证开始，核对出席人员身份，宣布听证纪律，告知当事人有申请回避、申辩和质证的权利，并询问当事人是否申请回避。调查人员提出当事人违法的事实、证据和行政处罚建议，当事人进行申辩和质证（《中华人民共和国行政处罚法》第六十四条第七项）。',
      small,
    ),
    body('听证记录：', { ...small, bold: true }),
    body('{hearingContent}', small),
    body(
      '以上笔录已交当事人或者其代理人核对无误。拒绝签字或者盖章的，由听证主持人在笔录中注明（《中华人民共和国行政处罚法》第六十四条第八项）。',
      small,
    ),
    ...signatureLines(small, '当事人或者代理人', '调查人员', '听证主持人', '记录员'),
  ];
}

export function hearingReport(): string[] {
  return [
    ...heading('听证报告'),
    para('案件编号：{caseNumber}', { align: 'right', sz: size.小四, line: 24 }),
    section('一、听证基本情况'),
    body(
      '{partyName}涉嫌{violationName}一案，当事人于{hearingRequestedOn}申请听证。听证于{hearingHeldOn}在{scheduledHearingPlace}{hearingPublicText}，由{scheduledPresider}主持，调查人员{officerNames}出席，{hearingAttendanceText}。',
    ),
    section('二、调查人员提出的违法事实和处罚建议'),
    body('{factsThirdPerson}'),
    body('依据{penaltyArticle}，调查人员建议对当事人罚款人民币{fineWords}（¥{fineFigures}）。'),
    section('三、当事人的申辩和质证意见'),
    body('{hearingSummary}'),
    section('四、听证主持人的意见和建议'),
    body('{hearingFindings}'),
    signatureLine('听证主持人'),
  ];
}

export const hearingEntries: CatalogEntry[] = [
  entry(
    {
      id: 'hearing-notice',
      name: '行政处罚听证通知书',
      volume: '正卷',
      order: order['hearing-notice'],
      numberPattern: '{abbr}听通字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      fields: [
        docNumber,
        c('partyName', '当事人名称'),
        c('hearingRequestedOn', '听证申请日期'),
        c('noticeRef', '事先告知书文号'),
        c('officerNames', '联系人'),
        // A hearing lies ahead: typed as text, since date fields may not be later than today.
        i('hearingTime', '听证时间（如：2026年3月19日9时30分）', 'text'),
        i('hearingPlace', '听证地点', 'text'),
        i('hearingPresider', '听证主持人（非本案调查人员）', 'text'),
        i('hearingClerk', '记录员', 'text'),
        i(
          'hearingPrivateReason',
          '不公开举行的理由（涉及国家秘密、商业秘密或者个人隐私；公开举行的不填）',
          'text',
          false,
        ),
      ],
    },
    'dash',
    hearingNotice,
  ),
  entry(
    {
      id: 'hearing-record',
      name: '听证笔录',
      volume: '正卷',
      order: order['hearing-record'],
      numberPattern: null,
      signer: '当事人或代理人、调查人员、主持人、记录员',
      fields: [
        c('violationName', '案由'),
        c('partyName', '当事人名称'),
        c('partyLegalRep', '法定代表人'),
        c('scheduledHearingPlace', '听证地点'),
        c('scheduledPresider', '听证主持人'),
        c('hearingPublicText', '听证方式'),
        c('officersWithCerts', '调查人员'),
        i('hearingStart', '听证开始时间', 'datetime'),
        i('hearingEnd', '听证结束时间', 'datetime', false),
        i('hearingRecorder', '记录员', 'text'),
        i('hearingAttendees', '当事人出席人员及委托代理人', 'text'),
        i('hearingContent', '听证记录', 'multiline'),
      ],
    },
    'pageOfPages',
    hearingRecord,
  ),
  entry(
    {
      id: 'hearing-report',
      name: '听证报告',
      volume: '副卷',
      order: order['hearing-report'],
      numberPattern: null,
      signer: '听证主持人',
      fields: [
        c('caseNumber', '案件编号'),
        c('partyName', '当事人名称'),
        c('violationName', '案由'),
        c('hearingRequestedOn', '听证申请日期'),
        c('hearingHeldOn', '听证日期'),
        c('scheduledHearingPlace', '听证地点'),
        c('scheduledPresider', '听证主持人'),
        c('hearingAttendanceText', '当事人到场情况'),
        c('factsThirdPerson', '违法事实'),
        c('penaltyArticle', '处罚依据'),
        c('fineWords', '拟罚款金额（大写）'),
        c('fineFigures', '拟罚款金额（小写）'),
        c('hearingSummary', '听证情况摘要'),
        i('hearingFindings', '听证主持人的意见和建议', 'multiline'),
      ],
    },
    'pageOfPages',
    hearingReport,
  ),
];
