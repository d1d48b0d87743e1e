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

const partyRows = (): Row[] => [
  { cells: [labelCell('当 事 人'), cell('{partyName}', { span: 3 })] },
  { cells: [labelCell('统一社会信用代码'), cell('{partyUscc}'), labelCell('法定代表人'), cell('{partyLegalRep}')] },
  { cells: [labelCell('地　　址'), cell('{partyAddress}', { span: 3 })] },
];
const opinionRows = (proposal: string): Row[] => [
  { minHeightMm: 20, cells: [labelCell('承办人意见'), opinionCell(proposal, '承办人')] },
  { minHeightMm: 20, cells: [labelCell('审核意见'), opinionCell('', '审核人')] },
  { minHeightMm: 20, cells: [labelCell('负责人审批意见'), opinionCell('', '负责人')] },
];

export function filingApproval(): string[] {
  return [
    ...heading('立案审批表'),
    caseNumberLine(),
    table(columns, [
      { cells: [labelCell('案件来源'), cell('{source}'), labelCell('发现日期'), cell('{discoveredOn}')] },
      { cells: [labelCell('案　　由'), cell('{violationName}', { span: 3 })] },
      ...partyRows(),
      {
        minHeightMm: 30,
        cells: [
          labelCell('简要案情及立案理由'),
          cell(
            [
              '{summary}',
              '经初步核查，当事人涉嫌违反{breachedArticles}的规定，依据{penaltyArticle}应当给予行政处罚。根据《中华人民共和国行政处罚法》第五十四条第二款的规定，建议立案调查。',
            ],
            { span: 3, vAlign: 'top' },
          ),
        ],
      },
      { cells: [labelCell('承 办 人'), cell('{officersWithCerts}', { span: 3 })] },
      ...opinionRows('建议立案。'),
    ]),
  ];
}

