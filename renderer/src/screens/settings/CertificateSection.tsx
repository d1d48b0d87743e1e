/**
 * 电子签章证书: the bureau's PKCS#12 file (.p12/.pfx) and its password, with which 组卷 signs the
 * volumes (PAdES). Shows whose certificate it is (the subject in Chinese), who issued it and until when it
 * is valid; the core refuses a file that is no certificate, a wrong password, a certificate out of date.
 */
import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import UploadIcon from '@mui/icons-material/Upload';
import { maxCertificateBytes, type SigningCertificateView } from '#common/schemas/signing';
import { send } from '#renderer/api/send';
import { Section } from '#renderer/components/Section';
import { fileToBase64 } from '#renderer/util/binary';
import { formatInstant } from '#renderer/util/dates';
import { formatSize } from '#renderer/util/size';
import { RemoveSetting } from './RemoveSetting';
import { useSettingAction } from './useSettingAction';

/** The password field takes the row's width (fullWidth, theme.ts); the buttons keep their words on one line. */
const oneLine = { flexShrink: 0, whiteSpace: 'nowrap' } as const;

function CertificateFacts({ cert }: { cert: SigningCertificateView }) {
  const expired = new Date(cert.notAfter).getTime() < Date.now();
  const rows: Array<[string, string]> = [
    ['证书主体', cert.subject],
    ['颁发者', cert.selfSigned ? `${cert.issuer}（自签名证书）` : cert.issuer],
    ['有效期', `${formatInstant(cert.notBefore)} 至 ${formatInstant(cert.notAfter)}${expired ? '（已过期）' : ''}`],
    ['密钥算法', cert.keyAlgorithm],
    ['序列号', cert.serial],
    ['SHA-256指纹', cert.sha256.toUpperCase()],
  ];
  return (
    <Stack spacing={0.5} data-testid="certificate-facts">
      {rows.map(([label, value]) => (
        <Typography key={label} variant="body2" sx={{ wordBreak: 'break-all' }}>
          <Typography component="span" variant="body2" color="text.secondary">
            {label}：
          </Typography>
          {value}
        </Typography>
      ))}
      {expired && (
        <Alert severity="warning" data-testid="certificate-expired">
          证书已过期，组卷时不能签章，请更换证书。
        </Alert>
      )}
    </Stack>
  );
}

export function CertificateSection({
  certificate,
  canEdit,
  onChanged,
}: {
  certificate: SigningCertificateView | null;
  canEdit: boolean;
  onChanged(): Promise<void>;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const setting = useSettingAction(onChanged);
  const removal = useSettingAction(onChanged, 'toast');
  const { failure, setFailure } = setting;
  const [saving, removing] = [setting.pending, removal.pending];

  const pick = (picked: File | null): void => {
    if (fileInput.current) fileInput.current.value = '';
    setFailure(null);
    if (!picked) return;
    if (picked.size > maxCertificateBytes) {
      setFailure(
        `证书文件过大（${formatSize(picked.size)}），不能超过${formatSize(maxCertificateBytes)}：${picked.name}`,
      );
      return;
    }
    setFile(picked);
  };

  const save = async (): Promise<void> => {
    if (!file) return;
    await setting.run(async () => {
      const cert = await send('settings.setCertificate', { p12Base64: await fileToBase64(file), password });
      setFile(null);
      setPassword('');
      return `已设置电子签章证书：${cert.commonName}，此后组卷时签章`;
    });
  };

  return (
    <Section
      title="电子签章证书"
      subtitle="组卷时用本局的数字证书对正卷、副卷的PDF签章（PAdES），PDF阅读器可验证卷宗是否被改动"
      testId="settings-certificate"
    >
      <Stack spacing={1.5}>
        {certificate ? (
          <CertificateFacts cert={certificate} />
        ) : (
          <Typography variant="body2" color="text.secondary" data-testid="certificate-none">
            未设置电子签章证书，组卷不签章
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary">
          要求：PKCS#12格式（.p12或.pfx，含私钥），RSA或ECDSA（P-256）证书，在有效期内。证书和密码只保存在本机的案件数据库中。
        </Typography>
        {canEdit && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
            <input
              ref={fileInput}
              type="file"
              accept=".p12,.pfx,application/x-pkcs12"
              hidden
              data-testid="certificate-file"
              onChange={(e) => pick(e.target.files?.[0] ?? null)}
            />
            <Button
              variant="outlined"
              startIcon={<UploadIcon />}
              disabled={saving || removing}
              onClick={() => fileInput.current?.click()}
              title={file?.name}
              sx={{ ...oneLine, maxWidth: 320 }}
              data-testid="certificate-pick"
            >
              <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {file ? file.name : certificate ? '更换证书文件…' : '选择证书文件…'}
              </Box>
            </Button>
            <TextField
              size="small"
              type="password"
              label="证书密码"
              value={password}
              disabled={!file || saving}
              onChange={(e) => setPassword(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !saving) void save();
              }}
              slotProps={{ htmlInput: { 'data-testid': 'certificate-password', autoComplete: 'off' } }}
            />
            <Button
              variant="contained"
              loading={saving}
              disabled={!file || removing}
              onClick={() => void save()}
              sx={oneLine}
              data-testid="certificate-save"
            >
              设置证书
            </Button>
            {certificate && (
              <RemoveSetting
                action={removal}
                remove={async () => {
                  await send('settings.clearCertificate', {});
                  return '已删除电子签章证书，此后组卷不再签章';
                }}
                label="删除证书"
                title="删除电子签章证书？"
                disabled={saving}
                testId="certificate-remove"
              >
                此后组卷不再签章。已签章的卷宗保留其签章，不受影响。
              </RemoveSetting>
            )}
          </Stack>
        )}
        {failure && (
          <Alert severity="error" data-testid="certificate-error" onClose={() => setFailure(null)}>
            {failure}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
