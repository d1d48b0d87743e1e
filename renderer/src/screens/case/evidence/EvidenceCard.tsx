/**
 * One photo: its thumbnail (asked for only when the card nears the screen), description, date and
 * who added it; a click opens the photo itself. A case may hold hundreds of 4000×3000 photos: the
 * list never loads an original. A recording or a video shows its length, and a video the still frame
 * taken at upload.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { EvidenceRecord } from '#common/schemas/cases';
import { evidenceKindNames } from '#common/evidenceFiles';
import { durationLabel } from '#common/mediaDuration';
import { useFileUrl } from '#renderer/hooks/useFileUrl';
import { useSeen } from '#renderer/hooks/useSeen';
import { formatSize } from '#renderer/util/size';
import { PhotoDialog } from './PhotoDialog';
import { OcrNote } from './OcrNote';
import type { EvidenceOcr } from '#common/schemas/ocr';

export function EvidenceCard({
  evidence,
  caseId,
  focused = false,
  ocr,
}: {
  evidence: EvidenceRecord;
  caseId: string;
  /** Opened from a search hit: outlined so the eye finds it among the photos. */
  focused?: boolean;
  /** A scan's OCR: searchable yet, and the pages that are not. */
  ocr?: EvidenceOcr | undefined;
}) {
  const [box, seen] = useSeen<HTMLDivElement>();
  // Only photos have thumbnails; a scan, a recording or an office file shows its kind and name.
  const image = evidence.mimeType === 'image/jpeg' || evidence.mimeType === 'image/png';
  const url = useFileUrl(seen && image ? { hash: evidence.hash, caseId, variant: 'thumb' } : null);
  // A video shows the still frame taken at upload (a small JPEG), never the video itself.
  const still = useFileUrl(seen && evidence.stillHash ? { hash: evidence.stillHash, caseId } : null);
  const stillShown = !image && typeof still === 'string' && still !== 'failed';
  const [open, setOpen] = useState(false);
  return (
    <Paper
      data-testid="evidence-item"
      data-evidence-id={evidence.id}
      aria-current={focused ? 'true' : undefined}
      tabIndex={focused ? -1 : undefined}
      sx={{
        overflow: 'hidden',
        ...(focused ? { outline: (t) => `3px solid ${t.palette.primary.main}`, outlineOffset: 2 } : {}),
      }}
    >
      <Box ref={box} sx={{ height: 150, bgcolor: '#eef0f3', display: 'grid', placeItems: 'center' }}>
        {stillShown && (
          <img
            data-testid="evidence-still"
            src={still}
            alt={`${evidence.description}（录像画面）`}
            style={{ maxWidth: '100%', maxHeight: 150, objectFit: 'contain', display: 'block' }}
          />
        )}
        {!image && !stillShown && (
          <Typography variant="subtitle2" color="text.secondary" data-testid="evidence-kind-label">
            {evidenceKindNames[evidence.kind]}
          </Typography>
        )}
        {image && url === null && <Skeleton variant="rectangular" width="100%" height={150} />}
        {url === 'failed' && (
          <Typography variant="caption" color="error">
            无法读取照片
          </Typography>
        )}
        {url && url !== 'failed' && (
          <ButtonBase
            onClick={() => setOpen(true)}
            aria-label={`查看原图：${evidence.description}`}
            data-testid="evidence-open"
            sx={{ maxWidth: '100%', maxHeight: 150 }}
          >
            <img
              data-testid="evidence-thumb"
              src={url}
              alt={evidence.description}
              loading="lazy"
              decoding="async"
              style={{ maxWidth: '100%', maxHeight: 150, objectFit: 'contain', display: 'block' }}
            />
          </ButtonBase>
        )}
      </Box>
      <Box sx={{ p: 1.25 }}>
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          {evidence.description}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {image ? '拍摄' : '取证'} {evidence.takenOn}
          {evidence.takenAt ? ` ${evidence.takenAt}` : ''}
          {evidence.place ? ` · ${evidence.place}` : ''} · {evidence.addedBy}上传
        </Typography>
        <Typography
          variant="caption"
          color="text.disabled"
          sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {evidence.fileName} · {formatSize(evidence.size)}
        </Typography>
        {/* Recorded at upload; evidence recorded before lengths were kept shows none. */}
        {evidence.durationSeconds !== undefined && (
          <Typography
            variant="caption"
            color="text.secondary"
            sx={{ display: 'block' }}
            data-testid="evidence-duration"
          >
            {evidenceKindNames[evidence.kind]}时长：{durationLabel(evidence.durationSeconds)}
          </Typography>
        )}
        <OcrNote ocr={ocr} />
      </Box>
      {open && <PhotoDialog evidence={evidence} caseId={caseId} onClose={() => setOpen(false)} />}
    </Paper>
  );
}
