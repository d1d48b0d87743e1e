/**
 * 查封、扣押 (the power: citations.json `seizure`; 强制法 arts. 18, 22–28) and the handling of confiscated things:
 * - 查封(扣押)决定书 (强制法 art. 24: party, reason, basis and term, the places, facilities or things
 *   with names and quantities, review and litigation routes and limits, authority, seal and date);
 * - 查封、扣押清单 (art. 24(3): in two copies, one for the party, one for the bureau);
 * - 查封(扣押)延期通知书 (art. 25(1)(2): extended once by at most thirty days, in writing with reasons);
 * - 解除查封(扣押)决定书 (art. 28: the ground, and the things returned at once);
 * - 罚没物品处理记录 (处罚法 art. 74: destroyed as the law requires, or auctioned publicly, proceeds to the treasury).
 */
import {
  body,
  decisionHead,
  heading,
  labelCell,
  labelledLines,
  letterHead,
  loopRows,
  optionalBody,
  recordHead,
  recordStyle,
  remedies,
  sealBlock,
  signatureLines,
  tagLine,
} from './blocks.js';
import { c, docNumber, entry, i, order, party, type CatalogEntry } from './fields.js';
import { para, size, table } from './ooxml.js';

const small = recordStyle;
const items = (loop = 'seizureItems'): string =>
  table(
    [14, 58, 34, 22, 28],
    [
      { cells: ['序号', '名称', '规格型号', '数量', '备注'].map((t) => labelCell(t)) },
      { cells: loopRows(loop, ['seq', 'name', 'spec', 'quantity', 'note']) },
    ],
  );

export function seizureDecision(): string[] {
  return [
    ...decisionHead('{seizureMeasure}决定书'),
    body('经查，{seizureReason}'),
    body(
      '你单位的上述行为涉嫌违反{breachedArticles}的规定。依据{seizureArticle}和《中华人民共和国行政强制法》第九条、第十八条、第二十四条的规定，经本机关负责人批准，我局决定对你单位下列场所、设施或者财物予以{seizureMeasure}：',
    ),
    items(),
    body('{seizureMeasure}地点：{seizurePlace}。', { before: 6 }),
    body(
      '{seizureMeasure}期限：{seizureTerm}。查封、扣押的期限不得超过三十日；情况复杂的，经本机关负责人批准可以延长，延长期限不得超过三十日（《中华人民共和国行政强制法》第二十五条）。',
    ),
    body(
      '{seizureMeasure}期间，你单位不得擅自启封、转移、损毁、使用被{seizureMeasure}的场所、设施或者财物。我局将妥善保管，不得使用或者损毁，因{seizureMeasure}发生的保管费用由我局承担（《中华人民共和国行政强制法》第二十六条）。',
    ),
    remedies('决定', '决定书'),
    body('附：查封、扣押清单'),
    ...sealBlock(),
  ];
}

export function seizureList(): string[] {
  return [
    ...heading('查封、扣押清单'),
    para('（{seizureDecisionRef}附件）', { align: 'center', sz: size.四号, line: 26 }),
    ...labelledLines(small, [
      ['当事人', '{partyName}'],
      ['地址', '{partyAddress}'],
      ['实施时间', '{seizureTime}'],
      ['实施地点', '{seizurePlace}'],
      ['执法人员', '{officersWithCerts}'],
    ]),
    items(),
    body(
      '本清单一式二份，由当事人和行政机关分别保存（《中华人民共和国行政强制法》第二十四条第三款）。当事人不到场的，由见证人和执法人员签名（第十八条第九项）。',
      { ...small, before: 6 },
    ),
    ...signatureLines(small, '当事人', '执法人员', '见证人'),
  ];
}

export function seizureExtensionNotice(): string[] {
  return [
    ...letterHead('查封(扣押)延期通知书'),
    body(
      '我局于{seizureImplementedOn}以{seizureDecisionRef}对你单位下列场所、设施或者财物实施了{seizureMeasureCase}：',
    ),
    items(),
    body(
      '因{extensionReason}，情况复杂，经本机关负责人批准，依据《中华人民共和国行政强制法》第二十五条第一款、第二款的规定，决定将{seizureMeasureCase}期限延长至{extendedTo}。延长期限不超过三十日。',
      { before: 6 },
    ),
    remedies('延期决定', '通知书'),
    ...sealBlock(),
  ];
}

export function seizureRelease(): string[] {
  return [
    ...letterHead('解除查封(扣押)决定书'),
    body(
      '我局于{seizureImplementedOn}以{seizureDecisionRef}对你单位下列场所、设施或者财物实施了{seizureMeasureCase}：',
    ),
    items(),
    body(
      '因{releaseReason}，依据《中华人民共和国行政强制法》第二十八条的规定，我局决定自{docDate}起解除上述{seizureMeasureCase}，并立即退还有关财物。',
      { before: 6 },
    ),
    ...optionalBody('returnArrangement'),
    ...sealBlock(),
  ];
}

