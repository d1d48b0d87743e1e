/**
 * 本局设置: how documents become PDFs (the engine, a 试打印), the bureau's seal image, how far ahead
 * deadlines are flagged, and 本局文书信息 (address, telephone, court, where fines are paid). Everyone sees the values; only a head (局负责人) changes them.
 */
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCanCall } from '#renderer/app/canCall';
import { useOp } from '#renderer/hooks/useOp';
import { PdfEngineSection } from './PdfEngineSection';
import { SealSection } from './SealSection';
import { CertificateSection } from './CertificateSection'; // 电子签章证书 (PAdES at 组卷)
import { WarnAheadSection } from './WarnAheadSection';
import { BureauInfoSection } from './BureauInfoSection';
import { BackupSection } from './BackupSection'; // 数据备份
import { UpdateSection } from './UpdateSection'; // 软件更新
import { EncryptionSection } from './EncryptionSection'; // 数据库加密 (系统管理员)
import { SyncSection } from './SyncSection'; // 同步: enrolment with the provincial server, status, conflicts
import { LoadStatus } from '#renderer/components/LoadStatus';

/**
 * For a user who may not change the head's settings. The administrator still manages the certificate,
 * the backups, encryption, updates and sync below: the notice names only what he cannot change.
 */
function readonlyText(managesSystem: boolean): string {
  return managesSystem
    ? '打印与PDF、本局印章、期限提醒和本局文书信息只有局负责人可以修改，您可以查看和试打印；电子签章证书及以下各项由您管理。'
    : '只有局负责人可以修改本局设置，您可以查看当前设置和试打印。';
}

export function SettingsScreen() {
  const can = useCanCall();
  const canEdit = can('settings.update');
  const { data: settings, error, reload: load, set: setSettings } = useOp('settings.get', {});

  return (
    <Stack spacing={2} sx={{ maxWidth: 960, mx: 'auto' }} data-testid="settings-screen">
      <Typography variant="h6" component="h1">
        本局设置
      </Typography>
      {!canEdit && (
        <Alert severity="info" data-testid="settings-readonly">
          {readonlyText(can('settings.setCertificate'))}
        </Alert>
      )}
      <LoadStatus loaded={!!settings} error={error} onRetry={load} />
      {settings && (
        <>
          <PdfEngineSection settings={settings} canEdit={canEdit} onChanged={setSettings} />
          <SealSection seal={settings.seal} canEdit={canEdit} onChanged={load} />
          <CertificateSection
            certificate={settings.certificate}
            canEdit={can('settings.setCertificate')}
            onChanged={load}
          />
          <WarnAheadSection days={settings.warnAheadWorkingDays} canEdit={canEdit} onChanged={setSettings} />
          <BureauInfoSection info={settings.bureauInfo} canEdit={canEdit} onChanged={setSettings} />
        </>
      )}
      <BackupSection />
      <EncryptionSection />
      <UpdateSection />
      <SyncSection />
    </Stack>
  );
}
