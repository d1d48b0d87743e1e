/** 卷宗: 组卷 (dossier.build), its 卷内目录, and the bound PDF's preview. */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import LibraryBooksOutlinedIcon from '@mui/icons-material/LibraryBooksOutlined';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import type { z } from 'zod';
import type { CaseView } from '../../../../../common/schemas/cases';
import type { dossierOutput } from '../../../../../common/schemas/documents';
import { send } from '../../../api/send';
import { messageOf } from '../../../api/errors';
import { hasRole, useSession } from '../../../app/session';
import { useNotifier } from '../../../app/notifier';
import { PdfPreviewDialog } from '../../../preview/PdfPreviewDialog';
import type { PdfSource } from '../../../preview/pdfSource';
import { formatInstant } from '../../../util/dates';
import { CatalogTable } from './CatalogTable';

type Dossier = z.infer<typeof dossierOutput>;

export function DossierPanel({ view, onChanged }: { view: CaseView; onChanged(): Promise<void> }) {
  const { user } = useSession();
  const notifier = useNotifier();
  const [built, setBuilt] = useState<Dossier | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<PdfSource | null>(null);
  const canBuild = hasRole(user, 'officer', 'reviewer', 'head');
  const existing = built ?? view.state.dossier;

  const build = async (): Promise<void> => {
    setPending(true);
    setError(null);
    try {
      const d = await send('dossier.build', { caseId: view.state.id });
      setBuilt(d);
      notifier.success(`组卷完成，共 ${d.pages} 页`);
      setPreview({ kind: 'blob', pdfHash: d.pdfHash, title: `${view.state.number} 卷宗` });
      await onChanged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack spacing={2} data-testid="dossier">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        {canBuild && (
          <Button variant="contained" startIcon={<LibraryBooksOutlinedIcon />} loading={pending} onClick={() => void build()} data-testid="dossier-build">
            {existing ? '重新组卷' : '组卷'}
          </Button>
        )}
        {existing && (
          <Button
            startIcon={<VisibilityOutlinedIcon />}
            onClick={() => setPreview({ kind: 'blob', pdfHash: existing.pdfHash, title: `${view.state.number} 卷宗` })}
            data-testid="dossier-preview"
          >
            预览卷宗
          </Button>
        )}
        <Box sx={{ flex: 1 }} />
        {existing && (
          <Typography variant="body2" color="text.secondary" data-testid="dossier-info">
            {formatInstant(existing.builtAt)} 组卷 · 共 {existing.pages} 页
          </Typography>
        )}
      </Stack>
      {pending && (
        <Box>
          <LinearProgress data-testid="dossier-progress" />
          <Typography variant="caption" color="text.secondary">正在组卷：封面、卷内目录、文书、证据照片、页码、书签…</Typography>
        </Box>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      {!existing && !pending && (
        <Typography variant="body2" color="text.secondary">
          组卷将案件的全部文书和证据按规定顺序装订为一份PDF，包括封面、卷内目录、页码和备考表。
        </Typography>
      )}
      {built && <CatalogTable catalog={built.catalog} />}
      {!built && existing && <Typography variant="body2" color="text.secondary">点击“重新组卷”可查看卷内目录。</Typography>}
      {preview && <PdfPreviewDialog source={preview} onClose={() => setPreview(null)} />}
    </Stack>
  );
}
