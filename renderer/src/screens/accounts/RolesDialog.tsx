/**
 * 修改角色: the roles of an account, and its 执法证 (asked when it becomes an officer
 * without one; a renewed certificate replaces the number and date — cases keep the one they were
 * opened with). The core keeps at least one active 系统管理员 and says so.
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
import type { AccountRow } from '#common/schemas/accounts';
import type { Role } from '#common/roles';
import { accountRoleProblems } from '#common/userRules';
import { send } from '#renderer/api/send';
import { fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { todayIso } from '#renderer/util/dates';
import { CertificateFields, RolePicker } from './RoleFields';
import { asksCertificate, certificateOf } from './userForm';

interface Props {
  account: AccountRow | null;
  onClose(): void;
  onSaved(row: AccountRow): void;
}

export function RolesDialog({ account, onClose, onSaved }: Props) {
  const [roles, setRoles] = useState<Role[]>([]);
  const [certificate, setCertificate] = useState({ certificateNo: '', certificateValidUntil: '' });
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!account) return;
    setRoles(account.roles);
    setCertificate({
      certificateNo: account.certificateNo ?? '',
      certificateValidUntil: account.certificateValidUntil ?? '',
    });
    setServerErrors({});
    setFailure(null);
    setPending(false);
  }, [account]);
  const changedCertificate =
    account !== null &&
    (certificate.certificateNo.trim() !== (account.certificateNo ?? '') ||
      certificate.certificateValidUntil !== (account.certificateValidUntil ?? ''));
  const problems = useMemo(() => {
    const needs = roles.includes('officer') && (!account?.officerId || changedCertificate);
    const p = accountRoleProblems({ roles, ...certificateOf(certificate) }, needs, todayIso());
    if (
      changedCertificate &&
      !roles.includes('officer') &&
      !(certificate.certificateNo.trim() && certificate.certificateValidUntil)
    ) {
      p[certificate.certificateNo.trim() ? 'certificateValidUntil' : 'certificateNo'] = '执法证号和有效期须同时填写';
    }
    return p;
  }, [roles, certificate, account, changedCertificate]);
  const errors = { ...problems, ...serverErrors };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!account || pending || Object.keys(problems).length) return;
    setPending(true);
    setFailure(null);
    try {
      onSaved(
        await send('users.setRoles', {
          userId: account.id,
          roles,
          ...(changedCertificate ? certificateOf(certificate) : {}),
        }),
      );
    } catch (err) {
      const fields = fieldErrorsOf(err);
      setServerErrors(fields);
      if (!Object.keys(fields).length) setFailure(messageOf(err));
      setPending(false);
    }
  };

  return (
    <Dialog
      open={account !== null}
      onClose={pending ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      data-testid="roles-dialog"
    >
      <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle>
          修改角色：{account?.name}（{account?.username}）
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <RolePicker
              roles={roles}
              error={errors.roles}
              onChange={(r) => {
                setRoles(r);
                setServerErrors({});
              }}
            />
            {asksCertificate(roles) && (
              <CertificateFields
                required={roles.includes('officer')}
                {...certificate}
                errors={errors}
                onChange={(patch) => {
                  setCertificate((c) => ({ ...c, ...patch }));
                  setServerErrors({});
                }}
              />
            )}
            {failure && (
              <Alert severity="error" data-testid="roles-error">
                {failure}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            取消
          </Button>
          <Button
            type="submit"
            variant="contained"
            loading={pending}
            disabled={Object.keys(problems).length > 0}
            data-testid="roles-submit"
          >
            保存
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
