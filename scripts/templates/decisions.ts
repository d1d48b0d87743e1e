/**
 * The notice before a decision and the decisions themselves:
 * - 行政处罚事先告知书 (处罚法 arts. 44, 45, 63, 64, 85);
 * - 行政处罚决定书 (art. 59: party, facts and evidence, kind and basis, how and by when to comply,
 *   review and litigation routes and limits, authority and date, seal);
 * - 不予行政处罚决定书 (arts. 33, 57(1)(2)(3): the grounds and their basis, the education of the
 *   party, review and litigation routes);
 * - 当场行政处罚决定书 (arts. 51–52: numbered, the violation, kind and basis, amount, time and place,
 *   review and litigation routes and limits, the authority, the officers' names and signatures).
 */
import {
  body,
  decisionHead,
  heading,
  labelledLines,
  letterHead,
  numberLine,
  optionalBody,
  partyRecordLines,
  payment,
  remedies,
  sealBlock,
  section,
  signatureLine,
  tagLine,
} from './blocks.js';
import {
  c,
  court,
  docNumber,
  entry,
  fine,
  i,
  order,
  party,
  paymentWhere,
  violation,
  type CatalogEntry,
} from './fields.js';
import { para, size } from './ooxml.js';

const evidence = (): string[] => [
  body('以上事实，有下列证据为证：'),
  tagLine('{#evidenceList}'),
  body('{seq}．{text}'),
  tagLine('{/evidenceList}'),
];

export function penaltyNotice(): string[] {
  return [
    ...letterHead('行政处罚事先告知书'),
    body('我局于{filedOn}对你单位涉嫌{violationName}一案立案调查。经查，你单位存在以下环境违法行为：'),
    body('{facts}'),
    ...evidence(),
    ...optionalBody('legalBasisStatement'),
    body(
      '你单位的上述行为违反了{breachedArticles}的规定。依据{penaltyArticle}关于“{penaltyText}”的规定，{reasoning}我局拟对你单位作出如下行政处罚：',
    ),
    body('罚款人民币{fineWords}（¥{fineFigures}）。'),
    body(
      '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位享有陈述、申辩的权利。我局将对你单位提出的事实、理由和证据进行复核；你单位提出的事实、理由或者证据成立的，我局将予以采纳，不会因你单位陈述、申辩而给予更重的处罚。',
    ),
    tagLine('{#hearingRight}'),
    body(
      '根据《中华人民共和国行政处罚法》第六十三条的规定，你单位有权要求举行听证。你单位如要求听证，应当在收到本告知书之日起五个工作日内向我局提出（《中华人民共和国行政处罚法》第六十四条第一项、第八十五条）；逾期未提出的，视为放弃听证的权利。',
    ),
    tagLine('{/hearingRight}'),
    body(
      '你单位如需进行陈述、申辩，可以在收到本告知书之日起五个工作日内向我局提出（《中华人民共和国行政处罚法》第四十四条、第四十五条）；逾期未提出的，视为放弃陈述、申辩的权利。',
    ),
    body(
      '陈述、申辩{#hearingRight}或者听证申请{/hearingRight}可以书面或者口头提出。我局地址：{officeAddress}；联系电话：{officePhone}；联系人：{officerNames}。',
    ),
    ...sealBlock(),
  ];
}

