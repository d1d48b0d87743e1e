/** 历史: the case's event log — when, who, what — and whether its hash chain is intact (said in plain words, no hashes shown). */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useOp } from '#renderer/hooks/useOp';
import { formatInstant } from '#renderer/util/dates';

export function HistoryPanel({ caseId, version }: { caseId: string; version: number }) {
  // A new version of the case is a new entry in its log.
  const { data: history, error } = useOp('cases.history', { caseId }, { refresh: version });

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!history) return <LinearProgress />;
  return (
    <Stack spacing={2} data-testid="history">
      {history.chainValid ? (
        <Alert severity="success" data-testid="chain-status">
          历史记录完整，未被篡改（共 {history.entries.length} 条）。
        </Alert>
      ) : (
        <Alert severity="error" data-testid="chain-status">
          历史记录校验未通过：案件记录可能被篡改，请立即报告系统管理员。
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
              <Typography variant="caption" color="text.disabled">
                第 {e.seq} 条
              </Typography>
            </Box>
          </Box>
        ))}
      </Box>
    </Stack>
  );
}
