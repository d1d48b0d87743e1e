import { useSyncExternalStore } from 'react';
import { client } from '../api/send';

/** True while any long operation (document, PDF, dossier) is under way. */
export function usePendingLong(): boolean {
  return useSyncExternalStore(client.onPendingChange, () => client.pendingLong() > 0);
}
