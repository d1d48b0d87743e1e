/** 立案审批表 and 结案审批表: bordered forms whose opinion boxes are signed by hand. */
import { cell, heading, labelCell, opinionCell } from './blocks.js';
import { para, size, table } from './ooxml.js';

const columns = [28, 52, 26, 50];
const caseNumberLine = (): string => para('案件编号：{caseNumber}', { align: 'right', sz: size.小四, line: 24 });

export function filingApproval(): string[] {
  return [
    ...heading('立案审批表'),
    caseNumberLine(),
    table(columns, [
      { cells: [labelCell('案件来源'), cell('{source}'), labelCell('发现日期'), cell('{discoveredOn}')] },
      { cells: [labelCell('案　　由'), cell('{violationName}', { span: 3 })] },
      { cells: [labelCell('当 事 人'), cell('{partyName}', { span: 3 })] },
      { cells: [labelCell('统一社会信用代码'), cell('{partyUscc}'), labelCell('法定代表人'), cell('{partyLegalRep}')] },
      { cells: [labelCell('地　　址'), cell('{partyAddress}', { span: 3 })] },
      { minHeightMm: 30, cells: [labelCell('简要案情及立案理由'), cell([
        '{summary}',
        '经初步核查，当事人涉嫌违反{breachedArticles}的规定，依据{penaltyArticle}应当给予行政处罚。根据《中华人民共和国行政处罚法》第五十四条第二款的规定，建议立案调查。',
      ], { span: 3, vAlign: 'top' })] },
      { cells: [labelCell('承 办 人'), cell('{officersWithCerts}', { span: 3 })] },
      { minHeightMm: 20, cells: [labelCell('承办人意见'), opinionCell('建议立案。', '承办人')] },
      { minHeightMm: 20, cells: [labelCell('审核意见'), opinionCell('', '审核人')] },
      { minHeightMm: 20, cells: [labelCell('负责人审批意见'), opinionCell('', '负责人')] },
    ]),
  ];
}

export function closingApproval(): string[] {
  return [
    ...heading('结案审批表'),
    caseNumberLine(),
    table(columns, [
      { cells: [labelCell('案　　由'), cell('{violationName}', { span: 3 })] },
      { cells: [labelCell('当 事 人'), cell('{partyName}', { span: 3 })] },
      { cells: [labelCell('统一社会信用代码'), cell('{partyUscc}'), labelCell('法定代表人'), cell('{partyLegalRep}')] },
      { cells: [labelCell('立案日期'), cell('{filedOn}'), labelCell('决定日期'), cell('{decisionApprovedOn}')] },
      { cells: [labelCell('处罚决定书文号'), cell('{decisionNumber}', { span: 3 })] },
      { cells: [labelCell('处罚内容'), cell('罚款人民币{fineWords}（¥{fineFigures}）', { span: 3 })] },
      { cells: [labelCell('送达情况'), cell('{decisionServiceText}', { span: 3 })] },
      { minHeightMm: 18, cells: [labelCell('执行情况'), cell('{paymentsText}', { span: 3, vAlign: 'top' })] },
      { minHeightMm: 24, cells: [labelCell('承办人结案意见'), opinionCell('{closingOpinion}', '承办人')] },
      { minHeightMm: 20, cells: [labelCell('审核意见'), opinionCell('', '审核人')] },
      { minHeightMm: 20, cells: [labelCell('负责人审批意见'), opinionCell('', '负责人')] },
    ]),
  ];
}
