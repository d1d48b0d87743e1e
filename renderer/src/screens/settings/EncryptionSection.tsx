/**
 * 数据库加密 (encryption at rest; docs/security.md): whether the case database is encrypted, where its
 * key is kept, and 启用数据库加密 after a confirmation that says what it protects and what not.
 * Only the 系统管理员 sees it; the operations refuse anyone else.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { send } from '#renderer/api/send';
import { useCanCall } from '#renderer/app/canCall';
import { useNotifier } from '#renderer/app/notifier';
import { ConfirmDialog } from '#renderer/components/ConfirmDialog';
import { Section } from '#renderer/components/Section';
import { useOp } from '#renderer/hooks/useOp';
import { formatInstant } from '#renderer/util/dates';
import { LoadStatus } from '#renderer/components/LoadStatus';

export function EncryptionSection() {
  const can = useCanCall();
  const allowed = can('security.encryptionStatus');
  const notifier = useNotifier();
  const { data: status, error, reload: load, set: setStatus } = useOp('security.encryptionStatus', allowed ? {} : null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);

  if (!allowed) return null;

  const enable = async (): Promise<void> => {
    setPending(true);
    try {
      const s = await send('security.enableEncryption', {});
      setStatus(s);
      setConfirming(false);
      notifier.success('数据库已加密');
    } catch (e) {
      notifier.error(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <Section
      title="数据库加密"
      subtitle="案件数据库（含当事人身份证号码等个人信息）在磁盘上加密保存"
      action={
        status &&
        !status.encrypted && (
          <Button
            variant="contained"
            color="warning"
            startIcon={<LockOutlinedIcon />}
            disabled={!status.canEnable}
            onClick={() => setConfirming(true)}
            data-testid="encryption-enable"
          >
            启用数据库加密
          </Button>
        )
      }
      testId="settings-encryption"
    >
      <LoadStatus loaded={!!status} error={error} onRetry={load} />
      {status && (
        <Stack spacing={1.5} data-testid="encryption-status">
          {status.encrypted ? (
            <Alert severity="success" data-testid="encryption-on">
              已加密（{status.cipher}
              {status.since ? `，${formatInstant(status.since)}启用` : ''}）。密钥保管在：{status.keyWhere}。
            </Alert>
          ) : (
            <Alert severity="warning" data-testid="encryption-off">
              未加密：拷走硬盘、数据目录或备份文件的人可以直接读取案件和当事人信息。
            </Alert>
          )}
          {!status.encrypted && status.unavailableReason && (
            <Alert severity="info" data-testid="encryption-unavailable">
              {status.unavailableReason}
            </Alert>
          )}
          {status.encrypted && status.plainBackups > 0 && (
            <Alert severity="warning" data-testid="encryption-plain-backups">
              有{status.plainBackups}
              份备份是启用加密之前做的，仍未加密；它们按保留规则过期后会自动删除，也可以在备份文件夹中手工删除。
            </Alert>
          )}
          <Typography variant="body2" color="text.secondary">
            证据照片和文书文件不在数据库中，不随之加密；请同时使用操作系统的磁盘加密（如 BitLocker）保护它们。
          </Typography>
        </Stack>
      )}
      {confirming && status && (
        <ConfirmDialog
          title="启用数据库加密"
          confirmLabel="启用加密"
          pending={pending}
          testId="encryption-dialog"
          onConfirm={() => void enable()}
          onClose={() => {
            if (!pending) setConfirming(false);
          }}
        >
          <Typography variant="body2" sx={{ mb: 1.5 }}>
            案件数据库将用 AES-256 加密算法就地加密，密钥保管在{status.keyWhere}
            ，不写入数据目录。此后新做的备份也是加密的。
          </Typography>
          <Typography variant="body2" sx={{ mb: 1.5 }}>
            <b>能防：</b>硬盘、笔记本电脑或备份文件被拿走、拷走后读取数据库（电脑须锁屏或关机）。
            <b>不能防：</b>
            已经登录本机账户的人或程序、内存中的数据、证据照片和文书文件（它们不加密），以及启用之前做的备份。
          </Typography>
          <Typography variant="body2" sx={{ mb: 1.5 }}>
            加密不能撤销。密钥丢失（例如换了操作系统账户、重装系统、删除了密钥文件）后，数据库和加密的备份都无法再打开，请先确认本机账户和密钥的保管方式。
          </Typography>
          <Typography variant="body2">加密时工作站暂停其他操作，通常只需几秒；已登录的用户不受影响。</Typography>
        </ConfirmDialog>
      )}
    </Section>
  );
}
