/**
 * `drafts.save`: keeps what the user typed into a form, replacing his earlier draft of it. A draft
 * of a case is kept only for a case he may see (dispatch checks it too; the use case does not rely
 * on its caller). The time is the core's clock, shown back as 保存于 HH:mm.
 */
import { AppError } from '#common/errors.js';
import type { OpParsedInput } from '#common/operations.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { putDraft } from '#core/store/drafts.js';
import { canSeeCase, forbiddenCase } from './caseAccess.js';

export function checkDraftCase(services: Services, user: UserRow, caseId: string | null): void {
  if (caseId === null) return;
  const state = services.cases.projection.get(caseId);
  if (!state) throw new AppError('NOT_FOUND', '案件不存在，草稿未保存');
  if (!canSeeCase(user, state)) throw forbiddenCase(state);
}

export function saveDraft(services: Services, user: UserRow, input: OpParsedInput<'drafts.save'>): { savedAt: string } {
  checkDraftCase(services, user, input.caseId);
  const savedAt = services.clock.now().toISOString();
  putDraft(services.db, user.id, input.caseId, input.form, JSON.stringify(input.values), savedAt);
  return { savedAt };
}
