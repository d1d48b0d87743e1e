/**
 * Cases that leave the bureau:
 * - 移送书 and 移送材料清单 to the police or a judicial organ (detention of the persons responsible:
 *   the situation's article of citations.json `detentionReferral`; 处罚法 art. 27: suspected crimes),
 *   one paragraph per kind of referral;
 * - 案件移送函 to the competent administrative organ when the case is not the bureau's (art. 22).
 */
import {
  body,
  labelCell,
  labelledLines,
  letterHead,
  loopRows,
  recordHead,
  recordStyle,
  sealBlock,
  signatureLine,
  tagLine,
} from './blocks.js';
import { c, docNumber, entry, i, order, type CatalogEntry } from './fields.js';
import { table } from './ooxml.js';

const small = recordStyle;

export function referralLetter(): string[] {
  return [
    ...letterHead('移送书', '{referralReceiver}'),
    body(
      '{partyName}（统一社会信用代码：{partyUscc}，地址：{partyAddress}）涉嫌{violationName}一案，经我局调查：{factsThirdPerson}',
    ),
    tagLine('{#referralDetention}'),
    body(
      '{referralReason}依据{detentionBasis}的规定，现将本案移送你局，请依法对其直接负责的主管人员和其他直接责任人员（{responsiblePersons}）予以处理。',
    ),
    tagLine('{/referralDetention}'),
    tagLine('{#referralCrime}'),
    body(
      '当事人的上述行为涉嫌犯罪。{referralReason}依据《中华人民共和国行政处罚法》第二十七条和《行政执法机关移送涉嫌犯罪案件的规定》，现将本案移送你局，请依法审查（涉案人员：{responsiblePersons}）。',
    ),
    tagLine('{/referralCrime}'),
    tagLine('{#referralOther}'),
    body('{referralReason}依据《中华人民共和国行政处罚法》第二十七条的规定，现将本案移送你单位依法处理。'),
    tagLine('{/referralOther}'),
    body('随本移送书附送移送材料清单所列材料。请依法审查处理，并将处理结果书面告知我局。'),
    body('联系人：{officerNames}'),
    ...sealBlock(),
  ];
}

export function referralMaterials(): string[] {
  return [
    ...recordHead('移送材料清单'),
    ...labelledLines(small, [
      ['移送案件', '{partyName}涉嫌{violationName}案'],
      ['移送机关', '{bureauName}'],
      ['接收机关', '{referralReceiver}'],
    ]),
    table(
      [14, 82, 18, 18, 24],
      [
        { cells: ['序号', '材料名称', '份数', '页数', '备注'].map((t) => labelCell(t)) },
        { cells: loopRows('referralMaterials', ['seq', 'name', 'copies', 'pages', 'note']) },
      ],
    ),
    signatureLine('移送人', { ...small, before: 6 }),
    signatureLine('接收人', small),
  ];
}

export function transferLetter(): string[] {
  return [
    ...letterHead('案件移送函', '{transferReceiver}'),
    body(
      '我局于{filedOn}对{partyName}（统一社会信用代码：{partyUscc}）涉嫌{violationName}一案立案调查。经调查，{transferReason}',
    ),
    body(
      '根据《中华人民共和国行政处罚法》第二十二条和有关管辖的规定，本案应由你单位管辖，现将本案移送你单位依法处理，随函附送本案全部材料。请接收后函告我局。',
    ),
    body('联系人：{officerNames}'),
    ...sealBlock(),
  ];
}

const referralCase = [c('referralReceiver', '接收机关'), c('referralReason', '移送理由')];

export const referralEntries: CatalogEntry[] = [
  entry(
    {
      // 2026.2: a detention referral cites its situation's article as in force on the day (resources/laws/citations.json).
      id: 'referral-letter',
      name: '移送书',
      version: '2026.2',
      volume: '正卷',
      order: order['referral-letter'],
      numberPattern: '{abbr}移字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      fields: [
        docNumber,
        c('partyName', '当事人名称'),
        c('partyUscc', '统一社会信用代码'),
        c('partyAddress', '地址'),
        c('violationName', '案由'),
        c('factsThirdPerson', '违法事实'),
        ...referralCase,
        c('detentionBasis', '移送拘留的法律依据'),
        c('officerNames', '联系人'),
        i('responsiblePersons', '直接负责的主管人员和其他直接责任人员（姓名、职务）', 'text'),
      ],
    },
    'dash',
    referralLetter,
  ),
  entry(
    {
      id: 'referral-materials',
      name: '移送材料清单',
      volume: '正卷',
      order: order['referral-materials'],
      numberPattern: null,
      signer: '移送人、接收人',
      fields: [
        c('partyName', '当事人名称'),
        c('violationName', '案由'),
        c('referralReceiver', '接收机关'),
        i(
          'referralMaterials',
          '移送材料（每行一项：名称｜份数｜页数｜备注；不填则列出本案已制作的文书和证据）',
          'multiline',
          false,
        ),
      ],
    },
    'pageOfPages',
    referralMaterials,
  ),
  entry(
    {
      id: 'transfer-letter',
      name: '案件移送函',
      volume: '正卷',
      order: order['transfer-letter'],
      numberPattern: '{abbr}移函字〔{year}〕{seq}号',
      signer: '行政机关（印章）',
      fields: [
        docNumber,
        c('partyName', '当事人名称'),
        c('partyUscc', '统一社会信用代码'),
        c('violationName', '案由'),
        c('filedOn', '立案日期'),
        c('officerNames', '联系人'),
        i('transferReceiver', '接收机关', 'text'),
        i('transferReason', '移送的理由', 'multiline'),
      ],
    },
    'dash',
    transferLetter,
  ),
];
