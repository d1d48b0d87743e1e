/** 证据: the case's photos (thumbnails) and the upload form. */
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { CaseView } from '#common/schemas/cases';
import { useCanCall } from '#renderer/app/canCall';
import { EvidenceCard } from './EvidenceCard';
import { EvidenceUpload } from './EvidenceUpload';
import { useScrollToFocus } from '../useScrollToFocus';

export function EvidencePanel({
  view,
  onChanged,
  focus,
}: {
  view: CaseView;
  onChanged(): Promise<void>;
  /** The item a search hit opened the case at: highlighted and scrolled to. */
  focus?: string;
}) {
  const can = useCanCall();
  useScrollToFocus(
    focus,
    'data-evidence-id',
    view.state.evidence.some((e) => e.id === focus),
  );
  const canAdd = can('evidence.add') && view.state.node !== 'closed';
  return (
    <Stack spacing={3}>
      {canAdd && <EvidenceUpload view={view} onAdded={onChanged} />}
      <Box>
        <Typography variant="subtitle1" gutterBottom>
          现场照片（{view.state.evidence.length}）
        </Typography>
        {view.state.evidence.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            尚未上传证据。
          </Typography>
        )}
        <Box
          sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' }}
          data-testid="evidence-list"
        >
          {view.state.evidence.map((e) => (
            <EvidenceCard
              key={e.id}
              evidence={e}
              caseId={view.state.id}
              focused={e.id === focus}
              ocr={view.ocr?.find((o) => o.evidenceId === e.id)}
            />
          ))}
        </Box>
      </Box>
    </Stack>
  );
}
