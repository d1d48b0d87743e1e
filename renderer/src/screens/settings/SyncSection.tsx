/**
 * 同步: this workstation and the provincial server. The administrator enrols it once (server address
 * and the one-time 注册码); everyone sees the last good sync, what waits to be uploaded, why the last
 * round failed, and may sync now — the round runs in the background, so the page polls its progress
 * while it runs and the clerk's work goes on. Conflicts are listed below (SyncConflicts).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { SyncStatus } from '#common/schemas/sync';
import { send } from '#renderer/api/send';
import { fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { useCanCall } from '#renderer/app/canCall';
import { Section } from '#renderer/components/Section';
import { SyncConflicts } from './SyncConflicts';
import { formatInstant } from '#renderer/util/dates';

/** While a round runs the page asks twice a second (most rounds take less); otherwise every half minute (the schedule may run one). */
const pollMs = (running: boolean): number => (running ? 500 : 30_000);
const when = (iso: string | null): string => (iso ? formatInstant(iso) : '尚未成功同步');

export function SyncSection() {
  const can = useCanCall();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [form, setForm] = useState({ serverUrl: '', code: '', deviceName: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setStatus(await send('sync.status', {}));
    } catch (e) {
      setFailure(messageOf(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    const timer = setTimeout(() => void load(), pollMs(Boolean(status?.running)));
    return () => clearTimeout(timer);
  }, [status, load]);

  const enrol = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setErrors({});
    try {
      setStatus(await send('sync.enrol', form));
      setForm({ serverUrl: '', code: '', deviceName: '' });
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      setFailure(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const syncNow = async (): Promise<void> => {
    setFailure(null);
    try {
      setStatus((await send('sync.now', {})).status);
    } catch (err) {
      setFailure(messageOf(err));
    }
  };

  const field = (key: keyof typeof form, label: string, helper: string) => (
    <TextField
      size="small"
      label={label}
      value={form[key]}
      disabled={busy}
      onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      error={Boolean(errors[key])}
      helperText={errors[key] ?? helper}
      slotProps={{ htmlInput: { 'data-testid': `sync-${key}` } }}
    />
  );

  return (
    <Section title="同步" subtitle="与省级服务器交换案件和基础数据；登记后每5分钟自动同步一次" testId="settings-sync">
      <Stack spacing={1.5}>
        {failure && (
          <Alert severity="error" data-testid="sync-failure">
            {failure}
          </Alert>
        )}
        {status?.stopped && (
          <Alert severity="error" data-testid="sync-stopped">
            同步已停止：{status.stopped}
          </Alert>
        )}
        {status?.enrolled && (
          <Stack spacing={0.5} data-testid="sync-status">
            <Typography variant="body2">
              服务器：{status.server?.url}（{status.server?.bureau}，本工作站“{status.server?.deviceName}”）
            </Typography>
            <Typography variant="body2">上次成功同步时间：{when(status.lastGoodSync)}</Typography>
            <Typography variant="body2" data-testid="sync-pending">
              待上传 {status.pending} 条{status.conflicts ? `，冲突 ${status.conflicts} 项（见下方列表）` : ''}
            </Typography>
            {status.lastError && !status.stopped && (
              <Alert severity="warning" data-testid="sync-error">
                错误原因：{status.lastError}
              </Alert>
            )}
            {status.running && (
              <Stack spacing={0.5} data-testid="sync-progress">
                <Typography variant="body2">
                  正在同步：{status.progress?.stage ?? '准备'}
                  {status.progress?.done
                    ? ` ${status.progress.done}${status.progress.total ? ` / ${status.progress.total}` : ''} 条`
                    : ''}
                </Typography>
                <LinearProgress
                  variant={status.progress?.total ? 'determinate' : 'indeterminate'}
                  value={status.progress?.total ? (100 * status.progress.done) / status.progress.total : 0}
                />
              </Stack>
            )}
            {status.changes.length > 0 && (
              <Typography variant="body2" color="text.secondary" data-testid="sync-changes">
                最近同步：{status.changes.slice(0, 5).join('；')}
              </Typography>
            )}
            <div>
              <Button
                variant="contained"
                disabled={status.running || Boolean(status.stopped)}
                onClick={() => void syncNow()}
                data-testid="sync-now"
              >
                立即同步
              </Button>
            </div>
          </Stack>
        )}
        {status && !status.enrolled && !can('sync.enrol') && (
          <Alert severity="info">本工作站尚未在省级服务器登记，请系统管理员登记。</Alert>
        )}
        {status && can('sync.enrol') && (!status.enrolled || status.stopped) && (
          <Stack component="form" spacing={1} onSubmit={(e) => void enrol(e)} noValidate data-testid="sync-enrol">
            {field('serverUrl', '服务器地址', '如 https://sync.example.gov.cn/')}
            {field('code', '注册码', '省、市（州）管理员签发的一次性注册码')}
            {field('deviceName', '工作站名称', '如 执法一科工作站')}
            <div>
              <Button type="submit" variant="contained" disabled={busy}>
                登记本工作站
              </Button>
            </div>
          </Stack>
        )}
        {status?.enrolled && can('sync.conflicts') && status.conflicts > 0 && (
          <SyncConflicts onChanged={() => void load()} />
        )}
      </Stack>
    </Section>
  );
}
