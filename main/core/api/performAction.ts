/**
 * `cases.act`: one procedure action on a case. The engine decides whether the law allows it now
 * (node, role, guards, each with its article); the data is validated by the action's form; the
 * result is one `action.performed` event written atomically with the projection.
 */
import { AppError } from '../../../common/errors.js';
import { actionForms, type ActionFormName } from '../../../common/schemas/actions.js';
import type { CaseView } from '../../../common/schemas/cases.js';
import type { OpParsedInput } from '../../../common/operations.js';
import { blockingReasons } from '../domain/procedure/engine.js';
import { buildCaseView, procedureOf, today } from './caseView.js';
import { checkCaseDate } from './dateRules.js';
import type { HandlerContext } from './types.js';
import { requireUser } from './types.js';
import { serviceDataFromReceipt } from './serviceData.js';

export function performAction(ctx: HandlerContext, input: OpParsedInput<'cases.act'>): CaseView {
  const { services } = ctx;
  const user = requireUser(ctx);
  const now = today(services);
  const { state } = services.cases.write(input.caseId, { id: user.id, name: user.name, device: services.device }, (current) => {
    if (!current) throw new AppError('NOT_FOUND', '案件不存在');
    const def = procedureOf(services, current);
    const action = def.actions.find((a) => a.id === input.action);
    if (!action) throw new AppError('UNKNOWN_OPERATION', `程序中没有操作“${input.action}”`);

    let data: Record<string, unknown> = {};
    if (action.form) {
      const schema = actionForms[action.form as ActionFormName];
      if (!schema) throw new AppError('INTERNAL', `程序定义引用了未知表单 ${action.form}`);
      data = schema.parse(input.data) as Record<string, unknown>;
    }
    if (action.id === 'serveNotice' || action.id === 'serveDecision') data = serviceDataFromReceipt(current, action.id);
    for (const [key, label] of [['on', '申辩日期'], ['paidOn', '缴款日期'], ['servedOn', '送达日期']] as const) {
      if (typeof data[key] === 'string') checkCaseDate(label, data[key], current.filedOn, now);
    }

    const reasons = blockingReasons(def, current, action, { today: now, calendar: services.calendar, roles: user.roles, documentNames: {} }, data);
    if (reasons.length) {
      const code = reasons.some((r) => r.rule === 'node') ? 'ACTION_NOT_ALLOWED' : reasons.some((r) => r.rule === 'role') ? 'FORBIDDEN_ROLE' : 'GUARD_FAILED';
      throw new AppError(code, `不能执行“${action.name}”：${reasons.map((r) => r.message + (r.citation ? `（${r.citation}）` : '')).join('；')}`, reasons);
    }
    return [{ type: 'action.performed', payload: { action: action.id, from: current.node, to: action.to ?? null, approval: Boolean(action.approval), sendBack: Boolean(action.sendBack), data, on: now } }];
  }, input.expectedVersion);
  return buildCaseView(services, state, user.roles);
}
