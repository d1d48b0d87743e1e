/**
 * Approval forms: bordered tables whose opinion boxes are signed by hand — 立案, 销案 and 结案审批表
 * (正卷), and the internal approvals filed in the 副卷 (2010 rule: 审查意见): 案件处理内部审批表,
 * 查封(扣押)审批表 (强制法 art. 18(1): a head approves before a coercive measure) and
 * 移送行政拘留案件审批表 (the situation and its article: citations.json `detentionReferral`).
 */
import { cell, heading, labelCell, opinionCell } from './blocks.js';
import { c, entry, i, order, party, violation, type CatalogEntry } from './fields.js';
import { para, size, table, type Row } from './ooxml.js';

const columns = [28, 52, 26, 50];
const caseNumberLine = (): string => para('案件编号：{caseNumber}', { align: 'right', sz: size.小四, line: 24 });
const approvalForm = (title: string, rows: Row[]): string[] => [
  ...heading(title),
  caseNumberLine(),
  table(columns, rows),
];

const partyRows = (): Row[] => [
  wideRow('当 事 人', '{partyName}'),
  { cells: [labelCell('统一社会信用代码'), cell('{partyUscc}'), labelCell('法定代表人'), cell('{partyLegalRep}')] },
  wideRow('地　　址', '{partyAddress}'),
];
/** A label and a value across the other three columns; a tall box (minHeightMm) is written from the top. */
function wideRow(label: string, value: string | string[], minHeightMm?: number): Row {
  if (minHeightMm === undefined) return { cells: [labelCell(label), cell(value, { span: 3 })] };
  return { minHeightMm, cells: [labelCell(label), cell(value, { span: 3, vAlign: 'top' })] };
}
const officersRow = wideRow('承 办 人', '{officersWithCerts}');
/** 案由 above the party's particulars, as most approval forms open. */
const caseRows = (): Row[] => [wideRow('案　　由', '{violationName}'), ...partyRows()];
const opinionRows = (proposal: string): Row[] => [
  { minHeightMm: 20, cells: [labelCell('承办人意见'), opinionCell(proposal, '承办人')] },
  { minHeightMm: 20, cells: [labelCell('审核意见'), opinionCell('', '审核人')] },
  { minHeightMm: 20, cells: [labelCell('负责人审批意见'), opinionCell('', '负责人')] },
];

export function filingApproval(): string[] {
  return [
    ...approvalForm('立案审批表', [
      { cells: [labelCell('案件来源'), cell('{source}'), labelCell('发现日期'), cell('{discoveredOn}')] },
      ...caseRows(),
      wideRow(
        '简要案情及立案理由',
        [
          '{summary}',
          '经初步核查，当事人涉嫌违反{breachedArticles}的规定，依据{penaltyArticle}应当给予行政处罚。根据《中华人民共和国行政处罚法》第五十四条第二款的规定，建议立案调查。',
        ],
        30,
      ),
      officersRow,
      ...opinionRows('建议立案。'),
    ]),
  ];
}

export function withdrawalApproval(): string[] {
  return [
    ...approvalForm('销案审批表', [
      ...caseRows(),
      { cells: [labelCell('立案日期'), cell('{filedOn}'), labelCell('立案审批'), cell('{filingApprovedOn}')] },
      officersRow,
      wideRow('撤销立案的理由', '{withdrawalReason}', 34),
      ...opinionRows('建议撤销立案（销案）。'),
    ]),
  ];
}

