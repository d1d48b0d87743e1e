/**
 * From investigation to decision: the 调查报告 at the end of the investigation (处罚法 art. 57),
 * the 法制审核意见书 before a major decision (art. 58) and the 案件集体讨论笔录 of the heads
 * (art. 57(2)). The last two file into the 副卷 (2010 rule: review opinions, collective discussion).
 */
import {
  body,
  cell,
  heading,
  labelCell,
  labelled,
  labelledLines,
  opinionCell,
  optionalBody,
  recordHead,
  recordStyle,
  section,
  signatureLine,
  signatureLines,
  tagLine,
} from './blocks.js';
import { c, entry, i, order, party, violation, type CatalogEntry } from './fields.js';
import { para, size, table } from './ooxml.js';

const small = recordStyle;
const caseNumberLine = (): string => para('案件编号：{caseNumber}', { align: 'right', sz: size.小四, line: 24 });

export function investigationReport(): string[] {
  return [
    ...heading('行政处罚案件调查报告'),
    caseNumberLine(),
    section('一、案件来源及立案情况'),
    body(
      '本案来源于{source}。我局于{filedOn}对{partyName}涉嫌{violationName}一案立案调查，承办人员：{officersWithCerts}。',
    ),
    section('二、当事人基本情况'),
    body('当事人：{partyName}；统一社会信用代码：{partyUscc}；法定代表人：{partyLegalRep}；地址：{partyAddress}。'),
    section('三、调查经过和证据'),
    body('承办人员依法出示执法证件，进行了现场检查和调查询问，收集了下列证据：'),
    tagLine('{#evidenceList}'),
    body('{seq}．{text}'),
    tagLine('{/evidenceList}'),
    section('四、调查认定的违法事实'),
    body('{reportFacts}'),
    section('五、违反的法律条款和处罚依据'),
    ...optionalBody('legalBasisStatement'),
    body(
      '当事人的上述行为违反了{breachedArticles}的规定。依据{penaltyArticle}关于“{penaltyText}”的规定，应当给予行政处罚。',
    ),
    section('六、处理意见及裁量理由'),
    body('{reportProposal}'),
    ...optionalBody('reportReasoning'),
    body('以上调查结果报请负责人审查（《中华人民共和国行政处罚法》第五十七条）。'),
    signatureLine('承办人'),
  ];
}

const checklist = [
  '（一）执法主体是否合法，是否超越法定职权；',
  '（二）案件事实是否清楚，证据是否合法、确实、充分；',
  '（三）适用法律、法规、规章是否准确，裁量基准运用是否适当；',
  '（四）执法程序是否合法；',
  '（五）执法文书是否规范、齐备；',
  '（六）违法行为是否涉嫌犯罪、需要移送司法机关。',
];

export function legalReviewOpinion(): string[] {
  return [
    ...heading('法制审核意见书'),
    caseNumberLine(),
    table(
      [36, 120],
      [
        { cells: [labelCell('案　　由'), cell('{violationName}')] },
        { cells: [labelCell('当 事 人'), cell('{partyName}')] },
        { cells: [labelCell('承 办 人'), cell('{officersWithCerts}')] },
        {
          minHeightMm: 20,
          cells: [
            labelCell('拟作出的决定'),
            cell(['依据{penaltyArticle}，拟对当事人罚款人民币{fineWords}（¥{fineFigures}）。{hearingHeldText}'], {
              vAlign: 'top',
            }),
          ],
        },
        {
          cells: [
            labelCell('审核依据'),
            cell(
              '《中华人民共和国行政处罚法》第五十八条：行政机关负责人作出行政处罚决定之前，应当由从事行政处罚决定法制审核的人员进行法制审核；未经法制审核或者审核未通过的，不得作出决定。',
            ),
          ],
        },
        { cells: [labelCell('审核内容'), cell(checklist, { vAlign: 'top' })] },
        { minHeightMm: 36, cells: [labelCell('审核意见'), cell('{legalReviewOpinion}', { vAlign: 'top' })] },
        { cells: [labelCell('审核结论'), cell('{legalReviewConclusion}')] },
        { minHeightMm: 18, cells: [labelCell('法制审核人员'), { ...opinionCell('', '审核人'), span: 1 }] },
      ],
    ),
  ];
}

