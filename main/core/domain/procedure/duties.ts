/**
 * Separation of duties, read from the case's own event log (docs/security.md “Per-case access and
 * separation of duties”): (c) an approval is refused when the same user performed the step it
 * approves — the last non-approval action before it on the same track (处罚法 art. 57); (e) a reviewer
 * never does a reviewer's action on a case they investigated — listed as its officer, or the maker of
 * one of its investigation documents (art. 58). One rule for the workstation (application/caseAccess.ts)
 * and the provincial server, which re-checks a pushed action with it. Pure.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { Role } from '#common/roles.js';
import type { ProcedureAction, ProcedureDefinition } from './definition.js';

/** Who acts: the account, its roles and the officer (执法证) it is, if any. */
export interface DutyActor {
  id: string;
  roles: readonly Role[];
  officerId: string | null;
}

/** What the rule reads of a logged event. */
export interface LoggedEvent {
  type: string;
  actorId: string;
  payload: unknown;
}

/** A conflict of duties: why (short, for the page), the article, the error's whole sentence and details. */
export interface DutiesConflict {
  reason: string;
  article: string;
  message: string;
  details: Record<string, string>;
}

export function isOfficerOf(user: Pick<DutyActor, 'officerId'>, state: CaseState): boolean {
  return user.officerId !== null && state.officers.some((o) => o.id === user.officerId);
}

export function dutiesConflictOf(
  user: DutyActor,
  state: CaseState,
  def: ProcedureDefinition,
  mainDef: ProcedureDefinition,
  action: ProcedureAction,
  track: string,
  events: readonly LoggedEvent[],
): DutiesConflict | null {
  if (action.approval) {
    const steps = events.flatMap((e) => {
      if (e.type !== 'action.performed') return [];
      const p = e.payload as { action: string; approval?: boolean; track?: string };
      return (p.track ?? 'main') === track
        ? [{ actorId: e.actorId, action: p.action, approval: Boolean(p.approval) }]
        : [];
    });
    const step = steps.filter((s) => !s.approval).at(-1);
    if (step && step.actorId === user.id) {
      const stepName = def.actions.find((a) => a.id === step.action)?.name ?? step.action;
      const reason = `“${stepName}”是您本人办理的，审批须由办理人以外的负责人作出`;
      return {
        reason,
        message: `不能执行“${action.name}”：${reason}（《中华人民共和国行政处罚法》第五十七条：调查终结，行政机关负责人应当对调查结果进行审查）`,
        article: '《中华人民共和国行政处罚法》第五十七条',
        details: { action: action.id, step: step.action },
      };
    }
  }
  if (action.roles.includes('reviewer') && user.roles.includes('reviewer')) {
    const investigationTypes = new Set([
      'investigation-report',
      ...mainDef.nodes.filter((n) => n.phase === 'investigation').flatMap((n) => n.documents),
    ]);
    const madeInvestigationDocument = events.some(
      (e) =>
        e.type === 'document.generated' &&
        e.actorId === user.id &&
        investigationTypes.has((e.payload as { type?: string }).type ?? ''),
    );
    const officer = isOfficerOf(user, state);
    if (officer || madeInvestigationDocument) {
      const reason = `您${officer ? '是本案的承办人员' : '制作过本案的调查取证文书'}，不能审核本人调查的案件`;
      return {
        reason,
        message: `不能执行“${action.name}”：${reason}（《中华人民共和国行政处罚法》第五十八条；法制审核人员不得为本案承办人）`,
        article: '《中华人民共和国行政处罚法》第五十八条',
        details: { action: action.id },
      };
    }
  }
  return null;
}
