/**
 * `sync.discardConflict`: the clerk throws away an action of his that another desk's earlier work made
 * unlawful (an explicit act, confirmed in the page). The conflict row stays with what was kept — only
 * marked discarded, by whom and when — and his draft of the action's form goes, in one transaction.
 * Only the clerk who did the action may discard it: it is his typed work. A record the server refused
 * is still waiting to be pushed, so it cannot be discarded here.
 */
import { AppError } from '#common/errors.js';
import type { OpParsedInput } from '#common/operations.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { deleteDraft } from '#core/store/drafts.js';
import { conflictRef, resolveConflict } from '#core/store/syncConflicts.js';
import { canSeeCase } from './caseAccess.js';

export function discardConflict(
  services: Services,
  user: UserRow,
  input: OpParsedInput<'sync.discardConflict'>,
): { discarded: true } {
  const c = conflictRef(services.db, input.conflictId);
  const state = c ? services.cases.projection.get(c.caseId) : null;
  if (!c || !state || !canSeeCase(user, state)) throw new AppError('NOT_FOUND', '找不到这项同步冲突');
  if (c.resolvedAt) throw new AppError('VALIDATION', '这项同步冲突已经处理过了');
  if (c.kind === 'refused')
    throw new AppError(
      'VALIDATION',
      '服务器拒收的操作仍保存在本机等待上传，不能在此丢弃；请联系系统管理员核对服务器拒收的原因',
    );
  if (c.actorId !== user.id)
    throw new AppError('FORBIDDEN_ROLE', `这是${c.actorName}办理的操作，只有${c.actorName}本人可以丢弃`);
  const at = services.clock.now().toISOString();
  services.db.transaction(() => {
    if (c.draft) deleteDraft(services.db, user.id, c.caseId, c.draft.form);
    resolveConflict(services.db, c.id, 'discarded', user.id, at);
  })();
  return { discarded: true };
}
