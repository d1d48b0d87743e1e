/**
 * The red 删除 button of a setting (证书, 印章) and the confirmation it asks first: the dialog stays open
 * while the removal runs and closes only when it succeeded; a refusal is shown as a toast.
 */
import { useState, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { ConfirmDialog } from '#renderer/components/ConfirmDialog';
import type { SettingAction } from './useSettingAction';

interface Props {
  /** From useSettingAction(onChanged, 'toast'): the section disables its other buttons while it is pending. */
  action: SettingAction;
  /** Removes the setting and returns the success message. */
  remove(): Promise<string>;
  label: string;
  title: string;
  /** What removal changes: the dialog's text. */
  children: ReactNode;
  disabled: boolean;
  /** The button's; the dialog's is `<testId>-dialog`. */
  testId: string;
}

export function RemoveSetting({ action, remove, label, title, children, disabled, testId }: Props) {
  const [confirming, setConfirming] = useState(false);
  const confirm = (): Promise<void> =>
    action.run(async () => {
      const done = await remove();
      setConfirming(false);
      return done;
    });
  return (
    <>
      <Button
        color="error"
        startIcon={<DeleteOutlineIcon />}
        disabled={disabled}
        onClick={() => setConfirming(true)}
        // Beside a stretched field (证书密码) it keeps its words on one line.
        sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}
        data-testid={testId}
      >
        {label}
      </Button>
      {confirming && (
        <ConfirmDialog
          title={title}
          confirmLabel="删除"
          pending={action.pending}
          onConfirm={() => void confirm()}
          onClose={() => setConfirming(false)}
          testId={`${testId}-dialog`}
        >
          {children}
        </ConfirmDialog>
      )}
    </>
  );
}
