/** Recommendations: likely violation types, missing evidence, prior violations that count as repetition. */
import { AppError } from '#common/errors.js';
import type { PriorCase } from '#common/schemas/discretion.js';
import { evidenceChecklist, presentTokens } from '#core/domain/recommend/missingEvidence.js';
import { firstViolationNote, repetitionOutcomes } from '#core/domain/recommend/priorViolations.js';
import { rankViolations } from '#core/domain/recommend/rankViolations.js';
import type { Services } from '#core/services.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';
import type { UserRow } from '#core/store/directory.js';
import { canSeeCase } from '#core/application/caseAccess.js';
import { typesStandingOn } from '#core/domain/legalBasis/standingType.js';
import { typeIndex } from '#core/application/legalBasis.js';
import { today } from '#core/application/caseView.js';

type RecommendOps = 'recommend.violations' | 'recommend.missingEvidence' | 'recommend.priorViolations';

function industryOf(services: Services, enterpriseId: string | undefined): string | undefined {
  if (!enterpriseId) return undefined;
  return services.enterprises.get(enterpriseId)?.industryCode || undefined;
}

/**
 * The party's decided penalties, from the case projections (cases.enterprise_id is generated from the
 * state). Every one counts for the rules (从重 discretion looks at all of them); `visible` says which
 * the caller may see in detail (api/caseAccess.ts).
 */
function decidedPenalties(
  services: Services,
  user: UserRow,
  enterpriseId: string,
  excludeCaseId: string | undefined,
): { priors: PriorCase[]; visible: Set<string> } {
  const categories = new Map(services.discretion.benchmark().violations.map((v) => [v.id, v.category]));
  const priors: PriorCase[] = [];
  const visible = new Set<string>();
  for (const { state: s } of services.cases.projection.states({ enterpriseId })) {
    if (s.id === excludeCaseId) continue;
    if (s.decision?.kind !== 'penalty' || !s.decision.approvedOn) continue;
    priors.push({
      caseId: s.id,
      number: s.number,
      violationId: s.violation.id,
      violationName: s.violation.name,
      category: categories.get(s.violation.id) ?? null,
      decidedOn: s.decision.approvedOn,
      fine: s.decision.fine,
    });
    if (canSeeCase(user, s)) visible.add(s.id);
  }
  return { priors, visible };
}

export const recommendHandlers: HandlerMap<RecommendOps> = {
  'recommend.violations': ({ text, industry, enterpriseId, limit, on }, { services }) => {
    const benchmark = services.discretion.benchmark();
    // Only the types resting on the law of the act's day: after 2026-08-15 the Code's, not the repealed laws'.
    const standing = typesStandingOn(typeIndex(services), benchmark.violations, on ?? today(services));
    return {
      benchmarkVersion: benchmark.version,
      results: rankViolations(standing, text, industry ?? industryOf(services, enterpriseId), limit),
    };
  },

  'recommend.missingEvidence': (input, { services }) => {
    const benchmark = services.discretion.benchmark();
    let violationId: string;
    let present = input.present;
    if ('caseId' in input) {
      const state = services.cases.get(input.caseId);
      violationId = state.violation.id;
      present = [...present, ...presentTokens(state.documents, state.evidence)];
    } else violationId = input.violationId;
    const entry = benchmark.violations.find((v) => v.id === violationId);
    if (!entry)
      throw new AppError(
        'NOT_FOUND',
        `裁量基准（${benchmark.version}）中没有违法行为“${violationId}”，无法列出所需证据`,
      );
    const items = evidenceChecklist(benchmark, entry, present);
    return {
      violationId,
      violationName: entry.name,
      benchmarkVersion: benchmark.version,
      items,
      missing: items.filter((i) => !i.present).map((i) => i.name),
    };
  },

  'recommend.priorViolations': ({ enterpriseId, date, violationId, excludeCaseId }, ctx) => {
    const { services } = ctx;
    const benchmark = services.discretion.benchmark();
    const category = violationId ? (benchmark.violations.find((v) => v.id === violationId)?.category ?? null) : null;
    const { priors, visible } = decidedPenalties(services, requireUser(ctx), enterpriseId, excludeCaseId);
    const outcome = repetitionOutcomes(priors, benchmark.repetition, {
      date,
      category,
      violationId: violationId ?? null,
    });
    // another officer's case shows its decision date only; the rules still count it.
    const shown = outcome.before.map((p) =>
      visible.has(p.caseId)
        ? { ...p, restricted: false as const }
        : { restricted: true as const, decidedOn: p.decidedOn },
    );
    const rules = outcome.rules.map((r) => ({
      ...r,
      caseIds: r.caseIds.filter((id) => visible.has(id)),
      otherCases: r.caseIds.filter((id) => !visible.has(id)).length,
    }));
    return {
      enterpriseId,
      date,
      priors: shown,
      rules,
      firstViolation: outcome.firstViolation,
      note: outcome.firstViolation
        ? `此前未受过行政处罚：${firstViolationNote}`
        : '期限自前次处罚决定作出之日起算；两高2023年解释第十九条自前次处罚生效之日起算，临界情形请人工核对',
    };
  },
};
