/**
 * 我的草稿 → 打开: the form a draft belongs to, to be opened by the screen it lives on once that
 * screen is shown (the case page's action or document, or 立案 on the case list). Kept in memory for
 * one hand-over only: the form then restores the draft itself (useDraft), and a reload simply shows
 * the case, where the same button opens the same draft.
 */
import { openCaseDraftForm } from '#common/schemas/drafts';
import { navigate } from './route';

let pending: { caseId: string | null; form: string } | null = null;

/** Goes to the screen of `form` and asks it to open the form. */
export function openDraftForm(caseId: string | null, form: string): void {
  pending = { caseId, form };
  if (caseId === null || form === openCaseDraftForm) navigate({ name: 'cases' });
  else navigate({ name: 'case', caseId, tab: 'documents' });
}

/** True once, for the screen that is to open this form now. */
export function takeDraftForm(caseId: string | null, form: string): boolean {
  if (!pending || pending.caseId !== caseId || pending.form !== form) return false;
  pending = null;
  return true;
}

/** Whether a hand-over is waiting (a screen that cannot open it drops it: see dropDraftForm). */
export function pendingDraftForm(): { caseId: string | null; form: string } | null {
  return pending;
}

export function dropDraftForm(): void {
  pending = null;
}