export function confiscationRecord(): string[] {
  return [
    ...recordHead('罚没物品处理记录'),
    ...labelledLines(small, [
      ['当事人', '{partyName}'],
      ['处理依据', '{disposalBasis}'],
      ['处理时间', '{disposalTime}'],
      ['处理地点', '{disposalPlace}'],
      ['处理方式', '{disposalMethod}'],
      ['执行人员', '{officersWithCerts}'],
      ['监督（见证）人员', '{disposalWitnesses}'],
    ]),
    body('处理的物品：', { ...small, bold: true }),
    items('disposedItems'),
    body(
      '依据《中华人民共和国行政处罚法》第七十四条的规定，除依法应当予以销毁的物品外，依法没收的非法财物按照国家规定公开拍卖或者按照国家有关规定处理；拍卖的款项全部上缴国库。',
      { ...small, before: 6 },
    ),
    tagLine('{#disposalNote}'),
    body('处理情况：{disposalNote}', small),
    tagLine('{/disposalNote}'),
    ...signatureLines(small, '执行人员', '监督（见证）人员'),
  ];
}

const seizureCase = [
  c('seizureImplementedOn', '实施日期'),
  c('seizureDecisionRef', '查封(扣押)决定书及文号'),
  c('seizureMeasureCase', '措施'),
  c('seizureItems', '查封、扣押的场所、设施或者财物'),
];
const itemsInput = i(
  'seizureItems',
  '查封、扣押的场所、设施或者财物（每行一项：名称｜规格型号｜数量｜备注，或如“1号造粒机1台”）',
  'multiline',
);

export const seizureEntries: CatalogEntry[] = [
  entry(
    {
      // 2026.2: the power to seize is cited as in force on the day (resources/laws/citations.json).
      id: 'seizure-decision',
      name: '查封(扣押)决定书',
      version: '2026.2',
      volume: '正卷',
      order: order['seizure-decision'],
      numberPattern: '{abbr}封扣字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      fields: [
        docNumber,
        ...party,
        c('breachedArticles', '违反的法律条款'),
        c('seizureArticle', '查封、扣押的法律依据'),
        c('reviewOrgan', '行政复议机关'),
        i('seizureMeasure', '措施（填“查封”“扣押”或“查封、扣押”）', 'text'),
        i('seizureReason', '查封、扣押的理由（违法事实）', 'multiline'),
        itemsInput,
        i('seizurePlace', '查封、扣押地点', 'text'),
        i('seizureTerm', '期限（如：自2026年3月3日起三十日）', 'text'),
      ],
    },
    'dash',
    seizureDecision,
  ),
  entry(
    {
      id: 'seizure-list',
      name: '查封、扣押清单',
      volume: '正卷',
      order: order['seizure-list'],
      numberPattern: null,
      signer: '当事人、执法人员、见证人',
      fields: [
        c('partyName', '当事人名称'),
        c('partyAddress', '地址'),
        c('officersWithCerts', '执法人员'),
        c('seizureDecisionRef', '查封(扣押)决定书及文号'),
        itemsInput,
        i('seizureTime', '实施时间', 'datetime'),
        i('seizurePlace', '实施地点', 'text'),
      ],
    },
    'pageOfPages',
    seizureList,
  ),
  entry(
    {
      id: 'seizure-extension-notice',
      name: '查封(扣押)延期通知书',
      volume: '正卷',
      order: order['seizure-extension-notice'],
      numberPattern: '{abbr}封扣延字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      fields: [
        docNumber,
        c('partyName', '当事人名称'),
        ...seizureCase,
        c('reviewOrgan', '行政复议机关'),
        i('extensionReason', '延长的理由', 'multiline'),
        i('extendedTo', '延长至（如：2026年5月2日）', 'text'),
      ],
    },
    'dash',
    seizureExtensionNotice,
  ),
  entry(
    {
      id: 'seizure-release',
      name: '解除查封(扣押)决定书',
      volume: '正卷',
      order: order['seizure-release'],
      numberPattern: '{abbr}解封扣字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      fields: [
        docNumber,
        c('partyName', '当事人名称'),
        ...seizureCase,
        i('releaseReason', '解除的理由（行政强制法第二十八条，如：违法行为已经消除）', 'text'),
        i('returnArrangement', '退还安排（如：请于某日到某地办理财物退还手续）', 'text', false),
      ],
    },
    'dash',
    seizureRelease,
  ),
  entry(
    {
      // Not yet listed by a procedure node: the handling of confiscated things follows the decision, in 执行.
      id: 'confiscation-record',
      name: '罚没物品处理记录',
      volume: '正卷',
      order: order['confiscation-record'],
      numberPattern: null,
      signer: '执行人员、监督（见证）人员',
      fields: [
        c('partyName', '当事人名称'),
        c('officersWithCerts', '执行人员'),
        i('disposalBasis', '处理依据（如：《行政处罚决定书》文号）', 'text'),
        i('disposalTime', '处理时间', 'datetime'),
        i('disposalPlace', '处理地点', 'text'),
        i('disposalMethod', '处理方式（销毁、公开拍卖、上缴等）', 'text'),
        i('disposalWitnesses', '监督（见证）人员', 'text'),
        i('disposedItems', '处理的物品（每行一项；不填则为查封、扣押的财物）', 'multiline', false),
        i('disposalNote', '处理情况', 'multiline', false),
      ],
    },
    'pageOfPages',
    confiscationRecord,
  ),
];
