/**
 * An enterprise's page: its record, its cases (from the cases projection, by the party's
 * enterprise id) and its inspections (the 现场检查(勘察)笔录 documents of those cases).
 */
import type { CaseState } from '../../../common/schemas/cases.js';
import type { EnterpriseInspection, EnterprisePage } from '../../../common/schemas/enterprises.js';
import { AppError } from '../../../common/errors.js';
import type { Services } from '../services.js';

const inspectionType = 'inspection-record';

type CaseRow = { id: string; number: string; party_name: string; violation_name: string; node: string; filed_on: string; updated_at: string; closed: number; state: string };

export function enterprisePage(services: Services, id: string): EnterprisePage {
  const enterprise = services.enterprises.get(id);
  if (!enterprise) throw new AppError('NOT_FOUND', '企业名录中没有该企业');
  const names = new Map<string, string>();
  for (const def of services.procedures.values()) if (def.kind === 'main') for (const n of def.nodes) names.set(n.id, n.name);
  const rows = services.db.prepare(`SELECT id, number, party_name, violation_name, node, filed_on, updated_at, closed, state
    FROM cases WHERE enterprise_id = ? ORDER BY filed_on DESC, id`).all(id) as CaseRow[];
  const inspections: EnterpriseInspection[] = [];
  for (const r of rows) {
    const state = JSON.parse(r.state) as CaseState;
    for (const d of state.documents.filter((x) => x.type === inspectionType)) {
      inspections.push({
        caseId: r.id, caseNumber: r.number, documentId: d.id, version: d.version, generatedAt: d.generatedAt, generatedBy: d.generatedBy,
        inspectionTime: d.fields.inspectionTime ?? '', place: d.fields.inspectionPlace ?? '', findings: d.fields.inspectionFindings ?? '',
      });
    }
  }
  inspections.sort((a, b) => (b.inspectionTime || b.generatedAt).localeCompare(a.inspectionTime || a.generatedAt));
  return {
    enterprise,
    cases: rows.map((r) => ({
      id: r.id, number: r.number, partyName: r.party_name, violationName: r.violation_name, node: r.node,
      nodeName: names.get(r.node) ?? r.node, filedOn: r.filed_on, updatedAt: r.updated_at, closed: r.closed === 1,
    })),
    inspections,
  };
}
