/** The case as the core evaluates it now for this user; every change replaces it with the core's answer. */
import type { CaseView } from '#common/schemas/cases';
import { useOp } from '#renderer/hooks/useOp';

export interface CaseViewState {
  view: CaseView | null;
  error: string | null;
  /** Replace the view with one an operation returned. */
  set(view: CaseView): void;
  /** Ask the core again (after operations that return something else than the view). */
  reload(): Promise<void>;
}

export function useCaseView(caseId: string): CaseViewState {
  const { data, error, set, reload } = useOp('cases.get', { caseId });
  return { view: data ?? null, error, set, reload };
}
