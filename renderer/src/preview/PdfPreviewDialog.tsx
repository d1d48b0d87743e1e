/** 预览: the PDF rendered page by page, with page count, zoom, 打印 and 下载. */
import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import { messageOf } from '../api/errors';
import { useNotifier } from '../app/notifier';
import { PdfPages } from './PdfPages';
import { loadPdf, type LoadedPdf, type PdfSource } from './pdfSource';
import { downloadPdf, printAndTell } from './printPdf';

const zooms = [0.6, 0.8, 1, 1.25, 1.5, 2];

export function PdfPreviewDialog({ source, onClose }: { source: PdfSource; onClose(): void }) {
  const notifier = useNotifier();
  const [pdf, setPdf] = useState<LoadedPdf | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [zoomIndex, setZoomIndex] = useState(2);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    let live = true;
    loadPdf(source)
      .then((p) => {
        if (live) setPdf(p);
      })
      .catch((e: unknown) => {
        if (live) setError(messageOf(e));
      });
    return () => {
      live = false;
    };
  }, [source]);

  const onPageCount = useCallback((n: number) => setPages(n), []);
  const zoom = zooms[zoomIndex] ?? 1;

  const print = async (): Promise<void> => {
    if (!pdf) return;
    setPrinting(true);
    try {
      await printAndTell(source.title, pdf, notifier);
    } catch (e) {
      notifier.error(e);
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="lg"
      data-testid="preview-dialog"
      slotProps={{ paper: { sx: { height: '92vh' } } }}
    >
      <DialogTitle sx={{ py: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography
            variant="h6"
            component="span"
            sx={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          >
            {source.title}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="preview-page-count">
            {pages === null ? '' : `共 ${pages} 页`}
          </Typography>
          <Tooltip title="缩小">
            <span>
              <IconButton
                aria-label="缩小"
                disabled={zoomIndex === 0}
                onClick={() => setZoomIndex((z) => Math.max(0, z - 1))}
              >
                <ZoomOutIcon />
              </IconButton>
            </span>
          </Tooltip>
          <Typography variant="body2" sx={{ width: 48, textAlign: 'center' }} data-testid="preview-zoom">
            {Math.round(zoom * 100)}%
          </Typography>
          <Tooltip title="放大">
            <span>
              <IconButton
                aria-label="放大"
                disabled={zoomIndex === zooms.length - 1}
                onClick={() => setZoomIndex((z) => Math.min(zooms.length - 1, z + 1))}
              >
                <ZoomInIcon />
              </IconButton>
            </span>
          </Tooltip>
          <Button
            startIcon={<PrintIcon />}
            disabled={!pdf}
            loading={printing}
            onClick={() => void print()}
            data-testid="preview-print"
          >
            打印
          </Button>
          <Button
            startIcon={<DownloadIcon />}
            disabled={!pdf}
            onClick={() => pdf && downloadPdf(source.title, pdf.blob)}
            data-testid="preview-download"
          >
            下载
          </Button>
          <IconButton aria-label="关闭" onClick={onClose} data-testid="preview-close">
            <CloseIcon />
          </IconButton>
        </Stack>
      </DialogTitle>
      {!pdf && !error ? <LinearProgress data-testid="preview-progress" /> : <div style={{ height: 4 }} />}
      <DialogContent dividers sx={{ bgcolor: '#e3e6ea', p: 2 }}>
        {error && <Alert severity="error">{error}</Alert>}
        {!pdf && !error && <Box sx={{ textAlign: 'center', color: 'text.secondary', mt: 8 }}>正在生成PDF…</Box>}
        {pdf && <PdfPages bytes={pdf.bytes} zoom={zoom} onPageCount={onPageCount} />}
      </DialogContent>
    </Dialog>
  );
}
