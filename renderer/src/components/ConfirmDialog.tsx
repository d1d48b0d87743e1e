/** Asks once more before something that cannot be undone. Enter confirms, Esc cancels. */
import type { ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  onConfirm(): void;
  onClose(): void;
  testId?: string;
}

export function ConfirmDialog({ title, children, confirmLabel, pending, onConfirm, onClose, testId }: Props) {
  return (
    <Dialog
      open
      onClose={pending ? undefined : onClose}
      maxWidth="xs"
      fullWidth
      data-testid={testId ?? 'confirm-dialog'}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!pending) onConfirm();
        }}
      >
        <DialogTitle>{title}</DialogTitle>
        {pending ? <LinearProgress /> : <div style={{ height: 4 }} />}
        <DialogContent>{children}</DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={pending}>
            取消
          </Button>
          <Button type="submit" variant="contained" autoFocus loading={pending} data-testid="confirm-ok">
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
