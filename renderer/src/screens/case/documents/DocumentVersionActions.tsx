/**
 * On the newest version of a document: 导入修改稿 (a .docx edited in Word/WPS becomes the next
 * version; the changed data fields are shown) and 定稿 (locked, hashed, sealed, filed; only a 更正
 * may follow — asked first, since it cannot be undone).
 */
import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { z } from 'zod';
import type { BlockedBy, DocumentRecord } from '#common/schemas/cases';
import { useCanCall } from '#renderer/app/canCall';
import { blockedText } from '../actions/ActionItem';
import type { documentChanges } from '#common/schemas/documents';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';
import { ConfirmDialog } from '#renderer/components/ConfirmDialog';
import { fileToBase64 } from '#renderer/util/binary';

export type Changes = z.infer<typeof documentChanges>;

interface Props {
  caseId: string;
  doc: DocumentRecord;
  disabled: boolean;
  /** 定稿 refused now (its approval not yet given): the button stays disabled with this as its tooltip. */
  finaliseBlockedBy?: BlockedBy | null;
  onChanged(): void;
  /** The import's result is shown by the table: this row goes away once the new version exists. */
  onImported(version: number, changes: Changes): void;
}

export function DocumentVersionActions({
  caseId,
  doc,
  disabled,
  finaliseBlockedBy = null,
  onChanged,
  onImported,
}: Props) {
  const notifier = useNotifier();
  const can = useCanCall();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<'import' | 'finalise' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File): Promise<void> => {
    setPending('import');
    try {
      const r = await send('documents.reimport', {
        caseId,
        documentId: doc.id,
        fileName: file.name,
        contentBase64: await fileToBase64(file),
      });
      onImported(r.document.version, r.changes);
      onChanged();
    } catch (e) {
      notifier.error(e);
    } finally {
      setPending(null);
      if (input.current) input.current.value = '';
    }
  };

  const finalise = async (): Promise<void> => {
    setPending('finalise');
    setError(null);
    try {
      await send('documents.finalise', { caseId, documentId: doc.id });
      setConfirming(false);
      notifier.success(`${doc.name}已定稿并加盖印章`);
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPending(null);
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        data-testid="document-reimport-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
        }}
      />
      {/* offered only to the roles the operations table lets call them (useCanCall). */}
      {can('documents.reimport') && (
        <Button
          size="small"
          loading={pending === 'import'}
          disabled={disabled || pending !== null}
          onClick={() => input.current?.click()}
          data-testid="document-reimport"
        >
          导入修改稿
        </Button>
      )}
      {can('documents.finalise') && (
        <Tooltip
          title={finaliseBlockedBy ? blockedText(finaliseBlockedBy) : ''}
          disableHoverListener={!finaliseBlockedBy}
        >
          <span data-testid={finaliseBlockedBy ? 'document-finalise-blocked' : undefined}>
            <Button
              size="small"
              color="success"
              loading={pending === 'finalise'}
              disabled={disabled || pending !== null || finaliseBlockedBy !== null}
              onClick={() => {
                setError(null);
                setConfirming(true);
              }}
              data-testid="document-finalise"
            >
              定稿
            </Button>
          </span>
        </Tooltip>
      )}
      {confirming && (
        <ConfirmDialog
          title={`定稿：${doc.name}`}
          confirmLabel="定稿并盖章"
          pending={pending === 'finalise'}
          onConfirm={() => void finalise()}
          onClose={() => setConfirming(false)}
          testId="finalise-confirm"
        >
          <Typography variant="body2">定稿后文书锁定并加盖本局印章、归入卷宗，不能再修改，只能更正。</Typography>
          {error && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {error}
            </Alert>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}

/** What a re-imported version changed: the data fields to check first, then the text added and removed. */
export function ReimportResultDialog({
  version,
  changes,
  onClose,
}: {
  version: number;
  changes: Changes;
  onClose(): void;
}) {
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="reimport-result">
      <DialogTitle>已导入为第{version}版</DialogTitle>
      <DialogContent dividers>
        {changes.changedFields.length > 0 ? (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="changed-fields">
            改动了以下数据项，请核对是否与案件记录一致：{changes.changedFields.map((f) => f.label).join('、')}
          </Alert>
        ) : (
          <Alert severity="info" sx={{ mb: 2 }}>
            未改动案件数据项。
          </Alert>
        )}
        {changes.removed.length > 0 && <Typography variant="subtitle2">删除的内容</Typography>}
        {changes.removed.map((l) => (
          <Typography key={`-${l}`} variant="body2" sx={{ color: 'error.main', textDecoration: 'line-through' }}>
            {l}
          </Typography>
        ))}
        {changes.added.length > 0 && (
          <Typography variant="subtitle2" sx={{ mt: 1 }}>
            新增的内容
          </Typography>
        )}
        {changes.added.map((l) => (
          <Typography key={`+${l}`} variant="body2" sx={{ color: 'success.main' }}>
            {l}
          </Typography>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} variant="contained">
          知道了
        </Button>
      </DialogActions>
    </Dialog>
  );
}
