/**
 * 卷宗: 组卷 (dossier.build) into the 正卷 and, when the case has internal documents, the 副卷; each
 * volume's 卷内目录 and PDF. The 保管期限 chosen here is printed on the covers and must be the one 归档 records.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import LibraryBooksOutlinedIcon from '@mui/icons-material/LibraryBooksOutlined';
import type { CaseView } from '#common/schemas/cases';
import { retentionPeriods, type DossierOutput } from '#common/schemas/documents';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { useCanCall } from '#renderer/app/canCall';
import { useNotifier } from '#renderer/app/notifier';
import { PdfPreviewDialog } from '#renderer/preview/PdfPreviewDialog';
import type { PdfSource } from '#renderer/preview/pdfSource';
import { formatInstant } from '#renderer/util/dates';
import { VolumeSection } from './VolumeSection';
import { ExportPackage } from './ExportPackage';
import { volumesOf } from './volumes';
import { SignOption, useSigningChoice } from './SignOption'; // 签章 with the bureau's certificate
import { ArrangeOrder } from './ArrangeOrder'; // 卷内顺序: the reviewer's order within the rules
import { ConfirmDialog } from '#renderer/components/ConfirmDialog';

export function DossierPanel({ view, onChanged }: { view: CaseView; onChanged(): Promise<void> }) {
  const can = useCanCall();
  const notifier = useNotifier();
  const [built, setBuilt] = useState<DossierOutput | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<PdfSource | null>(null);
  // Unsaved changes to the 卷内顺序 are not bound: 组卷 asks first.
  const [orderDirty, setOrderDirty] = useState(false);
  const [confirmBuild, setConfirmBuild] = useState(false);
  const canBuild = can('dossier.build');
  const existing = built ?? view.state.dossier;
  const volumes = volumesOf(built, view.state.dossier);
  const [retention, setRetention] = useState<(typeof retentionPeriods)[number]>(
    view.state.dossier?.retention ?? '30年',
  );
  const signing = useSigningChoice();
  const pagesText = volumes.map((v) => `${v.volume} ${v.pages} 页`).join('，');

  const build = async (): Promise<void> => {
    setPending(true);
    setError(null);
    try {
      const d = await send('dossier.build', {
        caseId: view.state.id,
        retention,
        ...(signing.sign !== undefined ? { sign: signing.sign } : {}),
      });
      setBuilt(d);
      notifier.success(`组卷完成：${d.volumes.map((v) => `${v.volume} ${v.pages} 页`).join('，')}`);
      // The 正卷 opens at once, as the one volume did; the 副卷 is a click away below.
      setPreview({
        kind: 'blob',
        caseId: view.state.id,
        pdfHash: d.pdfHash,
        title: `${view.state.number} 卷宗（正卷）`,
      });
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
          <TextField
            select
            size="small"
            label="保管期限"
            value={retention}
            disabled={pending}
            sx={{ width: 120 }}
            onChange={(e) => setRetention(e.target.value as (typeof retentionPeriods)[number])}
            slotProps={{ htmlInput: { 'data-testid': 'dossier-retention' } }}
          >
            {retentionPeriods.map((r) => (
              <MenuItem key={r} value={r}>
                {r}
              </MenuItem>
            ))}
          </TextField>
        )}
        {canBuild && <SignOption choice={signing} disabled={pending} />}
        {canBuild && (
          <Button
            variant="contained"
            startIcon={<LibraryBooksOutlinedIcon />}
            loading={pending}
            onClick={() => (orderDirty ? setConfirmBuild(true) : void build())}
            data-testid="dossier-build"
          >
            {existing ? '重新组卷' : '组卷'}
          </Button>
        )}
        <Box sx={{ flex: 1 }} />
        {existing && (
          <Typography variant="body2" color="text.secondary" data-testid="dossier-info">
            {formatInstant(existing.builtAt)} 组卷 ·{' '}
            {volumes.length > 1 ? `正卷、副卷两卷：${pagesText}` : `共 ${existing.pages} 页`}
          </Typography>
        )}
      </Stack>
      {pending && (
        <Box>
          <LinearProgress data-testid="dossier-progress" />
          <Typography variant="caption" color="text.secondary">
            正在组卷：正卷、副卷的封面、卷内目录、文书、证据照片、页码、书签、备考表…
          </Typography>
        </Box>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      {!existing && !pending && (
        <Typography variant="body2" color="text.secondary">
          组卷将案件的全部文书和证据按规定顺序装订为正卷；内部审批、法制审核、集体讨论等材料另行装订为副卷。每卷有封面、卷内目录、页码和备考表。
        </Typography>
      )}
      <ArrangeOrder caseId={view.state.id} caseVersion={view.state.version} onDirtyChange={setOrderDirty} />
      {volumes.map((v) => (
        <VolumeSection
          key={v.volume}
          volume={v}
          caseId={view.state.id}
          caseNumber={view.state.number}
          onPreview={setPreview}
        />
      ))}
      {existing && can('dossier.exportPackage') && <ExportPackage caseId={view.state.id} />}
      {preview && <PdfPreviewDialog source={preview} onClose={() => setPreview(null)} />}
      {confirmBuild && (
        <ConfirmDialog
          title="卷内顺序尚未保存"
          confirmLabel="仍然组卷"
          pending={false}
          onClose={() => setConfirmBuild(false)}
          onConfirm={() => {
            setConfirmBuild(false);
            void build();
          }}
          testId="dossier-unsaved-order"
        >
          卷内顺序的修改尚未保存。组卷将按已保存的顺序装订，不含这些修改。
        </ConfirmDialog>
      )}
    </Stack>
  );
}
