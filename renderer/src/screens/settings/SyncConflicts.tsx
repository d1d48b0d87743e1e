/**
 * 同步冲突: actions of this desk that another desk's earlier work made unlawful, or that the server
 * refused. Each says what the clerk did, what the other desk did first and why (SyncConflictItem);
 * what was typed is kept, as his draft of the action's form, until he redoes or discards it.
 */
import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import type { SyncConflict } from '#common/schemas/sync';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { SyncConflictItem } from './SyncConflictItem';

export function SyncConflicts({ onChanged }: { onChanged?(): void }) {
  const [rows, setRows] = useState<SyncConflict[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(() => {
    send('sync.conflicts', {})
      .then(setRows)
      .catch((e) => setFailure(messageOf(e)));
  }, []);
  useEffect(load, [load]);
  if (failure) return <Alert severity="error">{failure}</Alert>;
  return (
    <Stack spacing={1} data-testid="sync-conflicts">
      {(rows ?? []).map((c) => (
        <SyncConflictItem
          key={c.id}
          conflict={c}
          caseLink
          onChanged={() => {
            load();
            onChanged?.();
          }}
        />
      ))}
    </Stack>
  );
}
