/**
 * A realistic case for document tests: a waste-plastic recycler in 天柱县 that built and ran its
 * plant without an approved EIA (未批先建; cf. 铜环高罚字〔2022〕3号), breaching 环评法 art. 25,
 * penalised under art. 31(1). The state is at 已结案 with every earlier step and document on
 * file (see fixtureSteps.ts for its timeline), so each template finds what it needs; tests of one
 * document take this state back to the point where that document is made when it matters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseState } from '#common/schemas/cases.js';
import type { TemplateInfo } from '#common/schemas/documents.js';
import { usccCheckChar } from '../domain/uscc.js';
import { templatesDir } from '../paths.js';
import { sampleBureauInfo, sampleDates, sampleInputs } from './fixtureInputs.js';
import {
  sampleApprovals,
  sampleDocuments,
  sampleNumbers,
  sampleReport,
  sampleServices,
  sampleSteps,
  sampleTracks,
} from './fixtureSteps.js';
import { renderDocx } from './render.js';
import { buildTemplateData } from './templateData.js';

export { sampleDates, sampleInputs } from './fixtureInputs.js';
export { sampleNumbers } from './fixtureSteps.js';

/** The demo bureau with its 本局文书信息 (本局设置): address, telephone, court, where fines are paid. */
export const sampleBureau = { name: '黔东南州生态环境局天柱分局', abbreviation: '黔东南环天', ...sampleBureauInfo };
export const sampleNoticeNumber = sampleNumbers['penalty-notice']!;
export const sampleDecisionNumber = sampleNumbers['penalty-decision']!;

const usccBody = '91522627MA6DLX3K0';
/** 统一社会信用代码 with its GB 32100 check character computed, not typed. */
export const sampleUscc = `${usccBody}${usccCheckChar(usccBody)}`;

export function sampleCaseState(): CaseState {
  return structuredClone({
    id: 'case-sample-1',
    number: '黔东南环天立字〔2026〕12号',
    bureauId: 'bureau-qdn-tianzhu',
    procedure: { id: 'ordinary', version: '2026.2' },
    node: 'closed',
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
      penaltyText:
        '责令停止建设，根据违法情节和危害后果，处建设项目总投资额百分之一以上百分之五以下的罚款，并可以责令恢复原状',
    },
    officers: [
      { id: 'off-01', name: '张伟', certificateNo: '贵环执字522627001', certificateValidUntil: '2029-12-31' },
      { id: 'off-02', name: '李娜', certificateNo: '贵环执字522627002', certificateValidUntil: '2029-12-31' },
    ],
    source: '现场检查',
    summary:
      '2026年3月2日，执法人员对贵州某某塑料再生有限公司进行现场检查，发现其年处理5万吨废塑料再生造粒建设项目环境影响报告表未经审批即开工建设，两条造粒生产线已建成并投入试生产。',
    partyKind: 'organisation',
    violationOn: '2025-11-15',
    continuing: true,
    discoveredOn: '2026-03-02',
    filedOn: '2026-03-03',
    openedAt: '2026-03-03T01:30:00.000Z',
    openedBy: '张伟',
    filingApprovedOn: '2026-03-03',
    report: sampleReport,
    noticeApprovedOn: '2026-03-11',
    noticedFine: 100000,
    defence: { statements: [], closedOn: '2026-03-30' },
    decision: { kind: 'penalty', fine: 100000, warning: false, approvedOn: '2026-04-02' },
    services: sampleServices,
    payments: [
      { amount: 40000, paidOn: '2026-04-10', receiptNo: '5200002600012345' },
      { amount: 60000, paidOn: '2026-06-15', receiptNo: '（2026）黔2627行审执12号' },
    ],
    documents: sampleDocuments,
    evidence: [
      {
        id: 'ev-1',
        kind: 'photo',
        fileName: '造粒生产线.jpg',
        mimeType: 'image/jpeg',
        hash: '1'.repeat(64),
        size: 204800,
        description: '已建成的两条造粒生产线',
        takenOn: '2026-03-02',
        addedAt: '2026-03-03T03:00:00.000Z',
        addedBy: '张伟',
      },
      {
        id: 'ev-2',
        kind: 'photo',
        fileName: '厂房全景.jpg',
        mimeType: 'image/jpeg',
        hash: '2'.repeat(64),
        size: 198400,
        description: '生产厂房全景及原料堆放情况',
        takenOn: '2026-03-02',
        addedAt: '2026-03-03T03:01:00.000Z',
        addedBy: '张伟',
      },
    ],
    approvals: sampleApprovals,
    // Bound at 结案 (2026-06-19) by 李娜, 保管期限 30年: the printed 卷宗封面 and 备考表 copy these figures.
    dossier: {
      pdfHash: 'd'.repeat(64),
      pages: 40,
      builtAt: '2026-06-19T02:00:00.000Z',
      retention: '30年',
      preparedBy: '李娜',
      volumes: [
        { volume: '正卷', pdfHash: 'd'.repeat(64), pages: 40, items: 32, numberedPages: 37 },
        { volume: '副卷', pdfHash: 'e'.repeat(64), pages: 12, items: 4, numberedPages: 10 },
      ],
    },
    returnTo: null,
    tracks: sampleTracks,
    steps: sampleSteps,
    overrides: [],
    closedOn: '2026-06-19',
    version: 58,
    lastHash: 'f'.repeat(64),
  } satisfies CaseState);
}

/**
 * The sample case as it stood on a day: the steps, documents, payments and services after that day
 * are taken out, so a document is tested with what the case held when it was made.
 */
export function sampleCaseStateOn(day: string): CaseState {
  const s = sampleCaseState();
  s.steps = s.steps.filter((x) => x.on <= day);
  s.documents = s.documents.filter((d) => d.generatedAt.slice(0, 10) <= day);
  s.payments = s.payments.filter((p) => p.paidOn <= day);
  s.services = s.services.filter((x) => x.servedOn <= day);
  s.approvals = s.approvals.filter((a) => a.at.slice(0, 10) <= day);
  s.tracks = s.tracks
    .filter((t) => t.startedOn <= day)
    .map((t) => (t.endedOn && t.endedOn > day ? { ...t, endedOn: null } : t));
  if (s.closedOn && s.closedOn > day) s.closedOn = null;
  return s;
}

/** The number a numbered template gets in the sample case. */
export function sampleNumber(t: TemplateInfo): string | null {
  return t.numberPattern ? (sampleNumbers[t.id] ?? null) : null;
}

/** The day a template's document is made in the sample case. */
export const sampleDay = (t: TemplateInfo): string => sampleDates[t.id] ?? '2026-04-01';

/** A template filled with the sample case as it stood on the document's day, as documents.generate would fill it. */
export function sampleDocx(
  t: TemplateInfo,
  fields: Record<string, string> = sampleInputs[t.id] ?? {},
  state: CaseState = sampleCaseStateOn(sampleDay(t)),
): Buffer {
  const data = buildTemplateData({ state, bureau: sampleBureau, number: sampleNumber(t), fields, today: sampleDay(t) });
  return renderDocx({
    template: t,
    templateBytes: readFileSync(join(templatesDir(), t.file)),
    data,
    number: sampleNumber(t),
  });
}
