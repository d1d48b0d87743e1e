/**
 * 账号与审计 (issue 11), for the 系统管理员: the users (role, locked or not, must change the password,
 * last login) with 重置密码, and the audit log of logins, failures, locks and password events, paged.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
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
import { roleNames } from '../../../../common/roles';
import { passwordPolicyText, passwordProblems } from '../../../../common/passwordPolicy';
import {
  auditEventNames, auditEvents, auditOutcomeNames, type AccountRow, type AuditEvent, type AuditRow,
} from '../../../../common/schemas/accounts';
import { send } from '../../api/send';
import { messageOf } from '../../api/errors';
import { useNotifier } from '../../app/notifier';
import { useSession } from '../../app/session';

const timeText = (iso: string | null): string => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');

export function AccountsScreen() {
  return (
    <Stack spacing={2} data-testid="accounts-screen">
      <UsersSection />
      <AuditSection />
    </Stack>
  );
}

function UsersSection() {
  const { user: me } = useSession();
  const [users, setUsers] = useState<AccountRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resetting, setResetting] = useState<AccountRow | null>(null);
  const load = useCallback(async () => {
    try {
      setUsers(await send('users.list', {}));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h6" component="h1" gutterBottom>用户账号</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        连续5次登录失败锁定1分钟，此后每次锁定时间加倍，最长1小时；重置密码可立即解锁。重置后，用户须在下次登录时修改密码。
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      <Table size="small" data-testid="users-table">
        <TableHead>
          <TableRow>
            <TableCell>用户名</TableCell><TableCell>姓名</TableCell><TableCell>角色</TableCell><TableCell>状态</TableCell>
            <TableCell>最近登录</TableCell><TableCell>密码修改于</TableCell><TableCell />
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
                  {u.lockedUntil && <Chip size="small" color="error" label={`锁定至 ${timeText(u.lockedUntil)}`} />}
                  {u.mustChangePassword && <Chip size="small" color="warning" label="须修改密码" />}
                  {!u.lockedUntil && u.failures > 0 && <Chip size="small" label={`连续失败${u.failures}次`} />}
                  {!u.lockedUntil && !u.mustChangePassword && u.failures === 0 && <Chip size="small" variant="outlined" label="正常" />}
                </Stack>
              </TableCell>
              <TableCell>{timeText(u.lastLoginAt)}</TableCell>
              <TableCell>{timeText(u.passwordChangedAt)}</TableCell>
              <TableCell align="right">
                {u.id !== me.id && (
                  <Button size="small" data-testid={`reset-${u.username}`} onClick={() => setResetting(u)}>重置密码</Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ResetPasswordDialog account={resetting} onClose={() => setResetting(null)} onDone={() => { setResetting(null); void load(); }} />
    </Paper>
  );
}

function ResetPasswordDialog({ account, onClose, onDone }: { account: AccountRow | null; onClose(): void; onDone(): void }) {
  const notifier = useNotifier();
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => { setPassword(''); setFailure(null); setPending(false); }, [account]);
  const problems = useMemo(() => (account && password ? passwordProblems(password, account.username) : []), [password, account]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!account || pending) return;
    if (!password || problems.length) { setFailure(problems.join('；') || '请输入临时密码'); return; }
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
        <DialogTitle>重置密码：{account?.name}（{account?.username}）</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label="临时密码" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" autoFocus
              error={problems.length > 0} helperText={problems.length ? problems.join('；') : passwordPolicyText}
              slotProps={{ htmlInput: { 'data-testid': 'reset-password' } }}
            />
            <Typography variant="body2" color="text.secondary">重置后，该用户的登录立即结束、锁定解除；下次登录须修改密码。</Typography>
            {failure && <Alert severity="error" data-testid="reset-error">{failure}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>取消</Button>
          <Button type="submit" variant="contained" loading={pending} data-testid="reset-submit">重置</Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

function AuditSection() {
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(25);
  const [event, setEvent] = useState<AuditEvent | ''>('');
  const [username, setUsername] = useState('');
  const [data, setData] = useState<{ total: number; rows: AuditRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    send('audit.list', { offset: page * rowsPerPage, limit: rowsPerPage, ...(event ? { event } : {}), ...(username.trim() ? { username: username.trim() } : {}) })
      .then((d) => { if (live) { setData(d); setError(null); } }, (e: unknown) => { if (live) setError(messageOf(e)); });
    return () => { live = false; };
  }, [page, rowsPerPage, event, username]);

  return (
    <Paper sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h6" component="h2">安全审计日志</Typography>
        <Box sx={{ flex: 1 }} />
        <TextField size="small" label="用户名" value={username} onChange={(e) => { setUsername(e.target.value); setPage(0); }} />
        <TextField
          size="small" select label="事件" value={event} sx={{ minWidth: 140 }}
          onChange={(e) => { setEvent(e.target.value as AuditEvent | ''); setPage(0); }}
        >
          <MenuItem value="">全部</MenuItem>
          {auditEvents.map((ev) => <MenuItem key={ev} value={ev}>{auditEventNames[ev]}</MenuItem>)}
        </TextField>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      <Table size="small" data-testid="audit-table">
        <TableHead>
          <TableRow>
            <TableCell>时间</TableCell><TableCell>事件</TableCell><TableCell>结果</TableCell><TableCell>用户名</TableCell>
            <TableCell>操作人</TableCell><TableCell>设备</TableCell><TableCell>说明</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(data?.rows ?? []).map((r) => (
            <TableRow key={r.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{timeText(r.at)}</TableCell>
              <TableCell>{auditEventNames[r.event]}</TableCell>
              <TableCell>
                <Chip size="small" label={auditOutcomeNames[r.outcome]} color={r.outcome === 'ok' ? 'success' : r.outcome === 'failed' ? 'warning' : 'error'} variant="outlined" />
              </TableCell>
              <TableCell>{r.username}</TableCell>
              <TableCell>{r.actorName ?? '本人'}</TableCell>
              <TableCell>{r.device}</TableCell>
              <TableCell>{r.detail}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div" count={data?.total ?? 0} page={page} rowsPerPage={rowsPerPage} rowsPerPageOptions={[25, 50, 100, 200]}
        onPageChange={(_, p) => setPage(p)} onRowsPerPageChange={(e) => { setRowsPerPage(Number(e.target.value)); setPage(0); }}
        labelRowsPerPage="每页" labelDisplayedRows={({ from, to, count }) => `${from}–${to}，共 ${count} 条`}
      />
    </Paper>
  );
}
