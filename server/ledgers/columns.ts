/**
 * The columns of the two ledgers (台账) exported from the portal, and each row from what the server holds.
 * Pure. The seed system's report names no columns: these are our proposal (docs/ledgers.md), after the
 * registers a county branch keeps by hand — one row per case, and one per field inspection.
 */
import type { CaseState } from '#common/schemas/cases.js';

export type Cell = string | number | null;

export interface LedgerColumn {
  header: string;
  width: number;
}

export const caseLedgerColumns: LedgerColumn[] = [
  { header: '序号', width: 6 },
  { header: '办案单位', width: 28 },
  { header: '案号', width: 22 },
  { header: '立案日期', width: 12 },
  { header: '当事人', width: 28 },
  { header: '统一社会信用代码', width: 22 },
  { header: '案由（违法行为）', width: 28 },
  { header: '案件来源', width: 12 },
  { header: '承办人员', width: 16 },
  { header: '办理环节', width: 14 },
  { header: '决定类型', width: 10 },
  { header: '决定日期', width: 12 },
  { header: '罚款金额（元）', width: 14 },
  { header: '已缴金额（元）', width: 14 },
  { header: '未缴金额（元）', width: 14 },
  { header: '结案日期', width: 12 },
];

const decisionKinds: Record<string, string> = { penalty: '处罚', noPenalty: '不予处罚', transfer: '移送' };

/** The parts of a case's projection the ledger reads (ledgers.ts selects only these, not the whole state). */
export type LedgerCase = Pick<CaseState, 'number' | 'filedOn' | 'source' | 'closedOn' | 'decision' | 'payments'> & {
  party: Pick<CaseState['party'], 'name' | 'uscc'>;
  violation: Pick<CaseState['violation'], 'name'>;
  officers: Array<Pick<CaseState['officers'][number], 'name'>>;
};

export interface CaseLedgerSource {
  bureauName: string;
  nodeName: string;
  state: LedgerCase;
}

export function caseLedgerRow(n: number, c: CaseLedgerSource): Cell[] {
  const s = c.state;
  const decided = s.decision?.approvedOn ? s.decision : null;
  const fine = decided?.kind === 'penalty' ? decided.fine : null;
  const paid = s.payments.reduce((x, p) => x + p.amount, 0);
  return [
    n,
    c.bureauName,
    s.number,
    s.filedOn,
    s.party.name,
    s.party.uscc,
    s.violation.name,
    s.source,
    [...new Set(s.officers.map((o) => o.name))].join('、'),
    s.closedOn ? '已结案' : c.nodeName,
    decided ? (decisionKinds[decided.kind] ?? decided.kind) : '',
    decided?.approvedOn ?? '',
    fine,
    fine === null ? null : Math.min(paid, fine),
    fine === null ? null : Math.max(fine - paid, 0),
    s.closedOn ?? '',
  ];
}

export const inspectionLedgerColumns: LedgerColumn[] = [
  { header: '序号', width: 6 },
  { header: '检查单位', width: 28 },
  { header: '任务名称', width: 24 },
  { header: '下达单位', width: 24 },
  { header: '检查对象', width: 28 },
  { header: '统一社会信用代码', width: 22 },
  { header: '检查人员', width: 16 },
  { header: '检查日期', width: 12 },
  { header: '检查结果', width: 12 },
  { header: '发现的问题', width: 36 },
  { header: '是否立案', width: 10 },
  { header: '案号', width: 22 },
];

export interface InspectionLedgerSource {
  countyName: string;
  taskName: string;
  taskBureauName: string;
  enterpriseName: string;
  uscc: string;
  officerNames: string[];
  inspectedOn: string | null;
  result: 'clean' | 'issues' | null;
  findings: string | null;
  caseNumber: string | null;
}

export function inspectionLedgerRow(n: number, a: InspectionLedgerSource): Cell[] {
  return [
    n,
    a.countyName,
    a.taskName,
    a.taskBureauName,
    a.enterpriseName,
    a.uscc,
    a.officerNames.join('、'),
    a.inspectedOn ?? '',
    a.result === 'clean' ? '未发现问题' : a.result === 'issues' ? '发现问题' : '未检查',
    a.findings ?? '',
    a.caseNumber ? '是' : '否',
    a.caseNumber ?? '',
  ];
}
