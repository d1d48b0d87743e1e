/**
 * 撤回 a 通知公告 in the portal: only its publishing bureau may (the server checks it again), with a
 * reason the desks will show beside 已撤回; once withdrawn the notice says when, by whom and why.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import type { NoticeDetail } from '#common/sync/notices.js';
import { api } from './api.js';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** The reason's limit on the server (withdrawNoticeInput). */
const maxReason = 500;

/** 已撤回: when, by whom, why. */
export function WithdrawnNote({ withdrawn }: { withdrawn: NonNullable<NoticeDetail['withdrawn']> }) {
  return (
    <Alert severity="warning" role="status" aria-label="已撤回" sx={{ mt: 1 }}>
      已撤回：{withdrawn.by} 于 {when(withdrawn.at)} 撤回。理由：{withdrawn.reason}
    </Alert>
  );
}

/** The 撤回 button and its dialog; `onWithdrawn` gets the notice as the server now has it. */
export function WithdrawNotice(props: { token: string; notice: NoticeDetail; onWithdrawn: (n: NoticeDetail) => void }) {
  const { token, notice } = props;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const empty = reason.trim().length === 0;
  const close = () => {
    if (busy) return;
    setOpen(false);
    setError(null);
  };
  const submit = async () => {
    if (empty) {
      setError('请填写撤回理由');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const done = await api<NoticeDetail>(`/api/notices/${encodeURIComponent(notice.id)}/withdraw`, token, {
        reason: reason.trim(),
      });
      setOpen(false);
      props.onWithdrawn(done);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="outlined" color="warning" onClick={() => setOpen(true)}>
        撤回通知
      </Button>
      <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby="withdraw-title">
        <DialogTitle id="withdraw-title">撤回通知公告</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            撤回《{notice.title}
            》后，各县工作站在下次同步时将其标为“已撤回”并显示撤回理由；送达和阅读记录仍予保留。撤回后不能恢复。
          </DialogContentText>
          <TextField
            label="撤回理由"
            required
            multiline
            minRows={3}
            fullWidth
            autoFocus
            value={reason}
            disabled={busy}
            onChange={(e) => setReason(e.target.value)}
            error={Boolean(error) && empty}
            helperText={`${reason.length} / ${maxReason}`}
            slotProps={{ htmlInput: { maxLength: maxReason } }}
          />
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            取消
          </Button>
          <Button variant="contained" color="warning" disabled={busy} onClick={() => void submit()}>
            确认撤回
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
