/**
 * 立案 from a 现场检查 that found a problem: the ordinary `cases.open` (all its checks) and the link from
 * the assignment to the case in ONE transaction, so a case opened from a task always remembers it and
 * a task never names a case that was not opened. The link goes up to the server at the next sync.
 */
import { AppError } from '#common/errors.js';
import type { OpParsedInput } from '#common/operations.js';
import type { CaseView } from '#common/schemas/cases.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { FieldTaskStore } from '#core/store/fieldTasks.js';
import { answeredRequest } from '#core/store/requests.js';
import { ownAssignment } from './fieldTasks.js';
import { openCase } from './openCase.js';

export function openCaseFromInspection(
  services: Services,
  user: UserRow,
  input: OpParsedInput<'fieldTasks.openCase'>,
): CaseView {
  const { assignmentId, ...caseInput } = input;
  const store = new FieldTaskStore(services.db);
  return services.db.transaction(() => {
    const r = ownAssignment(services, user, assignmentId);
    if (r.caseId) {
      // A retried request answers the case it opened; another 立案 from the same inspection is refused.
      if (answeredRequest(services.db, caseInput.requestId) === r.caseId) return openCase(services, user, caseInput);
      throw new AppError('VALIDATION', `已据此次检查立案（${r.caseNumber}），不能重复立案`);
    }
    if (r.result !== 'issues')
      throw new AppError('VALIDATION', r.result ? '此次检查未发现问题，不能据此立案' : '请先记录检查结果，再据此立案');
    const ent = services.directory.enterprise(caseInput.enterpriseId);
    if (!ent || ent.uscc !== r.uscc)
      throw new AppError('VALIDATION', `当事人应为此次检查的企业（${r.enterpriseName}）`);
    const view = openCase(services, user, caseInput);
    store.linkCase(r.id, view.state.id, view.state.number);
    return view;
  })();
}
