/**
 * One change of a setting (set or remove): pending while it runs; on success the message it returns is
 * shown and the settings are read again; a refusal is kept as `failure` for the section's Alert (where
 * the clerk fixes his input) or, for an action without input such as a removal, shown as a toast.
 */
import { useState } from 'react';
import { messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';

export interface SettingAction {
  pending: boolean;
  failure: string | null;
  setFailure(failure: string | null): void;
  /** Runs `change` (which returns the success message); resolves once done, never rejects. */
  run(change: () => Promise<string>): Promise<void>;
}

export function useSettingAction(onChanged: () => Promise<void>, refusal: 'alert' | 'toast' = 'alert'): SettingAction {
  const notifier = useNotifier();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (change: () => Promise<string>): Promise<void> => {
    setPending(true);
    if (refusal === 'alert') setFailure(null);
    try {
      notifier.success(await change());
      await onChanged();
    } catch (e) {
      if (refusal === 'alert') setFailure(messageOf(e));
      else notifier.error(e);
    } finally {
      setPending(false);
    }
  };
  return { pending, failure, setFailure, run };
}
