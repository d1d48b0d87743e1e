/**
 * Evidence beyond the two records: 采样取证登记单 and 现场照片(图片、影像资料)证据 (抽样取证,
 * 处罚法 art. 56; the whole process on record, art. 47), and the 先行登记保存 notices — approval by
 * the head, no destruction or removal meanwhile, a decision within seven days (art. 56).
 */
import {
  body,
  labelCell,
  labelled,
  labelledLines,
  letterHead,
  loopRows,
  optionalBody,
  partyRecordLines,
  recordHead,
  recordStyle,
  sealBlock,
  signatureLine,
  signatureLines,
  tagLine,
} from './blocks.js';
import { c, docNumber, entry, i, order, party, type CatalogEntry } from './fields.js';
import { table } from './ooxml.js';

const small = recordStyle;
const itemColumns = [14, 58, 34, 22, 28];
const itemHeader = () => ({ cells: ['序号', '名称', '规格型号', '数量', '备注'].map((t) => labelCell(t)) });
const itemRow = (loop: string) => ({ cells: loopRows(loop, ['seq', 'name', 'spec', 'quantity', 'note']) });

export function samplingRecord(): string[] {
  return [
    ...recordHead('采样取证登记单'),
    ...partyRecordLines(small, '被采样单位'),
    ...labelledLines(small, [
      ['采样时间', '{samplingTime}'],
      ['采样地点', '{samplingPlace}'],
      ['采样人员', '{officersWithCerts}'],
      ['现场负责人', '{onSitePerson}'],
    ]),
    body(
      '执法人员已出示执法证件。依据《中华人民共和国行政处罚法》第五十六条的规定，对你单位进行抽样取证，采集样品如下：',
      small,
    ),
    table(
      [14, 30, 28, 32, 16, 36],
      [
        { cells: ['序号', '样品编号', '样品名称', '采样点位', '数量', '监测项目'].map((t) => labelCell(t)) },
        { cells: loopRows('samples', ['seq', 'code', 'name', 'point', 'quantity', 'items']) },
      ],
    ),
    labelled([['采样方法及样品保存', '{samplingMethod}']], { ...small, before: 6 }),
    body(
      '样品已当场封存，封条由采样人员和现场负责人签名。当事人对采样过程和样品有异议的，可以在本登记单上注明。',
      small,
    ),
    ...signatureLines(small, '现场负责人', '采样人', '记录人'),
  ];
}

export function photoEvidence(): string[] {
  return [
    ...recordHead('现场照片(图片、影像资料)证据'),
    ...labelledLines(small, [
      ['当事人', '{partyName}'],
      ['案由', '{violationName}'],
      ['拍摄地点', '{photoPlace}'],
      ['拍摄（制作）人', '{officerNames}'],
    ]),
    body('证明对象：{photoPurpose}', small),
    table(
      [14, 16, 70, 34, 22],
      [
        { cells: ['序号', '种类', '内容说明', '拍摄日期', '校验值'].map((t) => labelCell(t)) },
        { cells: loopRows('photos', ['seq', 'kind', 'description', 'takenOn', 'hash']) },
      ],
    ),
    tagLine('{^photos}'),
    body('（本案尚未登记照片、影像资料。）', small),
    tagLine('{/photos}'),
    body(
      '照片原件按上列顺序附后，每张单独成页并载明内容说明、拍摄日期和文件名；电子文件以其SHA-256校验值（上列为其前八位）保存，可据以核对是否被改动。',
      { ...small, before: 6 },
    ),
    ...signatureLines(small, '拍摄（制作）人', '当事人（见证人）'),
  ];
}

export function preservationNotice(): string[] {
  return [
    ...letterHead('先行登记保存证据通知书'),
    body(
      '我局在调查你单位涉嫌{violationName}一案中，因证据可能灭失或者以后难以取得，经本机关负责人批准，依据《中华人民共和国行政处罚法》第五十六条的规定，决定对下列证据予以先行登记保存：',
    ),
    table(itemColumns, [itemHeader(), itemRow('preservedItems')]),
    body('保存地点及方式：{preservationPlace}', { before: 6 }),
    body('在先行登记保存期间，你单位及有关人员不得销毁或者转移上述证据。我局将在七日内依法作出处理决定。'),
    body('执法人员：{officersWithCerts}'),
    signatureLine('当事人', {}, '签收'),
    ...sealBlock(),
  ];
}

