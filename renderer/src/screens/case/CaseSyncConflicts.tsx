/**
 * The case page's 同步冲突: this case's actions of this desk that another desk's earlier work made
 * unlawful (SyncConflictItem), each saying whether its action is offered here now — then the action's
 * form restores what was typed — or not. Read again whenever the case changes (an action redone
 * resolves its conflict in the core).
 */
import { useCallback, useEffect, useState } from 'react';
import Stack from '@mui/material/Stack';
import type { CaseView } from '#common/schemas/cases';
import type { SyncConflict } from '#common/schemas/sync';
import { send } from '#renderer/api/send';
import { useCanCall } from '#renderer/app/canCall';
import { SyncConflictItem } from '../settings/SyncConflictItem';

function offeredNow(view: CaseView, c: SyncConflict): boolean | null {
  if (!c.draft) return null;
  const { action, track } = c.draft;
  const actions = track === 'main' ? view.actions : (view.tracks.find((t) => t.id === track)?.actions ?? []);
  return actions.some((a) => a.id === action && a.allowed);
}

export function CaseSyncConflicts({ view }: { view: CaseView }) {
  const can = useCanCall();
  const allowed = can('sync.conflicts');
  const caseId = view.state.id;
  const [rows, setRows] = useState<SyncConflict[]>([]);
  const load = useCallback(() => {
    if (!allowed) return;
    // The list is a notice beside the case: when it cannot be read, 本局设置 → 同步 still shows it.
    send('sync.conflicts', {})
      .then((all) => setRows(all.filter((c) => c.caseId === caseId)))
      .catch(() => setRows([]));
  }, [allowed, caseId]);
  // Read again at each new version of the case: an action redone resolves its conflict.
  useEffect(load, [load, view.state.version]);
  if (!rows.length) return null;
  return (
    <Stack spacing={1} data-testid="case-sync-conflicts">
      {rows.map((c) => (
        <SyncConflictItem key={c.id} conflict={c} offeredNow={offeredNow(view, c)} onChanged={load} />
      ))}
    </Stack>
  );
}
