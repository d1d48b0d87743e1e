/**
 * `cases.act`: one procedure action on a case, on its main procedure or on one of its tracks.
 * The engine decides whether the law allows it now (node, role, guards, each with its article);
 * the data is validated by the action's form; the result is one `action.performed` event written
 * atomically with the projection. A head may override failed legality-review rules with a written
 * reason: the override is part of the event, so the history and the dossier's 备考表 show it.
 */
import type { z } from 'zod';
import { AppError } from '#common/errors.js';
import { actionForms, futureDateFields, type ActionFormName } from '#common/schemas/actions.js';
import type { CaseState, CaseView } from '#common/schemas/cases.js';
import type { OpParsedInput } from '#common/operations.js';
import { blockingReasons, mainTrackId, nodeOf, targetOf, trackOf } from '#core/domain/procedure/engine.js';
import type { ProcedureAction } from '#core/domain/procedure/definition.js';
import type { GuardFailure } from '#core/domain/procedure/guards.js';
import { deriveActionData } from '#core/domain/procedure/derive.js';
import { servedBy, servedDocumentOf } from '#core/domain/procedure/servedDocument.js';
import { isValidDate } from '#core/domain/dates.js';
import { buildCaseView, evaluationContext, today } from './caseView.js';
import { checkCaseDate } from './dateRules.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { serviceDataFromReceipt } from './serviceData.js';
import { checkSeparationOfDuties } from './caseAccess.js';
import { procedureOf } from './procedureOf.js';
import { deleteDraft } from '#core/store/drafts.js';
import { resolveRedone } from '#core/store/syncConflicts.js';
import { actionDraftForm } from '#common/schemas/drafts.js';
import { actionFormProblems } from '#common/actionFormChecks.js';
import { refuseProblems } from './formProblems.js';
import { surchargeToday } from '#core/domain/procedure/owed.js';
import { mayOverrideLegality, minOverrideReason } from '#core/domain/procedure/override.js';

function parseForm(action: ProcedureAction, input: Record<string, unknown>): Record<string, unknown> {
  if (!action.form) return {};
  const schema = actionForms[action.form as ActionFormName] as z.ZodType | undefined;
  if (!schema) throw new AppError('INTERNAL', `程序定义引用了未知表单 ${action.form}`);
  return schema.parse(input) as Record<string, unknown>;
}

/** Every date the user typed: a real date, not before 立案, and not in the future unless it lies ahead by nature. */
function checkDates(action: ProcedureAction, data: Record<string, unknown>, current: CaseState, now: string): void {
  const shape = action.form
    ? ((actionForms[action.form as ActionFormName] as unknown as { shape?: Record<string, { description?: string }> })
        .shape ?? {})
    : {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string' || !(/On$/.test(key) || key === 'correctBy')) continue;
    const label = shape[key]?.description ?? key;
    if (futureDateFields.has(key)) {
      if (!isValidDate(value)) throw new AppError('VALIDATION', `${label}不是有效日期：${value}`);
      if (value < current.filedOn)
        throw new AppError('DATE_BEFORE_FILING', `${label}（${value}）不能早于立案日期（${current.filedOn}）`);
    } else {
      checkCaseDate(label, value, current.filedOn, now);
    }
  }
}

function refusal(action: ProcedureAction, reasons: GuardFailure[]): AppError {
  const code = reasons.some((r) => r.rule === 'node')
    ? 'ACTION_NOT_ALLOWED'
    : reasons.some((r) => r.rule === 'role')
      ? 'FORBIDDEN_ROLE'
      : 'GUARD_FAILED';
  return new AppError(
    code,
    `不能执行“${action.name}”：${reasons.map((r) => r.message + (r.citation ? `（${r.citation}）` : '')).join('；')}`,
    reasons,
  );
}

