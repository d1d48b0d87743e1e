/**
 * `drafts.list`: the user's drafts, newest first, with the case number, the party and the form's
 * name (我的草稿). A draft of a case the user may no longer see (taken off the case) is left out, as
 * the case is; it is not deleted, since the typing is his and he may be put back on the case.
 */
import { openCaseDraftForm, type DraftSummary } from '#common/schemas/drafts.js';
import type { CaseState } from '#common/schemas/cases.js';
import { trackOf } from '#core/domain/procedure/engine.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { draftsOfUser } from '#core/store/drafts.js';
import { canSeeCase } from './caseAccess.js';

export function listDrafts(services: Services, user: UserRow): DraftSummary[] {
  return draftsOfUser(services.db, user.id).flatMap((d): DraftSummary[] => {
    if (d.caseId === null)
      return [{ ...d, caseNumber: null, partyName: null, formName: formName(services, null, d.form) }];
    const state = services.cases.projection.get(d.caseId);
    return state && canSeeCase(user, state)
      ? [{ ...d, caseNumber: state.number, partyName: state.party.name, formName: formName(services, state, d.form) }]
      : [];
  });
}

/** `openCase`, `document:<type>[@track]`, `action:<action>@<track>` (schemas/drafts.ts) in words. */
export function formName(services: Services, state: CaseState | null, form: string): string {
  if (form === openCaseDraftForm) return '立案登记';
  const document = /^document:([^@]+)/.exec(form);
  if (document) return `生成《${services.documentTypeNames.get(document[1]!) ?? document[1]}》`;
  const action = /^action:([^@]+)@(.+)$/.exec(form);
  if (action && state) {
    // The track may have ended since: its procedure still names the action.
    const defs = [action[2]!, 'main', ...state.tracks.map((t) => t.id)].flatMap((track) => {
      try {
        return [trackOf(state, track, services.procedures).def];
      } catch {
        return [];
      }
    });
    for (const def of defs) {
      const a = def.actions.find((x) => x.id === action[1]);
      if (a) return a.name;
    }
  }
  return '表单';
}