export function penaltyDecision(): string[] {
  return [
    ...decisionHead('行政处罚决定书'),
    body('我局于{filedOn}对你单位涉嫌{violationName}一案立案调查，现已调查终结。'),
    section('一、环境违法事实和证据'),
    body('{facts}'),
    ...evidence(),
    body('{noticeHistory}'),
    section('二、行政处罚的依据和种类'),
    ...optionalBody('legalBasisStatement'),
    body(
      '你单位的上述行为违反了{breachedArticles}的规定。依据{penaltyArticle}关于“{penaltyText}”的规定，{reasoning}我局决定对你单位作出如下行政处罚：',
    ),
    body('{#warning}警告{#hasFine}；{/hasFine}{/warning}{#hasFine}罚款人民币{fineWords}（¥{fineFigures}）{/hasFine}。'),
    ...optionalBody('correctionParagraph'),
    section('三、行政处罚决定的履行方式和期限'),
    tagLine('{#hasFine}'),
    payment('决定书', '罚款'),
    tagLine('{/hasFine}'),
    tagLine('{^hasFine}'),
    body('本决定书自送达之日起生效。'),
    tagLine('{/hasFine}'),
    section('四、申请行政复议或者提起行政诉讼的途径和期限'),
    body(
      '你单位如不服本处罚决定，可以自收到本决定书之日起六十日内向{reviewOrgan}申请行政复议，也可以自收到本决定书之日起六个月内依法向{litigationCourt}提起行政诉讼。根据《中华人民共和国行政处罚法》第七十三条的规定，申请行政复议或者提起行政诉讼期间，本处罚决定不停止执行，法律另有规定的除外。',
    ),
    body('你单位逾期不申请行政复议，不提起行政诉讼，又不履行本处罚决定的，我局将依法申请人民法院强制执行。'),
    ...sealBlock(),
  ];
}

export function noPenaltyDecision(): string[] {
  return [
    ...decisionHead('不予行政处罚决定书'),
    body('我局于{filedOn}对你单位涉嫌{violationName}一案立案调查，现已调查终结。'),
    section('一、调查认定的事实和证据'),
    body('{facts}'),
    ...evidence(),
    section('二、不予行政处罚的理由和依据'),
    body('你单位的上述行为涉嫌违反{breachedArticles}的规定。{noPenaltyReason}'),
    body('依据{noPenaltyBasis}的规定，我局决定对你单位不予行政处罚。'),
    tagLine('{#correctionText}'),
    body('依据《中华人民共和国行政处罚法》第二十八条第一款的规定，责令你单位{correctionText}。'),
    tagLine('{/correctionText}'),
    body(
      '根据《中华人民共和国行政处罚法》第三十三条第三款的规定，我局对你单位进行教育：你单位应当严格遵守生态环境保护法律、法规，依法履行污染防治责任，杜绝类似违法行为再次发生。',
    ),
    section('三、申请行政复议或者提起行政诉讼的途径和期限'),
    remedies('决定', '决定书'),
    ...sealBlock(),
  ];
}

export function onSpotDecision(): string[] {
  const small = { sz: size.四号, line: 26 };
  return [
    ...heading('当场行政处罚决定书'),
    numberLine(),
    ...partyRecordLines(small),
    ...labelledLines(small, [
      ['违法时间', '{onSpotTime}'],
      ['违法地点', '{onSpotPlace}'],
    ]),
    body('执法人员{officersWithCerts}已向当事人出示执法证件。经查，你单位存在以下违法行为：{onSpotFacts}', small),
    body(
      '你单位的上述行为违反了{breachedArticles}的规定。执法人员已当场告知你单位拟作出行政处罚的内容及事实、理由、依据，并听取了你单位的陈述、申辩。依据{penaltyArticle}和《中华人民共和国行政处罚法》第五十一条、第五十二条的规定，当场作出如下行政处罚：',
      small,
    ),
    body(
      '{#onSpotWarning}警告{#onSpotHasFine}；{/onSpotHasFine}{/onSpotWarning}{#onSpotHasFine}罚款人民币{onSpotFineWords}（¥{onSpotFine}）{/onSpotHasFine}。',
      { ...small, bold: true },
    ),
    tagLine('{#onSpotHasFine}'),
    body(
      '你单位应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款（{paymentWhere}；《中华人民共和国行政处罚法》第六十七条第三款）。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额（第七十二条第一款第一项）。',
      small,
    ),
    tagLine('{/onSpotHasFine}'),
    body(
      '你单位如不服本决定，可以自收到本决定书之日起六十日内向{reviewOrgan}申请行政复议，也可以自收到本决定书之日起六个月内依法向{litigationCourt}提起行政诉讼。',
      small,
    ),
    body(
      '本决定书当场交付当事人；当事人拒绝签收的，由执法人员在本决定书上注明。本决定报{bureauName}备案（《中华人民共和国行政处罚法》第五十二条第三款）。',
      small,
    ),
    signatureLine('执法人员', small),
    signatureLine('当事人', small, '签收'),
    para(''),
    para('{bureauName}', { align: 'right' }),
    para('（印章）', { align: 'right' }),
    para('{docDateCn}', { align: 'right' }),
  ];
}

