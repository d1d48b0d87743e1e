/**
 * 案卷评查得分 (#/reviews): for a head, the bureau's archived cases with the score of their last 案卷评查,
 * the number of deductions and of disputed ones; an archived case never reviewed says so. Each opens its case.
 */
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Link from '@mui/material/Link';
import { hrefOf } from '#renderer/app/route';
import { useOp } from '#renderer/hooks/useOp';
import { LoadStatus } from '#renderer/components/LoadStatus';

export function ReviewScoresScreen() {
  const { data, error, reload } = useOp('review.scores', {});
  const rows = data ?? [];
  const reviewed = rows.filter((r) => r.score !== null);
  const mean = reviewed.length ? reviewed.reduce((n, r) => n + (r.score ?? 0), 0) / reviewed.length : null;
  return (
    <Stack spacing={2} data-testid="review-scores">
      <Typography variant="h5" component="h1">
        案卷评查得分
      </Typography>
      <LoadStatus loaded={Boolean(data)} error={error} onRetry={reload} />
      {data && (
        <Typography variant="body2" color="text.secondary">
          已归档{rows.length}件，已评查{reviewed.length}件{mean !== null ? `，平均得分${mean.toFixed(1)}` : ''}
          。分值为本系统拟定，未经与评查指南原文核对。
        </Typography>
      )}
      {data && (
        <Paper>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>案号</TableCell>
                <TableCell>当事人</TableCell>
                <TableCell>案由</TableCell>
                <TableCell>归档日期</TableCell>
                <TableCell align="right">得分</TableCell>
                <TableCell align="right">扣分项</TableCell>
                <TableCell align="right">有异议</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={7}>本局尚无已归档的案件</TableCell>
                </TableRow>
              )}
              {rows.map((r) => (
                <TableRow key={r.caseId} data-testid={`review-score-${r.caseId}`}>
                  <TableCell>
                    <Link href={hrefOf({ name: 'case', caseId: r.caseId, tab: 'dossier' })}>{r.number}</Link>
                  </TableCell>
                  <TableCell>{r.partyName}</TableCell>
                  <TableCell>{r.violationName}</TableCell>
                  <TableCell>{r.archivedOn}</TableCell>
                  <TableCell align="right">{r.score === null ? '未评查' : `${r.score}／${r.max}`}</TableCell>
                  <TableCell align="right">{r.deductions}</TableCell>
                  <TableCell align="right">{r.disputed}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
