/**
 * What a form says about its draft: "已恢复未提交的草稿（保存于 HH:mm）" with 丢弃草稿 (asked once more),
 * a save that failed (the typing stays in the form), and when it was last saved.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { ConfirmDialog } from './ConfirmDialog';
import { useNotifier } from '#renderer/app/notifier';
import { savedTime, type DraftState } from '#renderer/hooks/useDraft';

interface Props<T> {
  draft: DraftState<T>;
  /** The form's first values, which 丢弃草稿 puts back. */
  initial(): T;
}

export function DraftNotice<T>({ draft, initial }: Props<T>) {
  const notifier = useNotifier();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <>
      {draft.restoredAt && (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          data-testid="draft-restored"
          action={
            <Button color="inherit" size="small" onClick={() => setAsking(true)} data-testid="draft-discard">
              丢弃草稿
            </Button>
          }
        >
          已恢复未提交的草稿（保存于 {savedTime(draft.restoredAt)}）
        </Alert>
      )}
      {draft.error && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="draft-error">
          草稿未能保存：{draft.error}
        </Alert>
      )}
      {draft.savedAt && !draft.error && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="draft-saved">
          草稿已自动保存（{savedTime(draft.savedAt)}）
        </Typography>
      )}
      {asking && (
        <ConfirmDialog
          title="丢弃草稿？"
          confirmLabel="丢弃草稿"
          pending={pending}
          testId="draft-discard-confirm"
          onClose={() => setAsking(false)}
          onConfirm={() => {
            setPending(true);
            draft
              .discard(initial())
              .then(() => setAsking(false))
              .catch((e: unknown) => notifier.error(e))
              .finally(() => setPending(false));
          }}
        >
          <Typography variant="body2">丢弃后本表单恢复为初始内容，草稿中填写的内容不能找回。</Typography>
        </ConfirmDialog>
      )}
    </>
  );
}

/**
 * How a form with a draft closes (Esc, the backdrop, 取消): what was typed is saved first, and the
 * clerk is told it will be there next time. Closing never discards: only 丢弃草稿 does.
 */
export function useCloseKeepingDraft(draft: DraftState<never> | DraftState<unknown>, onClose: () => void) {
  const notifier = useNotifier();
  return (): void => {
    void draft.flush().finally(() => {
      onClose();
      if (draft.hasDraft()) notifier.info('已保留草稿，下次打开时自动恢复');
    });
  };
}
