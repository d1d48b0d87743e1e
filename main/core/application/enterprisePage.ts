/**
 * An enterprise's page: its record, its cases (from the cases projection, by the party's
 * enterprise id) and its inspections (the 现场检查(勘察)笔录 documents of those cases).
 *
 * only the cases the caller may see (an officer his own, reviewers and heads the bureau's,
 * api/caseAccess.ts); the others are counted in `otherCases`, nothing more (docs/security.md).
 */
import type { EnterpriseInspection, EnterprisePage } from '#common/schemas/enterprises.js';
import { AppError } from '#common/errors.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { caseScope } from './caseAccess.js';

const inspectionType = 'inspection-record';

export function enterprisePage(services: Services, id: string, user: UserRow): EnterprisePage {
  const enterprise = services.enterprises.get(id);
  if (!enterprise) throw new AppError('NOT_FOUND', '企业名录中没有该企业');
  const names = new Map<string, string>();
  for (const def of services.procedures.values())
    if (def.kind === 'main') for (const n of def.nodes) names.set(n.id, n.name);
  const states = services.cases.projection.states({ enterpriseId: id }, caseScope(user));
  const inspections: EnterpriseInspection[] = [];
  for (const { state } of states) {
    for (const d of state.documents.filter((x) => x.type === inspectionType)) {
      inspections.push({
        caseId: state.id,
        caseNumber: state.number,
        documentId: d.id,
        version: d.version,
        generatedAt: d.generatedAt,
        generatedBy: d.generatedBy,
        inspectionTime: d.fields.inspectionTime ?? '',
        place: d.fields.inspectionPlace ?? '',
        findings: d.fields.inspectionFindings ?? '',
      });
    }
  }
  inspections.sort((a, b) => (b.inspectionTime || b.generatedAt).localeCompare(a.inspectionTime || a.generatedAt));
  return {
    enterprise,
    cases: states.map(({ state: s, updatedAt }) => ({
      id: s.id,
      number: s.number,
      partyName: s.party.name,
      violationName: s.violation.name,
      node: s.node,
      nodeName: names.get(s.node) ?? s.node,
      filedOn: s.filedOn,
      updatedAt,
      closed: Boolean(s.closedOn),
    })),
    otherCases: services.cases.projection.count({ enterpriseId: id }) - states.length,
    inspections,
  };
}
