/** One group of 到期提醒 (本局办理期限 or 当事人期限): soonest first, each row linked to its case. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { OpOutput } from '#common/operations';
import { hrefOf } from '#renderer/app/route';
import { chineseDate } from '#renderer/util/dates';
import { unitText } from '../case/DeadlinesPanel';

type Row = OpOutput<'deadlines.overview'>['rows'][number];

interface Props {
  title: string;
  note?: string;
  testId: string;
  rows: Row[];
  empty: string;
}

export function DeadlineGroup({ title, note, testId, rows, empty }: Props) {
  return (
    <Box data-testid={testId}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {title}（{rows.length}）
      </Typography>
      {note && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
          {note}
        </Typography>
      )}
      {rows.length === 0 ? (
        <Alert severity="success">{empty}</Alert>
      ) : (
        <Table size="small" data-testid="deadline-rows">
          <TableHead>
            <TableRow>
              <TableCell>状态</TableCell>
              <TableCell>应于</TableCell>
              <TableCell>期限</TableCell>
              <TableCell>案件</TableCell>
              <TableCell>当事人</TableCell>
              <TableCell>依据</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.caseId}:${r.track}:${r.id}`} data-status={r.status} data-owner={r.owner}>
                <TableCell>
                  <Chip
                    size="small"
                    label={r.status === 'overdue' ? '已逾期' : r.status === 'dueSoon' ? '即将到期' : '正常'}
                    color={r.status === 'overdue' ? 'error' : r.status === 'dueSoon' ? 'warning' : 'default'}
                  />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {chineseDate(r.dueOn)}
                  {r.calendarIncomplete && '（已计法定节假日，调休未知）'}
                </TableCell>
                <TableCell>
                  {r.trackName !== '主程序' ? `【${r.trackName}】` : ''}
                  {r.name}
                  <Typography variant="body2" color="text.secondary" component="div" sx={{ fontSize: 13 }}>
                    自{chineseDate(r.startOn)}起{unitText(r)}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Link href={hrefOf({ name: 'case', caseId: r.caseId, tab: 'documents' })}>{r.caseNumber}</Link>
                </TableCell>
                <TableCell>{r.partyName}</TableCell>
                <TableCell>
                  <Typography variant="body2" sx={{ fontSize: 13 }}>
                    {r.citation}
                  </Typography>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
