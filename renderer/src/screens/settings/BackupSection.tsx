/**
 * 数据备份: the backups the core keeps (daily, by hand, safety copies before a restore),
 * 立即备份, 恢复 after a confirmation that says what will be replaced, and the backup folder.
 * Only a head (局负责人) or an administrator sees it; the operations refuse anyone else.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import BackupIcon from '@mui/icons-material/Backup';
import { backupKindNames, type BackupInfo, type BackupListOutput } from '#common/schemas/backup';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { useSession } from '#renderer/app/session';
import { useCanCall } from '#renderer/app/canCall';
import { useNotifier } from '#renderer/app/notifier';
import { ConfirmDialog } from '#renderer/components/ConfirmDialog';
import { Section } from '#renderer/components/Section';
import { useOp } from '#renderer/hooks/useOp';
import { formatInstant } from '#renderer/util/dates';
import { formatSize } from '#renderer/util/size';
import { LoadStatus } from '#renderer/components/LoadStatus';

function FolderForm({ list, onChanged }: { list: BackupListOutput; onChanged(l: BackupListOutput): void }) {
  const notifier = useNotifier();
  const [value, setValue] = useState(list.usingDefault ? '' : list.folder);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => setValue(list.usingDefault ? '' : list.folder), [list.folder, list.usingDefault]);
  const save = async (): Promise<void> => {
    setSaving(true);
    setError('');
    try {
      const l = await send('backup.setFolder', { folder: value.trim() === '' ? null : value.trim() });
      onChanged(l);
      notifier.success(`备份文件夹：${l.folder}`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        size="small"
        label="备份文件夹（完整路径，留空则用默认）"
        value={value}
        disabled={saving}
        fullWidth
        onChange={(e) => {
          setValue(e.target.value);
          setError('');
        }}
        error={Boolean(error)}
        helperText={error || `默认：${list.defaultFolder}。建议选另一块硬盘或网络共享，本机硬盘损坏时备份仍在。`}
        slotProps={{ htmlInput: { 'data-testid': 'backup-folder' } }}
      />
      <Button
        variant="outlined"
        onClick={() => void save()}
        loading={saving}
        data-testid="backup-folder-save"
        sx={{ height: 40, flexShrink: 0 }}
        disabled={value.trim() === (list.usingDefault ? '' : list.folder)}
      >
        保存
      </Button>
    </Stack>
  );
}

export function BackupSection() {
  const { logoutWithNotice } = useSession();
  const can = useCanCall();
  const allowed = can('backup.now');
  const notifier = useNotifier();
  const { data: list, error, reload: load, set: setList } = useOp('backup.list', allowed ? {} : null);
  const [backingUp, setBackingUp] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [pending, setPending] = useState(false);

  if (!allowed) return null;

  const backupNow = async (): Promise<void> => {
    setBackingUp(true);
    try {
      const b = await send('backup.now', {});
      notifier.success(`已备份：${b.cases}件案件，${b.blobs}个文件`);
      await load();
    } catch (e) {
      notifier.error(e);
    } finally {
      setBackingUp(false);
    }
  };

  const restore = async (): Promise<void> => {
    if (!restoring) return;
    setPending(true);
    try {
      const r = await send('backup.restore', { id: restoring.id });
      setRestoring(null);
      // The database was replaced, and with it the sessions: log in again. The login screen keeps
      // saying what happened (a toast alone would be gone before the clerk has read it).
      logoutWithNotice(`${r.message}请重新登录。`);
    } catch (e) {
      notifier.error(e);
      setPending(false);
    }
  };

  return (
    <Section
      title="数据备份"
      subtitle={
        list
          ? `每${list.intervalHours}小时自动备份一次；保留最近${list.retention.daily}天每天一份、此前${list.retention.weekly}周每周一份，以及恢复前的安全备份${list.retention.safety}份`
          : undefined
      }
      action={
        <Button
          variant="contained"
          startIcon={<BackupIcon />}
          onClick={() => void backupNow()}
          loading={backingUp}
          disabled={!list}
          data-testid="backup-now"
        >
          立即备份
        </Button>
      }
      testId="settings-backup"
    >
      <LoadStatus loaded={!!list} error={error} onRetry={load} />
      {list && (
        <Stack spacing={2}>
          {list.lastError && (
            <Alert severity="error" data-testid="backup-last-error">
              上次自动备份失败（{formatInstant(list.lastError.at)}）：{list.lastError.message}
            </Alert>
          )}
          {!list.scheduled && <Alert severity="info">此方式运行时不自动备份，请定期点“立即备份”。</Alert>}
          {list.backups.length === 0 ? (
            <Alert severity="warning" data-testid="backup-none">
              还没有备份。请点“立即备份”。
            </Alert>
          ) : (
            <Table size="small" data-testid="backup-list">
              <TableHead>
                <TableRow>
                  <TableCell>时间</TableCell>
                  <TableCell>类型</TableCell>
                  <TableCell align="right">案件</TableCell>
                  <TableCell align="right">文件</TableCell>
                  <TableCell align="right">大小</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {list.backups.map((b) => (
                  <TableRow key={b.id} data-testid={`backup-row-${b.id}`}>
                    <TableCell>{formatInstant(b.createdAt)}</TableCell>
                    <TableCell>
                      {backupKindNames[b.kind]}
                      {b.missingBlobs > 0 && (
                        <Chip size="small" color="warning" label={`备份时缺${b.missingBlobs}个文件`} sx={{ ml: 1 }} />
                      )}
                      {b.problems.length > 0 && (
                        <Chip size="small" color="error" label="已损坏" title={b.problems.join('；')} sx={{ ml: 1 }} />
                      )}
                    </TableCell>
                    <TableCell align="right">{b.cases}</TableCell>
                    <TableCell align="right">{b.blobs}</TableCell>
                    <TableCell align="right">{formatSize(b.databaseBytes + b.blobBytes)}</TableCell>
                    <TableCell align="right">
                      <Button
                        size="small"
                        color="warning"
                        disabled={b.problems.length > 0}
                        onClick={() => setRestoring(b)}
                        data-testid={`backup-restore-${b.id}`}
                      >
                        恢复
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Typography variant="body2" color="text.secondary">
            备份位置：{list.folder}
          </Typography>
          <FolderForm list={list} onChanged={setList} />
        </Stack>
      )}
      {restoring && (
        <ConfirmDialog
          title="从备份恢复"
          confirmLabel="恢复"
          pending={pending}
          testId="backup-restore-dialog"
          onConfirm={() => void restore()}
          onClose={() => {
            if (!pending) setRestoring(null);
          }}
        >
          <Typography variant="body2" sx={{ mb: 1.5 }}>
            将用 {formatInstant(restoring.createdAt)} 的{backupKindNames[restoring.kind]}（{restoring.cases}件案件）
            <b>替换当前的全部数据</b>：
            案件及其全过程记录、用户和本局设置、节假日日历、程序和模板的载入版本；缺失或损坏的证据和文书文件从备份中找回。
          </Typography>
          <Typography variant="body2" sx={{ mb: 1.5 }}>
            此备份之后的所有改动都将不在恢复后的数据中。恢复前，当前数据会先另存为一份安全备份，需要时可以再恢复回来。
          </Typography>
          <Typography variant="body2">恢复时工作站暂停其他操作；完成后所有用户须重新登录。</Typography>
        </ConfirmDialog>
      )}
    </Section>
  );
}
