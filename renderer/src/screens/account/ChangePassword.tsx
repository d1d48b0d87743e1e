/**
 * 修改密码: any user, with the old password; the new one under the policy, shown as it is
 * typed. A dialog from the app bar, or a whole screen after an administrator's reset (the core then
 * refuses everything else until the password is changed).
 */
import { useMemo, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { UserView } from '#common/schemas/session';
import { passwordProblems } from '#common/passwordPolicy';
import { send } from '#renderer/api/send';
import { fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { PasswordField, NewPasswordFields } from '#renderer/components/PasswordFields';

interface FormProps {
  user: UserView;
  onChanged(user: UserView): void;
  onCancel?: () => void;
  /** After a reset: the old password is the temporary one the administrator gave. */
  forced?: boolean;
}

export function ChangePasswordForm({ user, onChanged, onCancel, forced }: FormProps) {
  const [oldPassword, setOldPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const problems = useMemo(
    () => (newPassword ? passwordProblems(newPassword, user.username) : []),
    [newPassword, user.username],
  );

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (pending) return;
    const local: Record<string, string> = {};
    if (!oldPassword) local.oldPassword = forced ? '请输入管理员给您的临时密码' : '请输入原密码';
    if (!newPassword || problems.length) local.newPassword = problems.join('；') || '请输入新密码';
    else if (newPassword === oldPassword) local.newPassword = '新密码不能与原密码相同';
    if (confirm !== newPassword) local.confirm = '两次输入的新密码不一致';
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) return;
    setPending(true);
    try {
      onChanged(await send('session.changePassword', { oldPassword, newPassword }));
    } catch (err) {
      const fields = fieldErrorsOf(err);
      const field = (err as { details?: { field?: string } }).details?.field;
      if (field) fields[field] = messageOf(err);
      setErrors(fields);
      setFailure(messageOf(err));
      setPending(false);
    }
  };

  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate data-testid="change-password-form">
      <Stack spacing={2} sx={{ pt: 1 }}>
        <PasswordField
          label={forced ? '临时密码' : '原密码'}
          value={oldPassword}
          onChange={setOldPassword}
          autoComplete="current-password"
          autoFocus
          error={Boolean(errors.oldPassword)}
          helperText={errors.oldPassword}
          testId="password-old"
        />
        <NewPasswordFields
          labels={['新密码', '确认新密码']}
          testIds={['password-new', 'password-confirm']}
          password={newPassword}
          confirm={confirm}
          onPassword={setNewPassword}
          onConfirm={setConfirm}
          problems={problems}
          errors={{ password: errors.newPassword, confirm: errors.confirm }}
        />
        {failure && (
          <Alert severity="error" data-testid="password-error">
            {failure}
          </Alert>
        )}
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          {onCancel && <Button onClick={onCancel}>{forced ? '退出登录' : '取消'}</Button>}
          <Button data-testid="password-submit" type="submit" variant="contained" loading={pending}>
            修改密码
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}

export function ChangePasswordDialog({
  user,
  open,
  onClose,
  onChanged,
}: {
  user: UserView;
  open: boolean;
  onClose(): void;
  onChanged(user: UserView): void;
}) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>修改密码</DialogTitle>
      <DialogContent>
        {open && <ChangePasswordForm user={user} onChanged={onChanged} onCancel={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

/** After an administrator's reset: nothing else until the password is changed. */
export function ForcedPasswordChangeScreen({
  user,
  onChanged,
  onLogout,
}: {
  user: UserView;
  onChanged(user: UserView): void;
  onLogout(): void;
}) {
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Paper sx={{ width: 460, maxWidth: '100%', p: 4 }} data-testid="forced-password-change">
        <Typography variant="h6" component="h1" gutterBottom>
          请修改密码
        </Typography>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {user.name}，系统管理员已重置您的密码。请先设置只有您自己知道的新密码，然后才能继续使用。
        </Alert>
        <ChangePasswordForm user={user} onChanged={onChanged} onCancel={onLogout} forced />
      </Paper>
    </Box>
  );
}
