/**
 * 现场检查(勘察)笔录 and 调查询问笔录 in Guizhou's branding (《贵州省生态环境保护执法…笔录》).
 * Both state who the officers are and their certificate numbers (处罚法 art. 55), when and where,
 * who was present, the content, and end with the signatures of everyone present.
 */
import { body, labelled, labelledLines, recordHead, recordStyle, signatureLines, tagLine } from './blocks.js';
import { c, entry, i, order, party, type CatalogEntry } from './fields.js';

const small = recordStyle;
const guizhou = '贵州省生态环境保护执法';

export function inspectionRecord(): string[] {
  return [
    ...recordHead('现场检查(勘察)笔录', guizhou),
    ...labelledLines(small, [
      ['检查(勘察)时间', '{inspectionTime}{#inspectionEnd}至{inspectionEnd}{/inspectionEnd}'],
      ['检查(勘察)地点', '{inspectionPlace}'],
      ['被检查(勘察)单位', '{partyName}'],
    ]),
    labelled(
      [
        ['统一社会信用代码', '{partyUscc}'],
        ['法定代表人', '{partyLegalRep}'],
      ],
      small,
    ),
    ...labelledLines(small, [
      ['地址', '{partyAddress}'],
      ['现场负责人', '{onSitePerson}'],
    ]),
    labelled(
      [['检查(勘察)人', '{officer1Name}（执法证号：{officer1Cert}）、{officer2Name}（执法证号：{officer2Cert}）']],
      small,
    ),
    labelled([['记录人', '{officer2Name}']], small),
    body(
      '执法人员已向现场负责人出示执法证件并告知：我们是{bureauName}的执法人员，根据{inspectionArticle}的规定，现依法对你单位进行现场检查（勘察），请予以配合，如实反映情况，提供必要的资料；拒绝、阻挠检查或者在检查时弄虚作假的，将依法承担法律责任。执法人员与本案有直接利害关系或者其他关系可能影响公正执法的，你有权申请回避。',
      small,
    ),
    body('现场检查(勘察)情况：', { ...small, bold: true }),
    body('{inspectionFindings}', small),
    body('（以上笔录已交现场负责人核对，记录属实。）', small),
    ...signatureLines(small, '现场负责人', '检查(勘察)人', '记录人'),
  ];
}

export function interviewRecord(): string[] {
  return [
    ...recordHead('调查询问笔录', guizhou),
    ...labelledLines(small, [
      ['询问时间', '{interviewTime}{#interviewEnd}至{interviewEnd}{/interviewEnd}'],
      ['询问地点', '{interviewPlace}'],
    ]),
    labelled(
      [
        ['被询问人', '{interviewee}'],
        ['职务', '{intervieweeTitle}'],
      ],
      small,
    ),
    labelled([['工作单位', '{partyName}']], small),
    tagLine('{#intervieweeIdNo}'),
    labelled([['身份证号码', '{intervieweeIdNo}']], small),
    tagLine('{/intervieweeIdNo}'),
    labelled(
      [['询问人', '{officer1Name}（执法证号：{officer1Cert}）、{officer2Name}（执法证号：{officer2Cert}）']],
      small,
    ),
    labelled([['记录人', '{officer2Name}']], small),
    body(
      '告知：我们是{bureauName}的执法人员，已向你出示执法证件。现依法就{partyName}涉嫌{violationName}一案向你进行调查询问。你应当如实回答询问，协助调查，不得拒绝或者阻挠，不得提供虚假情况；你有陈述和申辩的权利。执法人员与本案有直接利害关系或者其他关系可能影响公正执法的，你有权申请回避。',
      small,
    ),
    body('询问内容：', { ...small, bold: true }),
    body('{interviewContent}', small),
    body('（以上笔录已经被询问人核对或者向其宣读，记录与本人所述一致。）', small),
    ...signatureLines(small, '被询问人', '询问人', '记录人'),
  ];
}

export const recordEntries: CatalogEntry[] = [
  entry(
    {
      // 2026.2: the power to inspect is cited as in force on the inspection's day (resources/laws/citations.json).
      id: 'inspection-record',
      name: '现场检查(勘察)笔录',
      version: '2026.2',
      volume: '正卷',
      order: order['inspection-record'],
      numberPattern: null,
      signer: '检查人、记录人、现场负责人',
      fields: [
        ...party,
        c('inspectionArticle', '现场检查的法律依据'),
        c('officer1Name', '检查人'),
        c('officer1Cert', '检查人执法证号'),
        c('officer2Name', '检查人（记录人）'),
        c('officer2Cert', '记录人执法证号'),
        i('inspectionTime', '检查开始时间', 'datetime'),
        i('inspectionEnd', '检查结束时间', 'datetime', false),
        i('inspectionPlace', '检查地点', 'text'),
        i('onSitePerson', '现场负责人（姓名、职务）', 'text'),
        i('inspectionFindings', '检查情况', 'multiline'),
      ],
    },
    'pageOfPages',
    inspectionRecord,
  ),
  entry(
    {
      id: 'interview-record',
      name: '调查询问笔录',
      volume: '正卷',
      order: order['interview-record'],
      numberPattern: null,
      signer: '询问人、记录人、被询问人',
      fields: [
        c('partyName', '当事人名称'),
        c('violationName', '案由'),
        c('officer1Name', '询问人'),
        c('officer1Cert', '询问人执法证号'),
        c('officer2Name', '询问人（记录人）'),
        c('officer2Cert', '记录人执法证号'),
        i('interviewTime', '询问开始时间', 'datetime'),
        i('interviewEnd', '询问结束时间', 'datetime', false),
        i('interviewPlace', '询问地点', 'text'),
        i('interviewee', '被询问人', 'text'),
        i('intervieweeTitle', '被询问人职务', 'text'),
        i('intervieweeIdNo', '被询问人身份证号码', 'text', false),
        i('interviewContent', '询问内容', 'multiline'),
      ],
    },
    'pageOfPages',
    interviewRecord,
  ),
];