export function closingApproval(): string[] {
  return [
    ...approvalForm('结案审批表', [
      wideRow('案　　由', '{violationName}'),
      wideRow('当 事 人', '{partyName}'),
      { cells: [labelCell('统一社会信用代码'), cell('{partyUscc}'), labelCell('法定代表人'), cell('{partyLegalRep}')] },
      { cells: [labelCell('立案日期'), cell('{filedOn}'), labelCell('决定日期'), cell('{decisionApprovedOn}')] },
      wideRow('处罚决定书文号', '{decisionNumber}'),
      wideRow('处罚内容', '罚款人民币{fineWords}（¥{fineFigures}）'),
      wideRow('送达情况', '{decisionServiceText}'),
      wideRow('执行情况', '{paymentsText}', 18),
      { minHeightMm: 24, cells: [labelCell('承办人结案意见'), opinionCell('{closingOpinion}', '承办人')] },
      { minHeightMm: 20, cells: [labelCell('审核意见'), opinionCell('', '审核人')] },
      { minHeightMm: 20, cells: [labelCell('负责人审批意见'), opinionCell('', '负责人')] },
    ]),
  ];
}

/** 案件审查 (处罚法 art. 57): the investigators' findings and proposal put to the head. */
export function internalApproval(): string[] {
  return [
    ...approvalForm('案件处理内部审批表', [
      wideRow('案　　由', '{violationName}'),
      wideRow('当 事 人', '{partyName}'),
      { cells: [labelCell('立案日期'), cell('{filedOn}'), labelCell('审批事项'), cell('案件审查（拟作出行政处罚）')] },
      wideRow('违法事实', '{factsThirdPerson}', 24),
      wideRow('违反条款', '{breachedArticles}'),
      wideRow('处罚依据', '{penaltyArticle}'),
      wideRow('拟处理意见及裁量理由', ['拟罚款人民币{fineWords}（¥{fineFigures}）。', '{reasoningText}'], 20),
      officersRow,
      ...opinionRows('事实清楚，证据确凿，建议按上述意见处理。'),
    ]),
  ];
}

/** 查封(扣押)审批表: the head's approval before the measure (强制法 arts. 18(1), 22–23; the power: citations.json `seizure`). */
export function seizureApproval(): string[] {
  return [
    ...approvalForm('查封(扣押)审批表', [
      ...caseRows(),
      wideRow('查封、扣押的理由', '{seizureReason}', 24),
      {
        cells: [
          labelCell('法律依据'),
          cell('{seizureArticle}；《中华人民共和国行政强制法》第九条、第十八条、第二十二条至第二十五条', { span: 3 }),
        ],
      },
      wideRow('拟查封、扣押的场所、设施或者财物', '{seizurePlan}', 24),
      wideRow('拟定期限', '{seizureTerm}'),
      officersRow,
      ...opinionRows('建议实施查封（扣押）。'),
    ]),
  ];
}

/** 移送行政拘留案件审批表: a case in one of the situations of citations.json `detentionReferral` goes to the police, with the persons responsible. */
export function detentionReferralApproval(): string[] {
  return [
    ...approvalForm('移送行政拘留案件审批表', [
      ...caseRows(),
      wideRow('直接责任人员', '{responsiblePersons}'),
      wideRow('违法事实', '{factsThirdPerson}', 24),
      wideRow('移送理由及依据', ['{referralGrounds}', '适用情形：{detentionGround}（{detentionArticle}）'], 24),
      wideRow('接收机关', '{referralTo}'),
      officersRow,
      ...opinionRows('建议依照{detentionArticle}的规定移送公安机关。'),
    ]),
  ];
}

type ApprovalInfo = Omit<Parameters<typeof entry>[0], 'order' | 'numberPattern' | 'signer'> & {
  id: keyof typeof order;
};

/** Approval forms carry no document number, are signed by the three who decide, and number their pages. */
const approval = (info: ApprovalInfo, build: () => string[]): CatalogEntry =>
  entry(
    { ...info, order: order[info.id], numberPattern: null, signer: '承办人、审核人、负责人' },
    'pageOfPages',
    build,
  );