export function withdrawalApproval(): string[] {
  return [
    ...heading('销案审批表'),
    caseNumberLine(),
    table(columns, [
      { cells: [labelCell('案　　由'), cell('{violationName}', { span: 3 })] },
      ...partyRows(),
      { cells: [labelCell('立案日期'), cell('{filedOn}'), labelCell('立案审批'), cell('{filingApprovedOn}')] },
      { cells: [labelCell('承 办 人'), cell('{officersWithCerts}', { span: 3 })] },
      { minHeightMm: 34, cells: [labelCell('撤销立案的理由'), cell('{withdrawalReason}', { span: 3, vAlign: 'top' })] },
      ...opinionRows('建议撤销立案（销案）。'),
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

/** 案件审查 (处罚法 art. 57): the investigators' findings and proposal put to the head. */
export function internalApproval(): string[] {
  return [
    ...heading('案件处理内部审批表'),
    caseNumberLine(),
    table(columns, [
      { cells: [labelCell('案　　由'), cell('{violationName}', { span: 3 })] },
      { cells: [labelCell('当 事 人'), cell('{partyName}', { span: 3 })] },
      { cells: [labelCell('立案日期'), cell('{filedOn}'), labelCell('审批事项'), cell('案件审查（拟作出行政处罚）')] },
      { minHeightMm: 24, cells: [labelCell('违法事实'), cell('{factsThirdPerson}', { span: 3, vAlign: 'top' })] },
      { cells: [labelCell('违反条款'), cell('{breachedArticles}', { span: 3 })] },
      { cells: [labelCell('处罚依据'), cell('{penaltyArticle}', { span: 3 })] },
      {
        minHeightMm: 20,
        cells: [
          labelCell('拟处理意见及裁量理由'),
          cell(['拟罚款人民币{fineWords}（¥{fineFigures}）。', '{reasoningText}'], { span: 3, vAlign: 'top' }),
        ],
      },
      { cells: [labelCell('承 办 人'), cell('{officersWithCerts}', { span: 3 })] },
      ...opinionRows('事实清楚，证据确凿，建议按上述意见处理。'),
    ]),
  ];
}

/** 查封(扣押)审批表: the head's approval before the measure (强制法 arts. 18(1), 22–23; the power: citations.json `seizure`). */
export function seizureApproval(): string[] {
  return [
    ...heading('查封(扣押)审批表'),
    caseNumberLine(),
    table(columns, [
      { cells: [labelCell('案　　由'), cell('{violationName}', { span: 3 })] },
      ...partyRows(),
      { minHeightMm: 24, cells: [labelCell('查封、扣押的理由'), cell('{seizureReason}', { span: 3, vAlign: 'top' })] },
      {
        cells: [
          labelCell('法律依据'),
          cell('{seizureArticle}；《中华人民共和国行政强制法》第九条、第十八条、第二十二条至第二十五条', { span: 3 }),
        ],
      },
      {
        minHeightMm: 24,
        cells: [labelCell('拟查封、扣押的场所、设施或者财物'), cell('{seizurePlan}', { span: 3, vAlign: 'top' })],
      },
      { cells: [labelCell('拟定期限'), cell('{seizureTerm}', { span: 3 })] },
      { cells: [labelCell('承 办 人'), cell('{officersWithCerts}', { span: 3 })] },
      ...opinionRows('建议实施查封（扣押）。'),
    ]),
  ];
}

/** 移送行政拘留案件审批表: a case in one of the situations of citations.json `detentionReferral` goes to the police, with the persons responsible. */
export function detentionReferralApproval(): string[] {
  return [
    ...heading('移送行政拘留案件审批表'),
    caseNumberLine(),
    table(columns, [
      { cells: [labelCell('案　　由'), cell('{violationName}', { span: 3 })] },
      ...partyRows(),
      { cells: [labelCell('直接责任人员'), cell('{responsiblePersons}', { span: 3 })] },
      { minHeightMm: 24, cells: [labelCell('违法事实'), cell('{factsThirdPerson}', { span: 3, vAlign: 'top' })] },
      {
        minHeightMm: 24,
        cells: [
          labelCell('移送理由及依据'),
          cell(['{referralGrounds}', '适用情形：{detentionGround}（{detentionArticle}）'], { span: 3, vAlign: 'top' }),
        ],
      },
      { cells: [labelCell('接收机关'), cell('{referralTo}', { span: 3 })] },
      { cells: [labelCell('承 办 人'), cell('{officersWithCerts}', { span: 3 })] },
      ...opinionRows('建议依照{detentionArticle}的规定移送公安机关。'),
    ]),
  ];
}

const approvalSigner = '承办人、审核人、负责人';

export const approvalEntries: CatalogEntry[] = [
  entry(
    {
      id: 'filing-approval',
      name: '立案审批表',
      volume: '正卷',
      order: order['filing-approval'],
      numberPattern: null,
      signer: approvalSigner,
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
    'pageOfPages',
    filingApproval,
  ),
  entry(
    {
      // Not yet listed by a procedure node: 撤销立案 (withdrawFiling) leaves investigation, report and review.
      id: 'withdrawal-approval',
      name: '销案审批表',
      volume: '正卷',
      order: order['withdrawal-approval'],
      numberPattern: null,
      signer: approvalSigner,
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
    'pageOfPages',
    withdrawalApproval,
  ),
  entry(
    {
      id: 'closing-approval',
      name: '结案审批表',
      volume: '正卷',
      order: order['closing-approval'],
      numberPattern: null,
      signer: approvalSigner,
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
    'pageOfPages',
    closingApproval,
  ),
  entry(
    {
      // 2026.2: the 违法事实 box is 24 mm (was 30), so the form fits one page with room to spare in both engines.
      id: 'internal-approval',
      name: '案件处理内部审批表',
      version: '2026.2',
      volume: '副卷',
      order: order['internal-approval'],
      numberPattern: null,
      signer: approvalSigner,
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
    'pageOfPages',
    internalApproval,
  ),
  entry(
    {
      // 2026.2: the power to seize is cited as in force on the day (resources/laws/citations.json).
      id: 'seizure-approval',
      name: '查封(扣押)审批表',
      version: '2026.2',
      volume: '副卷',
      order: order['seizure-approval'],
      numberPattern: null,
      signer: approvalSigner,
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
    'pageOfPages',
    seizureApproval,
  ),
  entry(
    {
      // 2026.2: the clerk names the situation; its article is the one in force on the day (resources/laws/citations.json).
      id: 'detention-referral-approval',
      name: '移送行政拘留案件审批表',
      version: '2026.2',
      volume: '副卷',
      order: order['detention-referral-approval'],
      numberPattern: null,
      signer: approvalSigner,
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
    'pageOfPages',
    detentionReferralApproval,
  ),
];
