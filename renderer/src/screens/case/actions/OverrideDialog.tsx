/**
 * 负责人决定继续办理: shown to a head when an action fails only on legality-review rules and the
 * procedure lets a head proceed. The written reason goes into the history and the 备考表.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { minOverrideReason } from '#common/legalityOverride';

interface Props {
  actionName: string;
  rules: Array<{ message: string; citation: string }>;
  pending: boolean;
  error: string | null;
  onConfirm(reason: string): void;
  onClose(): void;
}

export function OverrideDialog({ actionName, rules, pending, error, onConfirm, onClose }: Props) {
  const [reason, setReason] = useState('');
  const short = reason.trim().length < minOverrideReason;
  return (
    <Dialog open onClose={pending ? undefined : onClose} maxWidth="sm" fullWidth data-testid="override-dialog">
      <DialogTitle>合法性审查未通过</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" sx={{ mb: 1 }}>
          “{actionName}”未通过以下审查项：
        </Typography>
        <ul style={{ marginTop: 0 }}>
          {rules.map((r) => (
            <li key={r.message}>
              <Typography variant="body2">
                {r.message}
                {r.citation && (
                  <Typography component="span" variant="caption" color="text.secondary">
                    （{r.citation}）
                  </Typography>
                )}
              </Typography>
            </li>
          ))}
        </ul>
        <Alert severity="warning" sx={{ mb: 2 }}>
          负责人可以书面说明理由后决定继续办理。理由将记入案件全过程记录，并在卷宗备考表中载明。
        </Alert>
        <TextField
          label="继续办理的理由"
          multiline
          minRows={3}
          fullWidth
          value={reason}
          disabled={pending}
          autoFocus
          onChange={(e) => setReason(e.target.value)}
          helperText={short ? `至少${minOverrideReason}个字` : ' '}
          slotProps={{ htmlInput: { 'data-testid': 'override-reason', maxLength: 2000 } }}
        />
        {error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          取消
        </Button>
        <Button
          variant="contained"
          color="warning"
          disabled={short}
          loading={pending}
          onClick={() => onConfirm(reason.trim())}
          data-testid="override-confirm"
        >
          决定继续办理
        </Button>
      </DialogActions>
    </Dialog>
  );
}
