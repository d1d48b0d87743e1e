/**
 * 本局印章: the PNG stamped on each document at 定稿 (settings.setSeal), shown on a checkerboard so a
 * transparent background is visible; advice on its size and background; removal after a confirmation.
 */
import { useRef } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import UploadIcon from '@mui/icons-material/Upload';
import { maxSealBytes, type SealImageView } from '#common/schemas/settings';
import { send } from '#renderer/api/send';
import { Section } from '#renderer/components/Section';
import { useFileUrl } from '#renderer/hooks/useFileUrl';
import { fileToBase64 } from '#renderer/util/binary';
import { formatSize } from '#renderer/util/size';
import { RemoveSetting } from './RemoveSetting';
import { useSettingAction } from './useSettingAction';

const checkerboard = 'repeating-conic-gradient(#e4e7eb 0% 25%, #fff 0% 50%) 50% / 16px 16px';

function SealPreview({ seal }: { seal: SealImageView }) {
  const url = useFileUrl({ hash: seal.hash });
  return (
    <Box
      sx={{
        width: 168,
        height: 168,
        background: checkerboard,
        border: 1,
        borderColor: 'divider',
        display: 'grid',
        placeItems: 'center',
      }}
    >
      {url === null && <Skeleton variant="rectangular" width={160} height={160} />}
      {url === 'failed' && (
        <Typography variant="caption" color="error">
          无法读取印章图片
        </Typography>
      )}
      {url && url !== 'failed' && (
        <img
          data-testid="seal-preview"
          src={url}
          alt="本局印章"
          style={{ maxWidth: 160, maxHeight: 160, objectFit: 'contain' }}
        />
      )}
    </Box>
  );
}

export function SealSection({
  seal,
  canEdit,
  onChanged,
}: {
  seal: SealImageView | null;
  canEdit: boolean;
  onChanged(): Promise<void>;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const setting = useSettingAction(onChanged);
  const removal = useSettingAction(onChanged, 'toast');
  const { failure, setFailure } = setting;
  const [uploading, removing] = [setting.pending, removal.pending];

  const upload = async (file: File | null): Promise<void> => {
    if (fileInput.current) fileInput.current.value = ''; // the same file may be picked again after a fix
    if (!file) return;
    setFailure(null);
    // The core checks again; these spare the upload of what it would refuse.
    if (file.type !== 'image/png' && !/\.png$/i.test(file.name)) {
      setFailure(`印章图片应为PNG文件：${file.name}`);
      return;
    }
    if (file.size > maxSealBytes) {
      setFailure(`印章图片过大（${formatSize(file.size)}），不能超过${formatSize(maxSealBytes)}：${file.name}`);
      return;
    }
    await setting.run(async () => {
      const r = await send('settings.setSeal', { pngBase64: await fileToBase64(file) });
      return r.seal.hints.length ? '已设置本局印章，请留意图片提示' : '已设置本局印章，此后定稿的文书加盖此印章';
    });
  };

  return (
    <Section
      title="本局印章"
      subtitle="定稿时盖在文书落款处（直径42毫米）；未设置图片时加盖按本局名称绘制的印章"
      testId="settings-seal"
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        {seal ? (
          <SealPreview seal={seal} />
        ) : (
          <Box
            sx={{
              width: 168,
              height: 168,
              border: 1,
              borderStyle: 'dashed',
              borderColor: 'divider',
              display: 'grid',
              placeItems: 'center',
              p: 1,
              textAlign: 'center',
            }}
          >
            <Typography variant="body2" color="text.secondary" data-testid="seal-none">
              未设置印章图片
            </Typography>
          </Box>
        )}
        <Stack spacing={1} sx={{ flex: 1, minWidth: 0 }}>
          {seal && (
            <Typography variant="body2" data-testid="seal-size">
              印章图片：{seal.width}×{seal.height}像素
            </Typography>
          )}
          {seal && seal.hints.length > 0 && (
            <Alert severity="warning" data-testid="seal-hints">
              {seal.hints.map((h) => (
                <div key={h}>{h}</div>
              ))}
            </Alert>
          )}
          <Typography variant="caption" color="text.secondary">
            要求：PNG格式，透明背景，正方形，建议不小于500×500像素，不超过{formatSize(maxSealBytes)}
            。请用本局印章的扫描件去除白底后导出。
          </Typography>
          {canEdit && (
            <Stack direction="row" spacing={1}>
              <input
                ref={fileInput}
                type="file"
                accept="image/png,.png"
                hidden
                data-testid="seal-file"
                onChange={(e) => void upload(e.target.files?.[0] ?? null)}
              />
              <Button
                variant="outlined"
                startIcon={<UploadIcon />}
                loading={uploading}
                disabled={removing}
                onClick={() => fileInput.current?.click()}
                data-testid="seal-upload"
              >
                {seal ? '更换印章图片…' : '上传印章图片…'}
              </Button>
              {seal && (
                <RemoveSetting
                  action={removal}
                  remove={async () => {
                    await send('settings.clearSeal', {});
                    return '已删除本局印章图片，此后定稿的文书加盖绘制的印章';
                  }}
                  label="删除印章图片"
                  title="删除本局印章图片？"
                  disabled={uploading}
                  testId="seal-remove"
                >
                  此后定稿的文书将加盖按本局名称绘制的印章。已定稿的文书保留原来的印章，不受影响。
                </RemoveSetting>
              )}
            </Stack>
          )}
          {failure && (
            <Alert severity="error" data-testid="seal-error" onClose={() => setFailure(null)}>
              {failure}
            </Alert>
          )}
        </Stack>
      </Stack>
    </Section>
  );
}
