/**
 * 账号与审计, for the 系统管理员: the users (role, locked or not, must change the password,
 * last login) with 新建用户, 修改角色, 重置密码 and 停用/启用 (never a delete: names stand in case
 * histories), and the audit log of logins, failures, locks, password and account events, paged.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { roleNames } from '#common/roles';
import { passwordPolicyText, passwordProblems } from '#common/passwordPolicy';
import {
  auditEventNames,
  auditEvents,
  auditOutcomeNames,
  type AccountRow,
  type AuditEvent,
} from '#common/schemas/accounts';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';
import { useSession } from '#renderer/app/session';
import { ConfirmDialog } from '#renderer/components/ConfirmDialog';
import { useOp } from '#renderer/hooks/useOp';
import { formatInstant } from '#renderer/util/dates';
import { CreateUserDialog } from './CreateUserDialog';
import { RolesDialog } from './RolesDialog';

const timeText = (iso: string | null): string => (iso ? formatInstant(iso, { seconds: true }) : '—');

export function AccountsScreen() {
  // Each change to an account is audited: the log below reloads after one.
  const [changes, setChanges] = useState(0);
  return (
    <Stack spacing={2} data-testid="accounts-screen">
      <UsersSection onChanged={() => setChanges((n) => n + 1)} />
      <AuditSection changes={changes} />
    </Stack>
  );
}

function UsersSection({ onChanged }: { onChanged(): void }) {
  const { user: me } = useSession();
  const { data: users, error, reload: reloadUsers } = useOp('users.list', {});
  const [resetting, setResetting] = useState<AccountRow | null>(null);
  // 用户管理: 新建用户, 修改角色, 停用/启用.
  const notifier = useNotifier();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AccountRow | null>(null);
  const [toggling, setToggling] = useState<AccountRow | null>(null);
  const [toggleError, setToggleError] = useState<string | null>(null);
  const [togglePending, setTogglePending] = useState(false);
  const reload = (): void => {
    void reloadUsers();
    onChanged();
  };

  return (
    <Paper sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h1">
          用户账号
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" size="small" onClick={() => setCreating(true)} data-testid="new-user">
          新建用户
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        连续5次登录失败锁定1分钟，此后每次锁定时间加倍，最长1小时；重置密码可立即解锁。重置后，用户须在下次登录时修改密码。
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      <Table size="small" data-testid="users-table">
        <TableHead>
          <TableRow>
            <TableCell>用户名</TableCell>
            <TableCell>姓名</TableCell>
            <TableCell>角色</TableCell>
            <TableCell>状态</TableCell>
            <TableCell>最近登录</TableCell>
            <TableCell>密码修改于</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {(users ?? []).map((u) => (
            <TableRow key={u.id} data-testid={`user-row-${u.username}`}>
              <TableCell>{u.username}</TableCell>
              <TableCell>{u.name}</TableCell>
              <TableCell>{u.roles.map((r) => roleNames[r]).join('、')}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5}>
                  {u.disabledAt && (
                    <Chip
                      size="small"
                      label={`已停用（${timeText(u.disabledAt)}）`}
                      data-testid={`user-disabled-${u.username}`}
                    />
                  )}
                  {u.lockedUntil && <Chip size="small" color="error" label={`锁定至 ${timeText(u.lockedUntil)}`} />}
                  {u.mustChangePassword && <Chip size="small" color="warning" label="须修改密码" />}
                  {!u.lockedUntil && u.failures > 0 && <Chip size="small" label={`连续失败${u.failures}次`} />}
                  {!u.disabledAt && !u.lockedUntil && !u.mustChangePassword && u.failures === 0 && (
                    <Chip size="small" variant="outlined" label="正常" />
                  )}
                </Stack>
              </TableCell>
              <TableCell>{timeText(u.lastLoginAt)}</TableCell>
              <TableCell>{timeText(u.passwordChangedAt)}</TableCell>
              <TableCell align="right">
                <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end' }}>
                  <Button size="small" data-testid={`roles-${u.username}`} onClick={() => setEditing(u)}>
                    修改角色
                  </Button>
                  {u.id !== me.id && (
                    <Button size="small" data-testid={`reset-${u.username}`} onClick={() => setResetting(u)}>
                      重置密码
                    </Button>
                  )}
                  {u.id !== me.id && (
                    <Button
                      size="small"
                      color={u.disabledAt ? 'primary' : 'warning'}
                      data-testid={`${u.disabledAt ? 'enable' : 'disable'}-${u.username}`}
                      onClick={() => {
                        setToggleError(null);
                        setToggling(u);
                      }}
                    >
                      {u.disabledAt ? '启用' : '停用'}
                    </Button>
                  )}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ResetPasswordDialog
        account={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          reload();
        }}
      />
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(row) => {
          setCreating(false);
          notifier.success(`已新建用户${row.name}（${row.username}）：请把临时密码当面告知本人，其首次登录须修改密码`);
          reload();
        }}
      />
      <RolesDialog
        account={editing}
        onClose={() => setEditing(null)}
        onSaved={(row) => {
          setEditing(null);
          notifier.success(`已修改${row.name}的角色：${row.roles.map((r) => roleNames[r]).join('、')}`);
          reload();
        }}
      />
      {toggling && (
        <ConfirmDialog
          title={`${toggling.disabledAt ? '启用' : '停用'}账号：${toggling.name}（${toggling.username}）`}
          confirmLabel={toggling.disabledAt ? '启用' : '停用'}
          pending={togglePending}
          testId="toggle-user-confirm"
          onClose={() => {
            if (!togglePending) setToggling(null);
          }}
          onConfirm={() => {
            const target = toggling;
            setTogglePending(true);
            send(target.disabledAt ? 'users.enable' : 'users.disable', { userId: target.id })
              .then(
                () => {
                  setToggling(null);
                  notifier.success(`${target.name}的账号已${target.disabledAt ? '启用' : '停用'}`);
                  reload();
                },
                (err: unknown) => setToggleError(messageOf(err)),
              )
              .finally(() => setTogglePending(false));
          }}
        >
          <Typography variant="body2">
            {toggling.disabledAt
              ? '启用后该用户可以重新登录。'
              : '停用后该用户不能登录，其登录立即结束；账号不删除，案件记录和审计日志中仍保留其姓名，可随时重新启用。'}
          </Typography>
          {toggleError && (
            <Alert severity="error" sx={{ mt: 1 }} data-testid="toggle-user-error">
              {toggleError}
            </Alert>
          )}
        </ConfirmDialog>
      )}
    </Paper>
  );
}

function ResetPasswordDialog({
  account,
  onClose,
  onDone,
}: {
  account: AccountRow | null;
  onClose(): void;
  onDone(): void;
}) {
  const notifier = useNotifier();
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    setPassword('');
    setFailure(null);
    setPending(false);
  }, [account]);
  const problems = useMemo(
    () => (account && password ? passwordProblems(password, account.username) : []),
    [password, account],
  );

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!account || pending) return;
    if (!password || problems.length) {
      setFailure(problems.join('；') || '请输入临时密码');
      return;
    }
    setPending(true);
    try {
      await send('users.resetPassword', { userId: account.id, temporaryPassword: password });
      notifier.success(`已重置${account.name}的密码：请把临时密码当面告知本人，其下次登录须修改密码`);
      onDone();
    } catch (err) {
      setFailure(messageOf(err));
      setPending(false);
    }
  };

  return (
    <Dialog open={account !== null} onClose={onClose} maxWidth="xs" fullWidth>
      <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle>
          重置密码：{account?.name}（{account?.username}）
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label="临时密码"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="off"
              autoFocus
              error={problems.length > 0}
              helperText={problems.length ? problems.join('；') : passwordPolicyText}
              slotProps={{ htmlInput: { 'data-testid': 'reset-password' } }}
            />
            <Typography variant="body2" color="text.secondary">
              重置后，该用户的登录立即结束、锁定解除；下次登录须修改密码。
            </Typography>
            {failure && (
              <Alert severity="error" data-testid="reset-error">
                {failure}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>取消</Button>
          <Button type="submit" variant="contained" loading={pending} data-testid="reset-submit">
            重置
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

function AuditSection({ changes }: { changes: number }) {
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(25);
  const [event, setEvent] = useState<AuditEvent | ''>('');
  const [username, setUsername] = useState('');

  // Each change to an account is audited: the log is asked again after one.
  const { data, error } = useOp(
    'audit.list',
    {
      offset: page * rowsPerPage,
      limit: rowsPerPage,
      ...(event ? { event } : {}),
      ...(username.trim() ? { username: username.trim() } : {}),
    },
    { refresh: changes },
  );

  return (
    <Paper sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h6" component="h2">
          安全审计日志
        </Typography>
        <Box sx={{ flex: 1 }} />
        <TextField
          size="small"
          label="用户名"
          value={username}
          onChange={(e) => {
            setUsername(e.target.value);
            setPage(0);
          }}
        />
        <TextField
          size="small"
          select
          label="事件"
          value={event}
          sx={{ minWidth: 140 }}
          onChange={(e) => {
            setEvent(e.target.value as AuditEvent | '');
            setPage(0);
          }}
        >
          <MenuItem value="">全部</MenuItem>
          {auditEvents.map((ev) => (
            <MenuItem key={ev} value={ev}>
              {auditEventNames[ev]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      <Table size="small" data-testid="audit-table">
        <TableHead>
          <TableRow>
            <TableCell>时间</TableCell>
            <TableCell>事件</TableCell>
            <TableCell>结果</TableCell>
            <TableCell>用户名</TableCell>
            <TableCell>操作人</TableCell>
            <TableCell>设备</TableCell>
            <TableCell>说明</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(data?.rows ?? []).map((r) => (
            <TableRow key={r.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{timeText(r.at)}</TableCell>
              <TableCell>{auditEventNames[r.event]}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  label={auditOutcomeNames[r.outcome]}
                  color={r.outcome === 'ok' ? 'success' : r.outcome === 'failed' ? 'warning' : 'error'}
                  variant="outlined"
                />
              </TableCell>
              <TableCell>{r.username}</TableCell>
              <TableCell>{r.actorName ?? '本人'}</TableCell>
              <TableCell>
                {r.thisWorkstation ? (
                  '本机'
                ) : (
                  <Tooltip title={`工作站编号：${r.device}`}>
                    <span>其他工作站</span>
                  </Tooltip>
                )}
              </TableCell>
              <TableCell>{r.detail}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={data?.total ?? 0}
        page={page}
        rowsPerPage={rowsPerPage}
        rowsPerPageOptions={[25, 50, 100, 200]}
        onPageChange={(_, p) => setPage(p)}
        onRowsPerPageChange={(e) => {
          setRowsPerPage(Number(e.target.value));
          setPage(0);
        }}
        labelRowsPerPage="每页"
        labelDisplayedRows={({ from, to, count }) => `${from}–${to}，共 ${count} 条`}
      />
    </Paper>
  );
}
