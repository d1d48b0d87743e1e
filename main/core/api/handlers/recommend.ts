/** Recommendations (issue 5): likely violation types, missing evidence, prior violations that count as repetition. */
import { AppError } from '../../../../common/errors.js';
import type { PriorCase } from '../../../../common/schemas/discretion.js';
import { evidenceChecklist, presentTokens } from '../../domain/recommend/missingEvidence.js';
import { firstViolationNote, repetitionOutcomes } from '../../domain/recommend/priorViolations.js';
import { rankViolations } from '../../domain/recommend/rankViolations.js';
import type { Services } from '../../services.js';
import type { HandlerMap } from '../types.js';
import { typesStandingOn } from '../../domain/legalBasis/standingType.js';
import { typeIndex } from '../legalBasis.js';
import { today } from '../caseView.js';

type RecommendOps = 'recommend.violations' | 'recommend.missingEvidence' | 'recommend.priorViolations';

function industryOf(services: Services, enterpriseId: string | undefined): string | undefined {
  if (!enterpriseId) return undefined;
  const row = services.db.prepare('SELECT industry_code FROM enterprises WHERE id = ?').get(enterpriseId) as { industry_code: string } | undefined;
  return row?.industry_code || undefined;
}

interface DecidedState {
  number: string;
  violation: { id: string; name: string };
  decision: { kind: string; fine: number; approvedOn: string | null } | null;
}

/** The party's decided penalties, from the case projections (cases.enterprise_id is generated from the state). */
function decidedPenalties(services: Services, enterpriseId: string, excludeCaseId: string | undefined): PriorCase[] {
  const categories = new Map(services.discretion.benchmark().violations.map((v) => [v.id, v.category]));
  const rows = services.db.prepare('SELECT id, state FROM cases WHERE enterprise_id = ?').all(enterpriseId) as Array<{ id: string; state: string }>;
  const out: PriorCase[] = [];
  for (const r of rows) {
    if (r.id === excludeCaseId) continue;
    const s = JSON.parse(r.state) as DecidedState;
    if (s.decision?.kind !== 'penalty' || !s.decision.approvedOn) continue;
    out.push({
      caseId: r.id, number: s.number, violationId: s.violation.id, violationName: s.violation.name,
      category: categories.get(s.violation.id) ?? null, decidedOn: s.decision.approvedOn, fine: s.decision.fine,
    });
  }
  return out;
}

export const recommendHandlers: HandlerMap<RecommendOps> = {
  'recommend.violations': ({ text, industry, enterpriseId, limit, on }, { services }) => {
    const benchmark = services.discretion.benchmark();
    // Only the types resting on the law of the act's day: after 2026-08-15 the Code's, not the repealed laws'.
    const standing = typesStandingOn(typeIndex(services), benchmark.violations, on ?? today(services));
    return { benchmarkVersion: benchmark.version, results: rankViolations(standing, text, industry ?? industryOf(services, enterpriseId), limit) };
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
    if (!entry) throw new AppError('NOT_FOUND', `裁量基准（${benchmark.version}）中没有违法行为“${violationId}”，无法列出所需证据`);
    const items = evidenceChecklist(benchmark, entry, present);
    return { violationId, violationName: entry.name, benchmarkVersion: benchmark.version, items, missing: items.filter((i) => !i.present).map((i) => i.name) };
  },

  'recommend.priorViolations': ({ enterpriseId, date, violationId, excludeCaseId }, { services }) => {
    const benchmark = services.discretion.benchmark();
    const category = violationId ? benchmark.violations.find((v) => v.id === violationId)?.category ?? null : null;
    const priors = decidedPenalties(services, enterpriseId, excludeCaseId);
    const outcome = repetitionOutcomes(priors, benchmark.repetition, { date, category, violationId: violationId ?? null });
    return {
      enterpriseId, date, priors: outcome.before, rules: outcome.rules, firstViolation: outcome.firstViolation,
      note: outcome.firstViolation ? `此前未受过行政处罚：${firstViolationNote}` : '期限自前次处罚决定作出之日起算；两高2023年解释第十九条自前次处罚生效之日起算，临界情形请人工核对',
    };
  },
};
