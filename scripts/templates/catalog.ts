/**
 * The seven documents of the foundation: their manifest entries (templates/manifest.json) and the
 * builders of their bodies. Dossier order follows the 2010 rule for the 正卷: the decision (and its
 * 送达回证, placed right after it by the dossier builder), 立案审批, investigation records, the
 * notice (and its 回证), …, closing.
 */
import type { TemplateField, TemplateInfo } from '../../common/schemas/documents.js';
import { closingApproval, filingApproval } from './approvals.js';
import { penaltyDecision, penaltyNotice } from './decisions.js';
import type { FooterKind } from './ooxml.js';
import { serviceReceipt } from './receipt.js';
import { inspectionRecord, interviewRecord } from './records.js';

export const templateVersion = '2026.1';

const c = (key: string, label: string): TemplateField => ({ key, label, source: 'case', required: true });
const i = (key: string, label: string, input: NonNullable<TemplateField['input']>, required = true): TemplateField =>
  ({ key, label, source: 'input', input, required });

const party = [c('partyName', '当事人名称'), c('partyUscc', '统一社会信用代码'), c('partyLegalRep', '法定代表人'), c('partyAddress', '地址')];
const violation = [c('violationName', '案由'), c('breachedArticles', '违反的法律条款'), c('penaltyArticle', '处罚依据')];
const fine = [c('fineWords', '罚款金额（大写）'), c('fineFigures', '罚款金额（小写）')];

export interface CatalogEntry { info: TemplateInfo; footer: FooterKind; body: () => string[] }

const entry = (info: Omit<TemplateInfo, 'version' | 'file'>, footer: FooterKind, body: () => string[]): CatalogEntry =>
  ({ info: { ...info, file: `${info.id}.docx`, version: templateVersion }, footer, body });

export const catalog: CatalogEntry[] = [
  entry({
    id: 'filing-approval', name: '立案审批表', nodes: ['filing.draft'], volume: '正卷', order: 2, numberPattern: null,
    signer: '承办人、审核人、负责人',
    fields: [c('caseNumber', '案件编号'), c('source', '案件来源'), c('discoveredOn', '发现日期'), ...party, ...violation,
      c('summary', '简要案情'), c('officersWithCerts', '承办人及执法证号')],
  }, 'pageOfPages', filingApproval),
  entry({
    id: 'inspection-record', name: '现场检查(勘察)笔录', nodes: ['investigation'], volume: '正卷', order: 3, numberPattern: null,
    signer: '检查人、记录人、现场负责人',
    fields: [...party, c('officer1Name', '检查人'), c('officer1Cert', '检查人执法证号'), c('officer2Name', '检查人（记录人）'), c('officer2Cert', '记录人执法证号'),
      i('inspectionTime', '检查开始时间', 'datetime'), i('inspectionEnd', '检查结束时间', 'datetime', false),
      i('inspectionPlace', '检查地点', 'text'), i('onSitePerson', '现场负责人（姓名、职务）', 'text'),
      i('inspectionFindings', '检查情况', 'multiline')],
  }, 'pageOfPages', inspectionRecord),
  entry({
    id: 'interview-record', name: '调查询问笔录', nodes: ['investigation'], volume: '正卷', order: 4, numberPattern: null,
    signer: '询问人、记录人、被询问人',
    fields: [c('partyName', '当事人名称'), c('violationName', '案由'), c('officer1Name', '询问人'), c('officer1Cert', '询问人执法证号'),
      c('officer2Name', '询问人（记录人）'), c('officer2Cert', '记录人执法证号'),
      i('interviewTime', '询问开始时间', 'datetime'), i('interviewEnd', '询问结束时间', 'datetime', false),
      i('interviewPlace', '询问地点', 'text'), i('interviewee', '被询问人', 'text'), i('intervieweeTitle', '被询问人职务', 'text'),
      i('intervieweeIdNo', '被询问人身份证号码', 'text', false), i('interviewContent', '询问内容', 'multiline')],
  }, 'pageOfPages', interviewRecord),
  entry({
    id: 'penalty-notice', name: '行政处罚事先告知书', nodes: ['notice.draft'], volume: '正卷', order: 5,
    numberPattern: '{abbr}罚告字〔{year}〕{seq}号', signer: '行政机关（印章）',
    fields: [c('docNumber', '文号'), ...party, c('facts', '违法事实'), c('evidenceList', '证据'), ...violation, c('penaltyText', '罚则'),
      c('reasoning', '裁量理由'), ...fine, c('hearingRight', '是否告知听证权利')],
  }, 'dash', penaltyNotice),
  entry({
    id: 'penalty-decision', name: '行政处罚决定书', nodes: ['decision.draft'], volume: '正卷', order: 1,
    numberPattern: '{abbr}罚字〔{year}〕{seq}号', signer: '行政机关（印章）',
    fields: [c('docNumber', '文号'), ...party, c('facts', '违法事实'), c('evidenceList', '证据'), c('noticeHistory', '告知及陈述申辩情况'),
      ...violation, c('penaltyText', '罚则'), c('reasoning', '裁量理由'), ...fine, c('reviewOrgan', '行政复议机关'),
      i('defenceReview', '对陈述申辩意见的复核意见', 'multiline', false)],
  }, 'dash', penaltyDecision),
  entry({
    id: 'service-receipt', name: '送达回证', nodes: ['notice.service', 'service'], volume: '正卷', order: 9, numberPattern: null,
    signer: '送达人、收件人',
    fields: [c('partyName', '受送达人'), c('officersWithCerts', '送达人'), c('servedDocumentTitle', '送达文书名称及文号'),
      i('servedDocument', '送达文书', 'text'), i('servedOn', '送达日期', 'date'), i('serviceMethod', '送达方式', 'text'),
      i('serviceAddress', '送达地点', 'text'), i('recipient', '收件人', 'text'), i('serviceNote', '备注', 'multiline', false)],
  }, 'pageOfPages', serviceReceipt),
  entry({
    id: 'closing-approval', name: '结案审批表', nodes: ['closing.draft'], volume: '正卷', order: 8, numberPattern: null,
    signer: '承办人、审核人、负责人',
    fields: [c('caseNumber', '案件编号'), ...party, c('violationName', '案由'), c('filedOn', '立案日期'), c('decisionNumber', '处罚决定书文号'),
      c('decisionApprovedOn', '决定日期'), ...fine, c('decisionServiceText', '送达情况'), c('paymentsText', '执行情况'),
      i('closingOpinion', '结案意见', 'multiline')],
  }, 'pageOfPages', closingApproval),
];
