/** One photo: its thumbnail (read with blobs.read), description, date and who added it. */
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { EvidenceRecord } from '../../../../../common/schemas/cases';
import { useBlobUrl } from '../../../hooks/useBlobUrl';
import { formatSize } from '../../../util/size';

export function EvidenceCard({ evidence }: { evidence: EvidenceRecord }) {
  const url = useBlobUrl(evidence.hash, evidence.mimeType);
  return (
    <Paper data-testid="evidence-item" sx={{ overflow: 'hidden' }}>
      <Box sx={{ height: 150, bgcolor: '#eef0f3', display: 'grid', placeItems: 'center' }}>
        {url === null && <Skeleton variant="rectangular" width="100%" height={150} />}
        {url === 'failed' && <Typography variant="caption" color="error">无法读取照片</Typography>}
        {url && url !== 'failed' && (
          <img data-testid="evidence-thumb" src={url} alt={evidence.description} style={{ maxWidth: '100%', maxHeight: 150, objectFit: 'contain' }} />
        )}
      </Box>
      <Box sx={{ p: 1.25 }}>
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>{evidence.description}</Typography>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          拍摄 {evidence.takenOn} · {evidence.addedBy}上传
        </Typography>
        <Typography variant="caption" color="text.disabled" sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {evidence.fileName} · {formatSize(evidence.size)}
        </Typography>
      </Box>
    </Paper>
  );
}
