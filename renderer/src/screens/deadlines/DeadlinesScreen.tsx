/**
 * 到期提醒: every open case's statutory periods that are overdue or due within the bureau's warning
 * horizon (working days, a setting the head changes here), soonest first, each linked to its case —
 * the bureau's own deadlines (本局办理期限) apart from the party's periods (当事人期限).
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { send } from '#renderer/api/send';
import { useCanCall } from '#renderer/app/canCall';
import { useNotifier } from '#renderer/app/notifier';
import { useOp } from '#renderer/hooks/useOp';
import { DeadlineGroup } from './DeadlineGroup';
import { LoadStatus } from '#renderer/components/LoadStatus';

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
      <LoadStatus loaded={!!data} error={error} onRetry={load} />
      {data && data.rows.length === 0 && <Alert severity="success">没有即将到期或已逾期的期限。</Alert>}
      {data && data.rows.length > 0 && (
        <Stack spacing={2}>
          {/* The bureau's own time limits, apart from the periods the law gives the party (陈述申辩, 缴纳罚款 …). */}
          <DeadlineGroup
            title="本局办理期限"
            testId="deadlines-bureau"
            rows={data.rows.filter((r) => r.owner === 'bureau')}
            empty="本局没有即将到期或已逾期的办理期限。"
          />
          <DeadlineGroup
            title="当事人期限"
            note="当事人陈述申辩、缴纳罚款等期限：期满前无需本局办理，期满后按程序处理。"
            testId="deadlines-party"
            rows={data.rows.filter((r) => r.owner === 'party')}
            empty="没有需要关注的当事人期限。"
          />
        </Stack>
      )}
    </Paper>
  );
}
