/**
 * A realistic case for document tests: a waste-plastic recycler in 天柱县 that built and ran its
 * plant without an approved EIA (未批先建; cf. 铜环高罚字〔2022〕3号), breaching 环评法 art. 25,
 * penalised under art. 31(1). The state is at 结案申请 with every earlier document on file, so each
 * template finds what it needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseState, DocumentRecord } from '../../../common/schemas/cases.js';
import type { TemplateInfo } from '../../../common/schemas/documents.js';
import { usccCheckChar } from '../domain/uscc.js';
import { templatesDir } from '../paths.js';
import { renderDocx } from './render.js';
import { buildTemplateData } from './templateData.js';

export const sampleBureau = { name: '黔东南州生态环境局天柱分局', abbreviation: '黔东南环天' };
export const sampleNoticeNumber = '黔东南环天罚告字〔2026〕3号';
export const sampleDecisionNumber = '黔东南环天罚字〔2026〕5号';

const usccBody = '91522627MA6DLX3K0';
/** 统一社会信用代码 with its GB 32100 check character computed, not typed. */
export const sampleUscc = `${usccBody}${usccCheckChar(usccBody)}`;

function doc(type: string, name: string, number: string | null, on: string, fields: Record<string, string> = {}): DocumentRecord {
  return {
    id: `doc-${type}-${on}`, type, name: `《${name}》`, number, version: 1, docxHash: '0'.repeat(64), templateVersion: '2026.1',
    generatedAt: `${on}T02:00:00.000Z`, generatedBy: '张伟', fields,
  };
}

export function sampleCaseState(): CaseState {
  return {
    id: 'case-sample-1',
    number: '黔东南环天立字〔2026〕12号',
    bureauId: 'bureau-qdn-tianzhu',
    procedure: { id: 'ordinary', version: '2026.1' },
    node: 'closing.draft',
    party: {
      enterpriseId: 'ent-522627-0001',
      name: '贵州某某塑料再生有限公司',
      uscc: sampleUscc,
      legalRepresentative: '吴志刚',
      address: '贵州省黔东南苗族侗族自治州天柱县邦洞街道工业园区3号',
    },
    violation: {
      id: 'eia-unapproved-construction',
      name: '建设项目环境影响报告书（表）未经批准擅自开工建设（未批先建）',
      breached: [{ law: '《中华人民共和国环境影响评价法》', article: '第二十五条' }],
      penaltyArticle: { law: '《中华人民共和国环境影响评价法》', article: '第三十一条第一款' },
      band: { kind: 'percent', of: '建设项目总投资额', minPercent: 1, maxPercent: 5 },
      penaltyText: '责令停止建设，根据违法情节和危害后果，处建设项目总投资额百分之一以上百分之五以下的罚款，并可以责令恢复原状',
    },
    officers: [
      { id: 'off-01', name: '张伟', certificateNo: '贵环执字522627001', certificateValidUntil: '2029-12-31' },
      { id: 'off-02', name: '李娜', certificateNo: '贵环执字522627002', certificateValidUntil: '2029-12-31' },
    ],
    source: '现场检查',
    summary: '2026年3月2日，执法人员对贵州某某塑料再生有限公司进行现场检查，发现其年处理5万吨废塑料再生造粒建设项目环境影响报告表未经审批即开工建设，两条造粒生产线已建成并投入试生产。',
    partyKind: 'organisation',
    violationOn: '2025-11-15',
    continuing: true,
    discoveredOn: '2026-03-02',
    filedOn: '2026-03-03',
    openedAt: '2026-03-03T01:30:00.000Z',
    openedBy: '张伟',
    filingApprovedOn: '2026-03-03',
    report: {
      facts: '你单位年处理5万吨废塑料再生造粒建设项目位于天柱县邦洞街道工业园区，项目总投资500万元。该项目环境影响报告表未报经生态环境主管部门审批，你单位即于2025年11月擅自开工建设，至2026年3月2日执法人员现场检查时，已建成生产厂房及两条造粒生产线并投入试生产。',
      proposedFine: 100000,
      investment: 5000000,
      reasoning: '鉴于你单位项目总投资500万元，违法建设时间约四个月，案发后积极配合调查并停止建设，按照生态环境行政处罚裁量基准，按项目总投资额的百分之二予以处罚',
    },
    noticeApprovedOn: '2026-03-11',
    noticedFine: 100000,
    defence: { statements: [], closedOn: '2026-03-20' },
    decision: { kind: 'penalty', fine: 100000, warning: false, approvedOn: '2026-03-23' },
    services: [
      { documentType: '行政处罚事先告知书', servedOn: '2026-03-12', method: '直接送达', recipient: '吴志刚' },
      { documentType: '行政处罚决定书', servedOn: '2026-03-24', method: '直接送达', recipient: '吴志刚' },
    ],
    payments: [{ amount: 100000, paidOn: '2026-04-03', receiptNo: '5200002600012345' }],
    documents: [
      doc('filing-approval', '立案审批表', null, '2026-03-03'),
      doc('inspection-record', '现场检查(勘察)笔录', null, '2026-03-03'),
      doc('interview-record', '调查询问笔录', null, '2026-03-04'),
      doc('penalty-notice', '行政处罚事先告知书', sampleNoticeNumber, '2026-03-10'),
      doc('service-receipt', '送达回证', null, '2026-03-12', { servedDocument: '行政处罚事先告知书', servedOn: '2026-03-12', serviceMethod: '直接送达', recipient: '吴志刚' }),
      doc('penalty-decision', '行政处罚决定书', sampleDecisionNumber, '2026-03-23'),
      doc('service-receipt', '送达回证', null, '2026-03-24', { servedDocument: '行政处罚决定书', servedOn: '2026-03-24', serviceMethod: '直接送达', recipient: '吴志刚' }),
    ],
    evidence: [
      { id: 'ev-1', kind: 'photo', fileName: '造粒生产线.jpg', mimeType: 'image/jpeg', hash: '1'.repeat(64), size: 204800, description: '已建成的两条造粒生产线', takenOn: '2026-03-02', addedAt: '2026-03-03T03:00:00.000Z', addedBy: '张伟' },
      { id: 'ev-2', kind: 'photo', fileName: '厂房全景.jpg', mimeType: 'image/jpeg', hash: '2'.repeat(64), size: 198400, description: '生产厂房全景及原料堆放情况', takenOn: '2026-03-02', addedAt: '2026-03-03T03:01:00.000Z', addedBy: '张伟' },
    ],
    approvals: [
      { action: 'approveFiling', by: 'u-head', byName: '杨建国', at: '2026-03-03T06:00:00.000Z', comment: '同意立案。' },
      { action: 'approveNotice', by: 'u-head', byName: '杨建国', at: '2026-03-11T06:00:00.000Z', comment: '同意告知。' },
      { action: 'approveDecision', by: 'u-head', byName: '杨建国', at: '2026-03-23T06:00:00.000Z', comment: '同意。' },
    ],
    dossier: null,
    returnTo: null,
    tracks: [],
    steps: [],
    overrides: [],
    closedOn: null,
    version: 24,
    lastHash: 'f'.repeat(64),
  };
}

