/** One queue's cases: 案号, 当事人, where it waits and for what, and the first deadline not yet met. */
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { QueueRow } from '#common/schemas/queues';
import { roleNames } from '#common/roles';
import { hrefOf } from '#renderer/app/route';
import { chineseDate } from '#renderer/util/dates';

// The same words as the case page's 期限 and 到期提醒 (a running period is 正常 there too).
const statusText = { overdue: '已逾期', dueSoon: '即将到期', running: '正常' } as const;
const statusColor = { overdue: 'error', dueSoon: 'warning', running: 'default' } as const;

export function QueueTable({ rows, testId }: { rows: QueueRow[]; testId: string }) {
  return (
    <Table size="small" data-testid={testId} sx={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '24%' }}>案号</TableCell>
          <TableCell sx={{ width: '22%' }}>当事人</TableCell>
          <TableCell sx={{ width: '28%' }}>所处环节</TableCell>
          <TableCell sx={{ width: '26%' }}>最近期限</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id} data-testid="queue-row" data-case-id={r.id} hover>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>
              <Link href={hrefOf({ name: 'case', caseId: r.id, tab: 'documents' })}>{r.number}</Link>
              <Typography variant="body2" color="text.secondary" sx={{ fontSize: 13 }}>
                {r.violationName}
              </Typography>
            </TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{r.partyName}</TableCell>
            <TableCell>
              {r.waitingAt.map((w) => (
                <Typography key={w.track} variant="body2" component="div">
                  {w.track !== 'main' ? `【${w.trackName}】` : ''}
                  {w.nodeName}
                  {w.roles.length > 0 && (
                    <Typography component="span" variant="body2" color="text.secondary" sx={{ fontSize: 13 }}>
                      {' '}
                      · 待{w.roles.map((x) => roleNames[x]).join('或')}
                      {w.actions.length ? `（${w.actions.join('、')}）` : ''}
                    </Typography>
                  )}
                </Typography>
              ))}
            </TableCell>
            <TableCell>
              {r.nextDue ? (
                <>
                  <Typography variant="body2" component="div">
                    {r.nextDue.owner === 'party' ? '当事人：' : ''}
                    {r.nextDue.name}
                  </Typography>
                  <Typography variant="body2" component="div" sx={{ whiteSpace: 'nowrap' }}>
                    {chineseDate(r.nextDue.dueOn)}{' '}
                    <Chip
                      size="small"
                      label={statusText[r.nextDue.status === 'met' ? 'running' : r.nextDue.status]}
                      color={statusColor[r.nextDue.status === 'met' ? 'running' : r.nextDue.status]}
                    />
                  </Typography>
                </>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  无进行中的期限
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
