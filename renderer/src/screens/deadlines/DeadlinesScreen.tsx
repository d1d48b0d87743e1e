/**
 * 到期提醒: every open case's statutory periods that are overdue or due within the bureau's warning
 * horizon (working days, a setting the head changes here), soonest first, each linked to its case.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { send } from '#renderer/api/send';
import { useCanCall } from '#renderer/app/canCall';
import { useNotifier } from '#renderer/app/notifier';
import { hrefOf } from '#renderer/app/route';
import { useOp } from '#renderer/hooks/useOp';
import { chineseDate } from '#renderer/util/dates';
import { unitText } from '../case/DeadlinesPanel';

export function DeadlinesScreen() {
  const can = useCanCall();
  const notifier = useNotifier();
  const [include, setInclude] = useState<'attention' | 'all'>('attention');
  const [horizon, setHorizon] = useState('');
  const [saving, setSaving] = useState(false);
  const { data, error, reload: load } = useOp('deadlines.overview', { include });
  // The box starts from the setting each answer carries.
  useEffect(() => {
    if (data) setHorizon(String(data.warnAheadWorkingDays));
  }, [data]);

  const saveHorizon = async (): Promise<void> => {
    const n = Number(horizon);
    if (!Number.isInteger(n) || n < 0 || n > 30) {
      notifier.error(new Error('提前提醒的工作日数应为0至30的整数'));
      return;
    }
    setSaving(true);
    try {
      await send('settings.update', { warnAheadWorkingDays: n });
      notifier.success(`已设置：提前${n}个工作日提醒`);
      await load();
    } catch (e) {
      notifier.error(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper sx={{ p: 2 }} data-testid="deadlines-screen">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h6" component="h1">
          到期提醒
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={include}
          onChange={(_, v: 'attention' | 'all' | null) => v && setInclude(v)}
        >
          <ToggleButton value="attention">即将到期和已逾期</ToggleButton>
          <ToggleButton value="all">全部进行中的期限</ToggleButton>
        </ToggleButtonGroup>
        <Box sx={{ flex: 1 }} />
        {can('settings.update') ? (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField
              size="small"
              label="提前提醒（工作日）"
              value={horizon}
              onChange={(e) => setHorizon(e.target.value)}
              sx={{ width: 150 }}
              slotProps={{ htmlInput: { 'data-testid': 'warn-ahead', inputMode: 'numeric' } }}
            />
            <Button size="small" variant="outlined" loading={saving} onClick={() => void saveHorizon()}>
              保存
            </Button>
          </Stack>
        ) : (
          data && (
            <Typography variant="body2" color="text.secondary">
              提前{data.warnAheadWorkingDays}个工作日提醒
            </Typography>
          )
        )}
      </Stack>
      {!data && !error && <LinearProgress />}
      {error && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" onClick={() => void load()}>
              重试
            </Button>
          }
        >
          {error}
        </Alert>
      )}
      {data && data.rows.length === 0 && <Alert severity="success">没有即将到期或已逾期的期限。</Alert>}
      {data && data.rows.length > 0 && (
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
            {data.rows.map((r) => (
              <TableRow key={`${r.caseId}:${r.track}:${r.id}`} data-status={r.status}>
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
                  <Typography variant="caption" color="text.secondary" component="div">
                    自{chineseDate(r.startOn)}起{unitText(r)}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Link href={hrefOf({ name: 'case', caseId: r.caseId, tab: 'documents' })}>{r.caseNumber}</Link>
                </TableCell>
                <TableCell>{r.partyName}</TableCell>
                <TableCell>
                  <Typography variant="caption">{r.citation}</Typography>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
