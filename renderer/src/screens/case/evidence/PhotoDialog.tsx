/** The photo itself (the original, read as bytes when asked for), with its description and 下载原图. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import type { EvidenceRecord } from '#common/schemas/cases';
import { useFileUrl } from '#renderer/hooks/useFileUrl';
import { safeFileName } from '#renderer/util/binary';

export function PhotoDialog({
  evidence,
  caseId,
  onClose,
}: {
  evidence: EvidenceRecord;
  caseId: string;
  onClose(): void;
}) {
  const url = useFileUrl({ hash: evidence.hash, caseId });
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth data-testid="evidence-photo-dialog">
      <DialogTitle sx={{ overflowWrap: 'anywhere' }}>{evidence.description}</DialogTitle>
      {url === null ? <LinearProgress /> : <div style={{ height: 4 }} />}
      <DialogContent dividers sx={{ bgcolor: '#1f2328', display: 'grid', placeItems: 'center', minHeight: 320 }}>
        {url === 'failed' && <Typography color="error.light">无法读取照片</Typography>}
        {url && url !== 'failed' && (
          <Box
            component="img"
            data-testid="evidence-photo"
            src={url}
            alt={evidence.description}
            sx={{ maxWidth: '100%', maxHeight: '75vh', objectFit: 'contain' }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Typography variant="caption" color="text.secondary" sx={{ flex: 1, pl: 1 }}>
          拍摄 {evidence.takenOn} · {evidence.fileName}
        </Typography>
        <Button
          startIcon={<DownloadIcon />}
          disabled={!url || url === 'failed'}
          component="a"
          href={url && url !== 'failed' ? url : undefined}
          download={safeFileName(evidence.fileName)}
        >
          下载原图
        </Button>
        <Button onClick={onClose} data-testid="evidence-photo-close">
          关闭
        </Button>
      </DialogActions>
    </Dialog>
  );
}
