/**
 * `drafts.list`: the user's drafts, newest first, with the case number. A draft of a case the user
 * may no longer see (taken off the case) is left out, as the case is; it is not deleted, since the
 * typing is his and he may be put back on the case.
 */
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { draftsOfUser } from '#core/store/drafts.js';
import { canSeeCase } from './caseAccess.js';

type DraftSummary = { caseId: string | null; caseNumber: string | null; form: string; savedAt: string };

export function listDrafts(services: Services, user: UserRow): DraftSummary[] {
  return draftsOfUser(services.db, user.id).flatMap((d): DraftSummary[] => {
    if (d.caseId === null) return [{ ...d, caseNumber: null }];
    const state = services.cases.projection.get(d.caseId);
    return state && canSeeCase(user, state) ? [{ ...d, caseNumber: state.number }] : [];
  });
}