export function preservationReleaseNotice(): string[] {
  return [
    ...letterHead('解除先行登记保存证据通知书'),
    body('我局于{preservedOn}以《先行登记保存证据通知书》{preservationNoticeRef}对你单位的下列证据予以先行登记保存：'),
    table(itemColumns, [itemHeader(), itemRow('preservedItems')]),
    body(
      '依据《中华人民共和国行政处罚法》第五十六条的规定，经本机关负责人批准，我局决定自{docDate}起解除对上述证据的先行登记保存。',
      { before: 6 },
    ),
    ...optionalBody('returnArrangement'),
    body('执法人员：{officersWithCerts}'),
    signatureLine('当事人', {}, '签收'),
    ...sealBlock(),
  ];
}

export const evidenceEntries: CatalogEntry[] = [
  entry(
    {
      id: 'sampling-record',
      name: '采样取证登记单',
      volume: '正卷',
      order: order['sampling-record'],
      numberPattern: null,
      signer: '采样人、记录人、现场负责人',
      fields: [
        ...party,
        c('officersWithCerts', '采样人员及执法证号'),
        i('samplingTime', '采样时间', 'datetime'),
        i('samplingPlace', '采样地点', 'text'),
        i('onSitePerson', '现场负责人（姓名、职务）', 'text'),
        i('samples', '样品（每行一个：样品编号｜样品名称｜采样点位｜数量｜监测项目）', 'multiline'),
        i('samplingMethod', '采样方法及样品保存方式', 'text'),
      ],
    },
    'pageOfPages',
    samplingRecord,
  ),
  entry(
    {
      id: 'photo-evidence',
      name: '现场照片(图片、影像资料)证据',
      volume: '正卷',
      order: order['photo-evidence'],
      numberPattern: null,
      signer: '拍摄（制作）人、当事人或见证人',
      fields: [
        c('partyName', '当事人名称'),
        c('violationName', '案由'),
        c('officerNames', '拍摄（制作）人'),
        c('photos', '照片、影像资料'),
        i('photoPlace', '拍摄地点', 'text'),
        i('photoPurpose', '证明对象', 'multiline'),
      ],
    },
    'pageOfPages',
    photoEvidence,
  ),
  entry(
    {
      id: 'preservation-notice',
      name: '先行登记保存证据通知书',
      volume: '正卷',
      order: order['preservation-notice'],
      numberPattern: '{abbr}先保字〔{year}〕{seq}号',
      signer: '执法人员、当事人（签收）、行政机关（印章）',
      fields: [
        docNumber,
        c('partyName', '当事人名称'),
        c('violationName', '案由'),
        c('officersWithCerts', '执法人员及执法证号'),
        i('preservedItems', '登记保存的证据（每行一项：名称｜规格型号｜数量｜备注，或如“1号造粒机1台”）', 'multiline'),
        i('preservationPlace', '保存地点及方式', 'text'),
      ],
    },
    'dash',
    preservationNotice,
  ),
  entry(
    {
      id: 'preservation-release-notice',
      name: '解除先行登记保存证据通知书',
      volume: '正卷',
      order: order['preservation-release-notice'],
      numberPattern: '{abbr}解保字〔{year}〕{seq}号',
      signer: '执法人员、当事人（签收）、行政机关（印章）',
      fields: [
        docNumber,
        c('partyName', '当事人名称'),
        c('preservedOn', '登记保存日期'),
        c('preservationNoticeRef', '先行登记保存证据通知书文号'),
        c('preservedItems', '登记保存的证据'),
        c('officersWithCerts', '执法人员及执法证号'),
        i('returnArrangement', '返还安排（如：请于某日到某地领回）', 'text', false),
      ],
    },
    'dash',
    preservationReleaseNotice,
  ),
];