export const approvalEntries: CatalogEntry[] = [
  approval(
    {
      id: 'filing-approval',
      name: '立案审批表',
      volume: '正卷',
      fields: [
        c('caseNumber', '案件编号'),
        c('source', '案件来源'),
        c('discoveredOn', '发现日期'),
        ...party,
        ...violation,
        c('summary', '简要案情'),
        c('officersWithCerts', '承办人及执法证号'),
      ],
    },
    filingApproval,
  ),
  approval(
    {
      // Not yet listed by a procedure node: 撤销立案 (withdrawFiling) leaves investigation, report and review.
      id: 'withdrawal-approval',
      name: '销案审批表',
      volume: '正卷',
      fields: [
        c('caseNumber', '案件编号'),
        ...party,
        c('violationName', '案由'),
        c('filedOn', '立案日期'),
        c('filingApprovedOn', '立案批准日期'),
        c('officersWithCerts', '承办人及执法证号'),
        i('withdrawalReason', '撤销立案（销案）的理由', 'multiline'),
      ],
    },
    withdrawalApproval,
  ),
  approval(
    {
      id: 'closing-approval',
      name: '结案审批表',
      volume: '正卷',
      fields: [
        c('caseNumber', '案件编号'),
        ...party.slice(0, 3),
        c('violationName', '案由'),
        c('filedOn', '立案日期'),
        c('decisionNumber', '处罚决定书文号'),
        c('decisionApprovedOn', '决定日期'),
        c('fineWords', '罚款金额（大写）'),
        c('fineFigures', '罚款金额（小写）'),
        c('decisionServiceText', '送达情况'),
        c('paymentsText', '执行情况'),
        i('closingOpinion', '结案意见', 'multiline'),
      ],
    },
    closingApproval,
  ),
  approval(
    {
      // 2026.2: the 违法事实 box is 24 mm (was 30), so the form fits one page with room to spare in both engines.
      id: 'internal-approval',
      name: '案件处理内部审批表',
      version: '2026.2',
      volume: '副卷',
      fields: [
        c('caseNumber', '案件编号'),
        c('partyName', '当事人名称'),
        ...violation,
        c('filedOn', '立案日期'),
        c('factsThirdPerson', '违法事实'),
        c('fineWords', '拟罚款金额（大写）'),
        c('fineFigures', '拟罚款金额（小写）'),
        c('reasoningText', '裁量理由'),
        c('officersWithCerts', '承办人及执法证号'),
      ],
    },
    internalApproval,
  ),
  approval(
    {
      // 2026.2: the power to seize is cited as in force on the day (resources/laws/citations.json).
      id: 'seizure-approval',
      name: '查封(扣押)审批表',
      version: '2026.2',
      volume: '副卷',
      fields: [
        c('caseNumber', '案件编号'),
        ...party,
        c('violationName', '案由'),
        c('officersWithCerts', '承办人及执法证号'),
        c('seizureArticle', '查封、扣押的法律依据'),
        i('seizureReason', '查封、扣押的理由', 'multiline'),
        i('seizurePlan', '拟查封、扣押的场所、设施或者财物', 'multiline'),
        i('seizureTerm', '拟定期限（不超过三十日）', 'text'),
      ],
    },
    seizureApproval,
  ),
  approval(
    {
      // 2026.2: the clerk names the situation; its article is the one in force on the day (resources/laws/citations.json).
      id: 'detention-referral-approval',
      name: '移送行政拘留案件审批表',
      version: '2026.2',
      volume: '副卷',
      fields: [
        c('caseNumber', '案件编号'),
        ...party,
        c('violationName', '案由'),
        c('factsThirdPerson', '违法事实'),
        c('officersWithCerts', '承办人及执法证号'),
        i('responsiblePersons', '直接负责的主管人员和其他直接责任人员（姓名、职务）', 'text'),
        i('referralGrounds', '移送理由', 'multiline'),
        i(
          'detentionGround',
          '适用拘留的情形（填“未批先建拒不停止建设”“无证排污拒不停止排放”“逃避监管排放污染物”或“使用禁用农药拒不改正”）',
          'text',
        ),
        c('detentionArticle', '移送拘留的法律依据'),
        i('referralTo', '接收机关（公安机关）', 'text'),
      ],
    },
    detentionReferralApproval,
  ),
];
