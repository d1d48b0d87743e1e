/** The case as the core evaluates it now for this user; every change replaces it with the core's answer. */
import { useCallback, useEffect, useState } from 'react';
import type { CaseView } from '#common/schemas/cases';
import { send } from '../../api/send';
import { messageOf } from '../../api/errors';

export interface CaseViewState {
  view: CaseView | null;
  error: string | null;
  /** Replace the view with one an operation returned. */
  set(view: CaseView): void;
  /** Ask the core again (after operations that return something else than the view). */
  reload(): Promise<void>;
}

export function useCaseView(caseId: string): CaseViewState {
  const [view, setView] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setView(await send('cases.get', { caseId }));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [caseId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { view, error, set: setView, reload };
}
