/** 历史: the case's event log — when, who, what — and whether its hash chain is intact. */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { z } from 'zod';
import type { historyOutput } from '#common/schemas/cases';
import { send } from '../../api/send';
import { messageOf } from '../../api/errors';
import { formatInstant } from '../../util/dates';

type History = z.infer<typeof historyOutput>;

export function HistoryPanel({ caseId, version }: { caseId: string; version: number }) {
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    send('cases.history', { caseId })
      .then((h) => {
        if (live) {
          setHistory(h);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (live) setError(messageOf(e));
      });
    return () => {
      live = false;
    };
  }, [caseId, version]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!history) return <LinearProgress />;
  return (
    <Stack spacing={2} data-testid="history">
      {history.chainValid ? (
        <Alert severity="success" data-testid="chain-status">
          哈希链校验通过：全部 {history.entries.length} 条记录未被改动。
        </Alert>
      ) : (
        <Alert severity="error" data-testid="chain-status">
          哈希链校验失败：案件记录可能被篡改，请立即报告系统管理员。
        </Alert>
      )}
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {[...history.entries].reverse().map((e, i, all) => (
          <Box
            component="li"
            key={e.id}
            data-testid="history-entry"
            sx={{ display: 'grid', gridTemplateColumns: '150px 20px 1fr', columnGap: 1.5 }}
          >
            <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'right', pt: '1px' }}>
              {formatInstant(e.at)}
            </Typography>
            <Box sx={{ position: 'relative', display: 'flex', justifyContent: 'center' }}>
              <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: 'primary.main', mt: '6px', zIndex: 1 }} />
              {i < all.length - 1 && (
                <Box sx={{ position: 'absolute', top: 10, bottom: -6, width: 2, bgcolor: 'divider' }} />
              )}
            </Box>
            <Box sx={{ pb: 2 }}>
              <Typography variant="body2">
                <b>{e.actorName}</b> {e.summary}
              </Typography>
              <Typography variant="caption" color="text.disabled" sx={{ fontFamily: 'monospace' }}>
                #{e.seq} · {e.hash.slice(0, 12)}
              </Typography>
            </Box>
          </Box>
        ))}
      </Box>
    </Stack>
  );
}