/** Values a clerk would type into each template's form, for the sample case. */
export const sampleInputs: Record<string, Record<string, string>> = {
  'filing-approval': {},
  'inspection-record': {
    inspectionTime: '2026-03-02 09:30', inspectionEnd: '2026-03-02 11:10', inspectionPlace: '贵州某某塑料再生有限公司生产厂区',
    onSitePerson: '吴志刚（法定代表人）',
    inspectionFindings: '检查时该公司两条废塑料造粒生产线正在试生产，配套建有生产厂房约2400平方米、原料堆场一处。现场负责人称该项目于2025年11月开工建设，环境影响报告表已委托编制，尚未报批。执法人员对现场进行了拍照取证。',
  },
  'interview-record': {
    interviewTime: '2026-03-04 14:00', interviewEnd: '2026-03-04 15:05', interviewPlace: '黔东南州生态环境局天柱分局询问室',
    interviewee: '吴志刚', intervieweeTitle: '法定代表人', intervieweeIdNo: '',
    interviewContent: '问：你公司年处理5万吨废塑料再生造粒项目是否办理了环境影响评价审批手续？\n答：环评报告表已委托编制，还没有报批。\n问：项目什么时候开工建设的？总投资多少？\n答：2025年11月开工，总投资500万元。',
  },
  'penalty-notice': {},
  'penalty-decision': {},
  'service-receipt': {
    servedDocument: '行政处罚决定书', servedOn: '2026-03-24', serviceMethod: '直接送达', serviceAddress: '贵州某某塑料再生有限公司办公室', recipient: '吴志刚',
  },
  'closing-approval': { closingOpinion: '当事人已于2026年4月3日全额缴纳罚款，处罚决定已执行完毕，建议结案。' },
};

/** The number a numbered template gets in the sample case. */
export function sampleNumber(t: TemplateInfo): string | null {
  if (t.id === 'penalty-notice') return sampleNoticeNumber;
  if (t.id === 'penalty-decision') return sampleDecisionNumber;
  return null;
}

/** A template filled with the sample case, as documents.generate would fill it on 2026-03-23. */
export function sampleDocx(t: TemplateInfo, fields: Record<string, string> = sampleInputs[t.id] ?? {}): Buffer {
  const data = buildTemplateData({ state: sampleCaseState(), bureau: sampleBureau, number: sampleNumber(t), fields, today: '2026-03-23' });
  return renderDocx({ template: t, templateBytes: readFileSync(join(templatesDir(), t.file)), data });
}
