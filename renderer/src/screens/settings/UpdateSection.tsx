/**
 * 软件更新: where the desktop app finds new versions — a folder (this PC, a USB stick, a LAN
 * share) for counties without a link, or an address — and what its updater last did. The app checks
 * once a day and at start; a head (or the administrator) may check now. A new version is downloaded
 * in the background, verified, and installed when 案卷 quits. The location is checked as the core
 * checks it (common/updateSource.ts), so a wrong one is named before it is sent.
 */
import { useEffect, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { UpdatesView } from '#common/schemas/updates';
import { isProvincialServerSource, parseUpdateSource } from '#common/updateSource';
import { send } from '#renderer/api/send';
import { fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { useCanCall } from '#renderer/app/canCall';
import { useNotifier } from '#renderer/app/notifier';
import { InlineSettingForm } from '#renderer/components/InlineSettingForm';
import { Section } from '#renderer/components/Section';
import { useOp } from '#renderer/hooks/useOp';
import { formatInstant } from '#renderer/util/dates';

const severity = {
  error: 'error',
  downloaded: 'success',
  downloading: 'info',
  'up-to-date': 'success',
  checking: 'info',
  idle: 'info',
  disabled: 'info',
} as const;

export function UpdateSection() {
  const can = useCanCall();
  const canEdit = can('updates.setSource');
  const notifier = useNotifier();
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'check' | null>(null);
  const loaded = useOp('updates.get', {}, { onError: (e) => setFailure(messageOf(e)) });
  // What 保存 or 检查更新 answered replaces what was loaded.
  const [answered, setView] = useState<UpdatesView | null>(null);
  const view = answered ?? loaded.data ?? null;
  useEffect(() => {
    if (loaded.data) setValue(loaded.data.source ?? '');
  }, [loaded.data]);

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    const text = value.trim();
    if (text && !isProvincialServerSource(text)) {
      const parsed = parseUpdateSource(text);
      if (!parsed.ok) {
        setError(parsed.message);
        return;
      }
    }
    setError('');
    setFailure(null);
    setBusy('save');
    try {
      const v = await send('updates.setSource', { source: text });
      setView(v);
      setValue(v.source ?? '');
      notifier.success(v.source ? `已设置更新位置：${v.source}` : '已改用安装包内置的更新地址');
    } catch (err) {
      setError(fieldErrorsOf(err).source ?? '');
      setFailure(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  const check = async (): Promise<void> => {
    if (busy) return;
    setFailure(null);
    setBusy('check');
    try {
      setView(await send('updates.check', {}));
    } catch (err) {
      setFailure(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  const status = view?.status ?? null;
  return (
    <Section
      title="软件更新"
      subtitle="案卷每天检查一次新版本；新版本在后台下载、校验后，于退出案卷时安装"
      testId="settings-updates"
    >
      <Stack spacing={1.5}>
        {failure && (
          <Alert severity="error" data-testid="settings-updates-error">
            {failure}
          </Alert>
        )}
        {status?.rollbackAdvice && (
          <Alert severity="warning" data-testid="settings-updates-rollback">
            {status.rollbackAdvice}
          </Alert>
        )}
        {view && !view.desktop && (
          <Alert severity="info">
            网页版不自行更新：随桌面程序或服务器一起更新。此处设置的位置供本局的桌面程序使用。
          </Alert>
        )}
        {status && (
          <Alert severity={severity[status.state]} data-testid="settings-updates-status">
            当前版本 {status.version}
            {status.previousVersion ? `（上一版本 ${status.previousVersion}）` : ''}。{status.message}
            {status.source ? `　更新位置：${status.source}` : ''}
            {status.lastCheckAt ? `　最近检查：${formatInstant(status.lastCheckAt)}` : ''}
          </Alert>
        )}
        {canEdit ? (
          <InlineSettingForm
            label="更新文件所在的文件夹或网址"
            value={value}
            disabled={busy !== null}
            onChange={(v) => {
              setValue(v);
              setError('');
            }}
            onSubmit={(e) => void save(e)}
            error={error}
            hint={
              '如 D:\\案卷更新、U盘上的文件夹、\\\\服务器\\共享\\案卷、http://192.168.1.20/anjuan/；填“省级服务器”则从本机登记的省级服务器获取；留空则用安装包内置的地址'
            }
            testId="settings-update-source"
          >
            <Button
              type="submit"
              variant="outlined"
              loading={busy === 'save'}
              disabled={value.trim() === (view?.source ?? '')}
              data-testid="settings-update-source-save"
              sx={{ height: 40, flexShrink: 0 }}
            >
              保存
            </Button>
            <Button
              variant="contained"
              loading={busy === 'check'}
              disabled={!view?.desktop || busy !== null}
              onClick={() => void check()}
              data-testid="settings-update-check"
              sx={{ height: 40, flexShrink: 0 }}
            >
              立即检查
            </Button>
          </InlineSettingForm>
        ) : (
          <Typography variant="body2" data-testid="settings-update-source-value">
            更新位置：{view?.source ?? '安装包内置的地址'}（由局负责人或系统管理员设置）
          </Typography>
        )}
      </Stack>
    </Section>
  );
}
