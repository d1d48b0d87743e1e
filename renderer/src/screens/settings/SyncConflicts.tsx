/**
 * 同步冲突: actions of this desk that another desk's earlier work made unlawful, or that the server
 * refused. Each keeps what was typed, so the clerk can redo what still applies; nothing was dropped.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import type { SyncConflict } from '#common/schemas/sync';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';

/** What the clerk typed, as short text: the action's form data (comments, reasons) or the record's fields. */
function typed(payload: unknown): string {
  const p = payload as { data?: Record<string, unknown> } | null;
  const data = p?.data ?? (payload as Record<string, unknown> | null) ?? {};
  return Object.values(data)
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .join('；')
    .slice(0, 200);
}

export function SyncConflicts() {
  const [rows, setRows] = useState<SyncConflict[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    send('sync.conflicts', {})
      .then(setRows)
      .catch((e) => setFailure(messageOf(e)));
  }, []);
  if (failure) return <Alert severity="error">{failure}</Alert>;
  return (
    <List dense data-testid="sync-conflicts">
      {(rows ?? []).map((c) => (
        <ListItem key={c.id} alignItems="flex-start">
          <ListItemText
            primary={`${c.caseNumber}：${c.summary}`}
            secondary={`${c.reason}${
              c.kept.map((k) => typed(k.payload)).filter(Boolean).length
                ? `。所填内容：${c.kept
                    .map((k) => typed(k.payload))
                    .filter(Boolean)
                    .join(' / ')}`
                : ''
            }`}
          />
        </ListItem>
      ))}
    </List>
  );
}
