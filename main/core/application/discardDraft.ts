/** `drafts.discard`: the user throws his draft of a form away (an explicit act: 丢弃草稿, confirmed in the form). */
import type { OpParsedInput } from '#common/operations.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { deleteDraft } from '#core/store/drafts.js';

export function discardDraft(
  services: Services,
  user: UserRow,
  input: OpParsedInput<'drafts.discard'>,
): { discarded: boolean } {
  return { discarded: deleteDraft(services.db, user.id, input.caseId, input.form) };
}