export function collectiveDiscussionRecord(): string[] {
  return [
    ...recordHead('案件集体讨论笔录'),
    ...labelledLines(small, [
      ['讨论时间', '{discussionTime}'],
      ['讨论地点', '{discussionPlace}'],
    ]),
    labelled(
      [
        ['主持人', '{discussionChair}'],
        ['记录人', '{discussionRecorder}'],
      ],
      small,
    ),
    ...labelledLines(small, [
      ['出席人员', '{discussionParticipants}'],
      ['讨论案件', '{partyName}涉嫌{violationName}一案（案件编号：{caseNumber}）'],
    ]),
    body(
      '依据《中华人民共和国行政处罚法》第五十七条第二款的规定，对情节复杂或者重大违法行为给予行政处罚，由行政机关负责人集体讨论决定。',
      small,
    ),
    body(
      '承办人汇报：{factsThirdPerson}当事人的上述行为违反了{breachedArticles}的规定，依据{penaltyArticle}，拟对当事人罚款人民币{fineWords}（¥{fineFigures}）。{reviewHistoryText}',
      small,
    ),
    body('讨论记录：', { ...small, bold: true }),
    body('{discussionContent}', small),
    body('讨论决定：', { ...small, bold: true }),
    body('{discussionConclusion}', small),
    ...signatureLines(small, '主持人', '出席人员', '记录人'),
  ];
}

export const reviewEntries: CatalogEntry[] = [
  entry(
    {
      id: 'investigation-report',
      name: '行政处罚案件调查报告',
      volume: '正卷',
      order: order['investigation-report'],
      numberPattern: null,
      signer: '承办人',
      fields: [
        c('caseNumber', '案件编号'),
        c('source', '案件来源'),
        c('filedOn', '立案日期'),
        ...party,
        ...violation,
        c('penaltyText', '罚则'),
        c('officersWithCerts', '承办人及执法证号'),
        c('evidenceList', '证据'),
        // The report's figures are recorded by the 提交调查报告 action that follows it: typed here.
        i('reportFacts', '调查认定的违法事实', 'multiline'),
        i('reportProposal', '处理意见（如：建议罚款人民币十万元）', 'multiline'),
        i('reportReasoning', '裁量理由', 'multiline', false),
        c('legalBasisStatement', '法律适用（违法行为发生时与作出决定时的规定比较，从旧兼从轻）'),
      ],
    },
    'pageOfPages',
    investigationReport,
  ),
  entry(
    {
      id: 'legal-review-opinion',
      name: '法制审核意见书',
      volume: '副卷',
      order: order['legal-review-opinion'],
      numberPattern: null,
      signer: '法制审核人员',
      fields: [
        c('caseNumber', '案件编号'),
        c('violationName', '案由'),
        c('partyName', '当事人名称'),
        c('officersWithCerts', '承办人'),
        c('penaltyArticle', '处罚依据'),
        c('fineWords', '拟罚款金额（大写）'),
        c('fineFigures', '拟罚款金额（小写）'),
        c('hearingHeldText', '听证情况'),
        i('legalReviewOpinion', '审核意见', 'multiline'),
        i('legalReviewConclusion', '审核结论（如：同意；建议修改后报批；不同意）', 'text'),
      ],
    },
    'pageOfPages',
    legalReviewOpinion,
  ),
  entry(
    {
      id: 'collective-discussion-record',
      name: '案件集体讨论笔录',
      volume: '副卷',
      order: order['collective-discussion-record'],
      numberPattern: null,
      signer: '主持人、出席人员、记录人',
      fields: [
        c('caseNumber', '案件编号'),
        c('partyName', '当事人名称'),
        ...violation,
        c('factsThirdPerson', '违法事实'),
        c('fineWords', '拟罚款金额（大写）'),
        c('fineFigures', '拟罚款金额（小写）'),
        c('reviewHistoryText', '听证、审核情况'),
        i('discussionTime', '讨论时间', 'datetime'),
        i('discussionPlace', '讨论地点', 'text'),
        i('discussionChair', '主持人', 'text'),
        i('discussionRecorder', '记录人', 'text'),
        i('discussionParticipants', '出席人员（姓名、职务）', 'text'),
        i('discussionContent', '讨论记录（各出席人员的意见）', 'multiline'),
        i('discussionConclusion', '讨论决定', 'multiline'),
      ],
    },
    'pageOfPages',
    collectiveDiscussionRecord,
  ),
];
