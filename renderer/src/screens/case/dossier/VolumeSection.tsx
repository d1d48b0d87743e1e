/** One bound volume (正卷 or 副卷): its page count, 预览 / 下载 / 打印, and its 卷内目录 when known. */
import { useState } from 'react';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import { useNotifier } from '#renderer/app/notifier';
import { loadPdf, type PdfSource } from '#renderer/preview/pdfSource';
import { downloadPdf, printAndTell } from '#renderer/preview/printPdf';
import { CatalogTable } from './CatalogTable';
import { volumeHints, type ShownVolume } from './volumes';

export function VolumeSection({
  volume,
  caseId,
  caseNumber,
  onPreview,
}: {
  volume: ShownVolume;
  caseId: string;
  caseNumber: string;
  onPreview(source: PdfSource): void;
}) {
  const notifier = useNotifier();
  const [busy, setBusy] = useState<'download' | 'print' | null>(null);
  const source: PdfSource = {
    kind: 'blob',
    caseId,
    pdfHash: volume.pdfHash,
    title: `${caseNumber} 卷宗（${volume.volume}）`,
  };

  const run = async (what: 'download' | 'print'): Promise<void> => {
    setBusy(what);
    try {
      const pdf = await loadPdf(source);
      if (what === 'download') {
        downloadPdf(source.title, pdf.blob);
      } else {
        await printAndTell(source.title, pdf, notifier);
      }
    } catch (e) {
      notifier.error(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="dossier-volume" data-volume={volume.volume}>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h3">
            {volume.volume}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="volume-pages">
            共 {volume.pages} 页
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 200 }}>
            {volumeHints[volume.volume]}
          </Typography>
          <Button startIcon={<VisibilityOutlinedIcon />} onClick={() => onPreview(source)} data-testid="volume-preview">
            预览
          </Button>
          <Button
            startIcon={<DownloadIcon />}
            loading={busy === 'download'}
            disabled={busy !== null}
            onClick={() => void run('download')}
            data-testid="volume-download"
          >
            下载
          </Button>
          <Button
            startIcon={<PrintIcon />}
            loading={busy === 'print'}
            disabled={busy !== null}
            onClick={() => void run('print')}
            data-testid="volume-print"
          >
            打印
          </Button>
        </Stack>
        {volume.catalog ? (
          <CatalogTable catalog={volume.catalog} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            点击“重新组卷”可查看卷内目录。
          </Typography>
        )}
      </Stack>
    </Paper>
  );
}
