/** `drafts.get`: the user's own draft of a form, or null; never another user's. */
import type { DraftView } from '#common/schemas/drafts.js';
import type { OpParsedInput } from '#common/operations.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { readDraft } from '#core/store/drafts.js';
import { checkDraftCase } from './saveDraft.js';

export function draftOf(services: Services, user: UserRow, input: OpParsedInput<'drafts.get'>): DraftView | null {
  checkDraftCase(services, user, input.caseId);
  return readDraft(services.db, user.id, input.caseId, input.form);
}