const decisionFields = [docNumber, ...party, c('facts', '违法事实'), c('evidenceList', '证据')];
/** From 本局设置 (common/bureauInfo.ts): generation is refused while the bureau has not set them. */
const office = [c('officeAddress', '本局地址（本局设置）'), c('officePhone', '本局联系电话（本局设置）')];

export const decisionEntries: CatalogEntry[] = [
  entry(
    {
      id: 'penalty-notice',
      name: '行政处罚事先告知书',
      volume: '正卷',
      order: order['penalty-notice'],
      numberPattern: '{abbr}罚告字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      version: '2026.2',
      fields: [
        docNumber,
        c('partyName', '当事人名称'),
        c('facts', '违法事实'),
        c('evidenceList', '证据'),
        ...violation,
        c('penaltyText', '罚则'),
        c('reasoning', '裁量理由'),
        ...fine,
        c('hearingRight', '是否告知听证权利'),
        ...office,
        c('legalBasisStatement', '法律适用（违法行为发生时与作出决定时的规定比较，从旧兼从轻）'),
      ],
    },
    'dash',
    penaltyNotice,
  ),
  entry(
    {
      id: 'penalty-decision',
      name: '行政处罚决定书',
      volume: '正卷',
      order: order['penalty-decision'],
      numberPattern: '{abbr}罚字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      version: '2026.3',
      fields: [
        ...decisionFields,
        c('noticeHistory', '告知、陈述申辩及听证情况'),
        ...violation,
        c('penaltyText', '罚则'),
        c('reasoning', '裁量理由'),
        ...fine,
        c('reviewOrgan', '行政复议机关'),
        c('correctionParagraph', '责令改正（行政处罚法第二十八条第一款）'),
        court,
        paymentWhere,
        c('legalBasisStatement', '法律适用（违法行为发生时与作出决定时的规定比较，从旧兼从轻）'),
        i('defenceReview', '对陈述申辩意见的复核意见', 'multiline', false),
        i(
          'decisionCorrection',
          '责令改正的内容（如：立即停止建设；不填则按罚则写明，已另行制作责令改正违法行为决定书的按该决定书）',
          'text',
          false,
        ),
      ],
    },
    'dash',
    penaltyDecision,
  ),
  entry(
    {
      id: 'no-penalty-decision',
      name: '不予行政处罚决定书',
      volume: '正卷',
      order: order['no-penalty-decision'],
      numberPattern: '{abbr}不罚字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      version: '2026.2',
      fields: [
        ...decisionFields,
        c('breachedArticles', '违反的法律条款'),
        c('reviewOrgan', '行政复议机关'),
        court,
        i('noPenaltyReason', '不予处罚的理由（如：违法行为轻微并及时改正，没有造成危害后果）', 'multiline'),
        i('noPenaltyBasis', '不予处罚的法律依据（如：《中华人民共和国行政处罚法》第三十三条第一款）', 'text'),
        i('correctionText', '责令改正的内容（无需责令改正的不填）', 'text', false),
      ],
    },
    'dash',
    noPenaltyDecision,
  ),
  entry(
    {
      id: 'on-spot-decision',
      name: '当场行政处罚决定书',
      volume: '正卷',
      order: order['on-spot-decision'],
      numberPattern: '{abbr}当罚字〔{year}〕{seq}号',
      signer: '执法人员（签名）、当事人（签收）、行政机关（印章）',
      version: '2026.2',
      fields: [
        docNumber,
        ...party,
        ...violation.slice(1),
        c('officersWithCerts', '执法人员及执法证号'),
        c('reviewOrgan', '行政复议机关'),
        court,
        paymentWhere,
        i('onSpotTime', '违法时间', 'datetime'),
        i('onSpotPlace', '违法地点', 'text'),
        i('onSpotFacts', '违法事实', 'multiline'),
        i('onSpotWarning', '是否给予警告（填“是”或“否”）', 'text'),
        i('onSpotFine', '罚款金额（元，不罚款的填0）', 'text'),
      ],
    },
    'pageOfPages',
    onSpotDecision,
  ),
];
