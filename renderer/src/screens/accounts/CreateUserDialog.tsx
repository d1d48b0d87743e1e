/**
 * 新建用户: username, name, roles, the 执法证 of an officer, and a temporary password the
 * user must change at the first login. Each problem is shown by its field as it is typed (userForm.ts);
 * the core's refusals (a username or certificate already in use) land on their field too.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AccountRow } from '#common/schemas/accounts';
import { passwordPolicyText } from '#common/passwordPolicy';
import { send } from '#renderer/api/send';
import { fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { todayIso } from '#renderer/util/dates';
import { RolePicker, CertificateFields } from './RoleFields';
import { asksCertificate, certificateOf, emptyUserDraft, newUserProblems, type UserDraft } from './userForm';

interface Props {
  open: boolean;
  onClose(): void;
  onCreated(row: AccountRow): void;
}

export function CreateUserDialog({ open, onClose, onCreated }: Props) {
  const [draft, setDraft] = useState<UserDraft>(emptyUserDraft);
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (open) {
      setDraft(emptyUserDraft);
      setTouched(false);
      setServerErrors({});
      setFailure(null);
      setPending(false);
    }
  }, [open]);
  const problems = useMemo(() => newUserProblems(draft, todayIso()), [draft]);
  const errors = { ...(touched ? problems : {}), ...serverErrors };
  const set = (patch: Partial<UserDraft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (pending) return;
    setTouched(true);
    setFailure(null);
    if (Object.keys(problems).length) return;
    setPending(true);
    try {
      const row = await send('users.create', {
        username: draft.username.trim(),
        name: draft.name.trim(),
        roles: draft.roles,
        temporaryPassword: draft.temporaryPassword,
        ...certificateOf(draft),
      });
      onCreated(row);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      setServerErrors(fields);
      if (!Object.keys(fields).length) setFailure(messageOf(err));
      setPending(false);
    }
  };

  const field = (key: keyof UserDraft) => ({ error: Boolean(errors[key]), helperText: errors[key] });
  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      data-testid="create-user-dialog"
    >
      <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle>新建用户</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Stack direction="row" spacing={2}>
              <TextField
                label="用户名"
                value={draft.username}
                onChange={(e) => set({ username: e.target.value })}
                autoComplete="off"
                fullWidth
                autoFocus
                {...field('username')}
                helperText={errors.username ?? '登录时使用，以字母开头'}
                slotProps={{ htmlInput: { 'data-testid': 'new-user-username', maxLength: 32 } }}
              />
              <TextField
                label="姓名"
                value={draft.name}
                onChange={(e) => set({ name: e.target.value })}
                fullWidth
                {...field('name')}
                slotProps={{ htmlInput: { 'data-testid': 'new-user-name', maxLength: 20 } }}
              />
            </Stack>
            <RolePicker roles={draft.roles} error={errors.roles} onChange={(roles) => set({ roles })} />
            {asksCertificate(draft.roles) && (
              <CertificateFields
                required={draft.roles.includes('officer')}
                certificateNo={draft.certificateNo}
                certificateValidUntil={draft.certificateValidUntil}
                errors={errors}
                onChange={(patch) => set(patch)}
              />
            )}
            <TextField
              label="临时密码"
              value={draft.temporaryPassword}
              onChange={(e) => set({ temporaryPassword: e.target.value })}
              autoComplete="off"
              {...field('temporaryPassword')}
              helperText={errors.temporaryPassword ?? passwordPolicyText}
              slotProps={{ htmlInput: { 'data-testid': 'new-user-password' } }}
            />
            <Typography variant="body2" color="text.secondary">
              请把临时密码当面告知本人；其首次登录须先修改密码。
            </Typography>
            {failure && (
              <Alert severity="error" data-testid="create-user-error">
                {failure}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            取消
          </Button>
          <Button type="submit" variant="contained" loading={pending} data-testid="create-user-submit">
            新建
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