export function performAction(services: Services, user: UserRow, input: OpParsedInput<'cases.act'>): CaseView {
  const now = today(services);
  const { state } = services.cases.write(
    input.caseId,
    { id: user.id, name: user.name, device: services.device },
    (current) => {
      if (!current) throw new AppError('NOT_FOUND', '案件不存在');
      const track = input.track;
      if (track !== mainTrackId && !current.tracks.some((t) => t.id === track))
        throw new AppError('NOT_FOUND', `案件没有附加程序 ${track}`);
      const t = trackOf(current, track, services.procedures);
      if (t.ended) throw new AppError('ACTION_NOT_ALLOWED', `${t.name}已办结，不能再执行操作`);
      const action = t.def.actions.find((a) => a.id === input.action);
      if (!action) throw new AppError('UNKNOWN_OPERATION', `${t.def.name}中没有操作“${input.action}”`);

      let data = parseForm(action, input.data);
      // An action that records a service takes its data from the receipt, not from a form.
      const served = servedDocumentOf(action);
      if (served) data = serviceDataFromReceipt(current, served);
      checkDates(action, data, current, now);
      // An overpayment, a date before the step it follows: refused with the field named (common/formChecks.ts).
      refuseProblems(
        actionFormProblems(
          action.form,
          data,
          { ...current, surcharge: surchargeToday(procedureOf(services, current), current, now, services.calendar) },
          track,
          (id) => t.def.actions.find((a) => a.id === id)?.name ?? id,
        ),
      );
      data = deriveActionData(action, current, track, data, t.def.dailyCount);
      // What was served, by type id, for the reducer (which knows no procedure).
      const serves = servedBy(action, data);

      const ectx = evaluationContext(services, current, user.roles);
      const reasons = blockingReasons(t.def, current, action, ectx, data, track);
      const legality = reasons.flatMap((r) => (r.review ? [r.review] : []));
      const overrides: Array<{ rule: string; ruleName: string; reason: string }> = [];
      if (legality.length && input.overrideReason !== undefined) {
        // Only a head, only on actions the procedure marks overridable, only the legality rules, and only with a reason.
        if (!action.overridable) throw new AppError('ACTION_NOT_ALLOWED', `“${action.name}”不允许越过合法性审查`);
        if (!mayOverrideLegality(user.roles))
          throw new AppError('FORBIDDEN_ROLE', '只有负责人可以在合法性审查未通过时决定继续办理');
        if (input.overrideReason.trim().length < minOverrideReason)
          throw new AppError('VALIDATION', `请写明继续办理的理由（至少${minOverrideReason}个字）`);
        for (const r of legality)
          overrides.push({ rule: r.check, ruleName: r.name, reason: input.overrideReason.trim() });
      }
      const blocking = overrides.length ? reasons.filter((r) => !r.review) : reasons;
      if (blocking.length) throw refusal(action, blocking);
      // the approver is not the one who did the step; a reviewer does not review his own investigation.
      checkSeparationOfDuties(services, user, current, t.def, procedureOf(services, current), action, track);

      const to = targetOf(action, current, ectx, data, track, t.returnTo);
      if ((action.to || action.next) && !to) throw new AppError('INTERNAL', `操作“${action.name}”没有可去的节点`);
      const terminal = to ? Boolean(nodeOf(t.def, to).terminal) : false;
      // The form's draft became this action: deleted in its transaction, so a refusal keeps it.
      deleteDraft(services.db, user.id, input.caseId, actionDraftForm(action.id, track));
      // A sync conflict whose kept data was this draft is redone by this action (never silently merged).
      resolveRedone(
        services.db,
        user.id,
        input.caseId,
        actionDraftForm(action.id, track),
        services.clock.now().toISOString(),
      );
      return [
        {
          type: 'action.performed',
          payload: {
            action: action.id,
            from: t.node,
            to,
            approval: Boolean(action.approval),
            sendBack: Boolean(action.sendBack),
            data,
            on: now,
            ...(track !== mainTrackId ? { track } : {}),
            ...(terminal ? { terminal } : {}),
            ...(overrides.length ? { overrides } : {}),
            ...(serves ? { serves } : {}),
          },
        },
      ];
    },
    input.expectedVersion,
  );
  return buildCaseView(services, state, user);
}
