/**
 * Orders and what follows them:
 * - 责令改正违法行为决定书 (处罚法 art. 28(1): correction ordered with any penalty);
 * - 复查意见书 (the re-check of the order's deadline);
 * - 按日连续处罚决定书 (citations.json `dailyPenalty`: the days run as the track's version counts
 *   them — from the day after the order under the Code, after its service under the first version —
 *   to the re-check that found the violation going on or was refused, times the original fine);
 * - 限制生产/停产整治决定书 (citations.json `productionRestriction`).
 */
import {
  body,
  decisionHead,
  heading,
  labelledLines,
  payment,
  recordStyle,
  remedies,
  sealBlock,
  section,
  signatureLine,
  tagLine,
} from './blocks.js';
import { c, docNumber, entry, fine, i, order, party, violation, type CatalogEntry } from './fields.js';
import { para, size } from './ooxml.js';

const small = recordStyle;

const evidence = (): string[] => [
  body('以上事实，有下列证据为证：'),
  tagLine('{#evidenceList}'),
  body('{seq}．{text}'),
  tagLine('{/evidenceList}'),
];

export function correctionOrder(): string[] {
  return [
    ...decisionHead('责令改正违法行为决定书'),
    body('经查，你单位存在以下环境违法行为：{facts}'),
    body(
      '你单位的上述行为违反了{breachedArticles}的规定。依据《中华人民共和国行政处罚法》第二十八条第一款和{penaltyArticle}的规定，我局责令你单位：',
    ),
    body('{correctionContent}'),
    body('改正期限：{correctionDeadline}。'),
    body('你单位应当在上述期限内改正违法行为，并将改正情况书面报告我局。我局将对你单位的改正情况进行复查。'),
    tagLine('{#dailyPenaltyTrack}'),
    body(
      '你单位拒不改正的，我局将依据{dailyPenaltyArticle}的规定，自责令改正之日的次日起，按照原处罚数额按日连续处罚。',
    ),
    tagLine('{/dailyPenaltyTrack}'),
    remedies('决定', '决定书'),
    ...sealBlock(),
  ];
}

export function recheckOpinion(): string[] {
  return [
    ...heading('复查意见书'),
    para('案件编号：{caseNumber}', { align: 'right', sz: size.小四, line: 24 }),
    ...labelledLines(small, [
      ['被复查单位', '{partyName}'],
      ['地址', '{partyAddress}'],
      ['复查时间', '{recheckTime}'],
      ['复查人员', '{officersWithCerts}'],
    ]),
    body(
      '我局于{correctionServedOn}向你单位送达《责令改正违法行为决定书》{correctionOrderRef}，责令你单位于{correctionDueOn}前改正违法行为。我局执法人员依法对你单位改正情况进行了复查。',
      small,
    ),
    body('复查情况：{recheckContent}', small),
    body('复查意见：{recheckConclusion}', small),
    tagLine('{#dailyPenaltyTrack}'),
    body('经复查仍拒不改正违法排放污染物行为的，我局将依据{dailyPenaltyArticle}的规定按日连续处罚。', small),
    tagLine('{/dailyPenaltyTrack}'),
    signatureLine('复查人员', small),
    signatureLine('当事人', small, '签收'),
    ...sealBlock(),
  ];
}

export function dailyPenaltyDecision(): string[] {
  return [
    ...decisionHead('按日连续处罚决定书'),
    section('一、违法事实和证据'),
    body(
      '你单位因{violationName}，经我局{originalDecisionTitle}处以罚款人民币{fineWords}（¥{fineFigures}），并于{correctionServedOn}收到我局《责令改正违法行为决定书》{correctionOrderRef}，被责令于{correctionDueOn}前改正违法行为。',
    ),
    body('我局于{recheckOnText}对你单位进行{recheckKind}，发现：{recheckFindings}{recheckOutcome}。'),
    body('以上事实，有《责令改正违法行为决定书》及其送达回证、复查记录等证据为证。'),
    section('二、处罚的依据、计罚日数和数额'),
    body(
      '依据{dailyDecisionBasis}的规定，计罚日数自{dailyFromRule}（{dailyFromOn}）起，至{dailyToRule}（{recheckOnText}）止，共计{dailyDays}日；按照原处罚数额，每日罚款人民币{fineWords}（¥{fineFigures}）。',
    ),
    body(
      '我局决定对你单位按日连续处罚，罚款人民币{dailyTotalWords}（¥{dailyTotalFigures}）（{dailyDays}日×{fineFigures}元）。',
      { bold: true },
    ),
    section('三、履行方式和期限'),
    payment('决定书', '罚款'),
    body(
      '你单位应当立即停止违法排放污染物行为。我局将再次责令你单位改正并依法复查；再次复查仍拒不改正的，将依法继续按日连续处罚。',
    ),
    section('四、申请行政复议或者提起行政诉讼的途径和期限'),
    remedies('决定', '决定书'),
    ...sealBlock(),
  ];
}

