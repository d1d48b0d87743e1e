/** 登录: username and password (Enter submits), the demo accounts of a demo workstation. */
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FolderCopyOutlinedIcon from '@mui/icons-material/FolderCopyOutlined';
import type { AppInfo, UserView } from '#common/schemas/session';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { DemoAccounts } from './DemoAccounts';
import { PasswordField } from '#renderer/components/PasswordFields';

interface Props {
  info: AppInfo;
  onLoggedIn(user: UserView): void;
  /** Just after the first-run setup: a word of success and the administrator's name filled in. */
  notice?: string | null;
  initialUsername?: string;
}

export function LoginScreen({ info, onLoggedIn, notice, initialUsername }: Props) {
  const [username, setUsername] = useState(initialUsername ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (pending) return;
    if (!username.trim()) return setError('请输入用户名');
    if (!password) return setError('请输入密码');
    setPending(true);
    setError(null);
    try {
      const { user } = await send('session.login', { username: username.trim(), password });
      onLoggedIn(user);
    } catch (err) {
      setError(messageOf(err));
      setPending(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Paper sx={{ width: 420, maxWidth: '100%', p: 4 }}>
        <Stack spacing={0.5} sx={{ mb: 3, alignItems: 'center' }}>
          <FolderCopyOutlinedIcon color="primary" sx={{ fontSize: 40 }} />
          <Typography variant="h5" component="h1">
            案卷
          </Typography>
          <Typography variant="body2" color="text.secondary">
            生态环境行政处罚办案工作站
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="login-bureau">
            {info.bureau?.name}
          </Typography>
        </Stack>
        <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
          <Stack spacing={2}>
            {notice && (
              <Alert severity="success" data-testid="login-notice">
                {notice}
              </Alert>
            )}
            <TextField
              label="用户名"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoFocus
              autoComplete="username"
              slotProps={{ htmlInput: { 'data-testid': 'login-username' } }}
            />
            <PasswordField
              label="密码"
              value={password}
              onChange={setPassword}
              autoComplete="current-password"
              testId="login-password"
            />
            {error && (
              <Alert severity="error" data-testid="login-error">
                {error}
              </Alert>
            )}
            <Button data-testid="login-submit" type="submit" variant="contained" size="large" loading={pending}>
              登录
            </Button>
          </Stack>
        </Box>
        {info.demoUsers.length > 0 && (
          <DemoAccounts
            users={info.demoUsers}
            onPick={(u) => {
              setUsername(u.username);
              setPassword(u.password);
              setError(null);
            }}
          />
        )}
        <Typography variant="caption" color="text.disabled" sx={{ display: 'block', textAlign: 'center', mt: 3 }}>
          版本 {info.version}
        </Typography>
      </Paper>
    </Box>
  );
}