export function restrictionDecision(): string[] {
  return [
    ...decisionHead('责令{restrictionMeasure}决定书'),
    body('经查，你单位存在以下环境违法行为：{facts}'),
    ...evidence(),
    body(
      '你单位的上述行为违反了{breachedArticles}的规定。依据{restrictionBasis}的规定，我局决定责令你单位{restrictionMeasure}，期限为{restrictionPeriod}，自本决定书送达之日起计算。',
    ),
    body('整改要求：{restrictionRequirements}'),
    body(
      '你单位应当按照上述要求制定整改方案并报我局备案，整改完成后向我局报告。{restrictionMeasure}期间，我局将对你单位进行检查。',
    ),
    body(
      '你单位拒不执行本决定或者整改后仍不能达标的，我局将依法报经有批准权的人民政府批准，责令停业、关闭（{restrictionArticle}）。',
    ),
    remedies('决定', '决定书'),
    ...sealBlock(),
  ];
}

const correctionCase = [
  c('correctionServedOn', '责令改正决定书送达日期'),
  c('correctionOrderRef', '责令改正决定书文号'),
  c('correctionDueOn', '改正期限'),
];

export const orderEntries: CatalogEntry[] = [
  entry(
    {
      // 2026.2: the article of the daily penalty is cited as in force on the day (resources/laws/citations.json).
      id: 'correction-order',
      name: '责令改正违法行为决定书',
      version: '2026.2',
      volume: '正卷',
      order: order['correction-order'],
      numberPattern: '{abbr}责改〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      fields: [
        docNumber,
        ...party,
        c('facts', '违法事实'),
        ...violation.slice(1),
        c('reviewOrgan', '行政复议机关'),
        c('dailyPenaltyArticle', '按日连续处罚的法律依据'),
        i('correctionContent', '责令改正的内容', 'multiline'),
        // The deadline lies ahead: typed as text, since date fields may not be later than today.
        i('correctionDeadline', '改正期限（如：2026年3月20日前，或收到本决定书之日起三十日内）', 'text'),
      ],
    },
    'dash',
    correctionOrder,
  ),
  entry(
    {
      // 2026.2: the article of the daily penalty is cited as in force on the day (resources/laws/citations.json).
      id: 'recheck-opinion',
      name: '复查意见书',
      version: '2026.2',
      volume: '正卷',
      order: order['recheck-opinion'],
      numberPattern: null,
      signer: '复查人员、当事人（签收）、行政机关（印章）',
      fields: [
        c('caseNumber', '案件编号'),
        c('partyName', '当事人名称'),
        c('partyAddress', '地址'),
        c('officersWithCerts', '复查人员'),
        ...correctionCase,
        c('dailyPenaltyArticle', '按日连续处罚的法律依据'),
        i('recheckTime', '复查时间', 'datetime'),
        i('recheckContent', '复查情况', 'multiline'),
        i('recheckConclusion', '复查意见（已改正／未改正及处理意见）', 'multiline'),
      ],
    },
    'dash',
    recheckOpinion,
  ),
  entry(
    {
      // 2026.2: the basis and the count of days follow the track's version (the Code: from the day after the order;
      // a refused or obstructed re-check) — resources/laws/citations.json and the procedure's dailyCount.
      id: 'daily-penalty-decision',
      name: '按日连续处罚决定书',
      version: '2026.2',
      volume: '正卷',
      order: order['daily-penalty-decision'],
      numberPattern: '{abbr}按日罚字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      fields: [
        docNumber,
        ...party,
        c('violationName', '案由'),
        c('originalDecisionTitle', '原处罚决定书'),
        ...fine,
        ...correctionCase,
        c('recheckOnText', '复查日期'),
        c('recheckKind', '复查方式'),
        c('recheckFindings', '复查发现的情况'),
        c('recheckOutcome', '复查结论'),
        c('dailyDecisionBasis', '按日连续处罚的法律依据'),
        c('dailyFromRule', '计罚起算规则'),
        c('dailyToRule', '计罚截止规则'),
        c('dailyFromOn', '计罚起始日'),
        c('dailyDays', '计罚日数'),
        c('dailyTotalWords', '罚款总额（大写）'),
        c('dailyTotalFigures', '罚款总额（小写）'),
        c('reviewOrgan', '行政复议机关'),
      ],
    },
    'dash',
    dailyPenaltyDecision,
  ),
  entry(
    {
      // 2026.2: the basis is cited as in force on the day (resources/laws/citations.json).
      id: 'restriction-decision',
      name: '限制生产/停产整治决定书',
      version: '2026.2',
      volume: '正卷',
      order: order['restriction-decision'],
      numberPattern: '{abbr}限停字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      fields: [
        docNumber,
        ...party,
        c('facts', '违法事实'),
        c('evidenceList', '证据'),
        c('breachedArticles', '违反的法律条款'),
        c('reviewOrgan', '行政复议机关'),
        c('restrictionBasis', '限制生产、停产整治的法律依据'),
        c('restrictionArticle', '责令停业、关闭的法律依据'),
        i('restrictionMeasure', '措施（填“限制生产”或“停产整治”）', 'text'),
        i('restrictionPeriod', '期限（如：三个月）', 'text'),
        i('restrictionRequirements', '整改要求', 'multiline'),
      ],
    },
    'dash',
    restrictionDecision,
  ),
];
