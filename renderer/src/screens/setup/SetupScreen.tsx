/**
 * 初始设置: a newly installed workstation names its bureau (全称, 简称 for 案号 and 文号,
 * 所在区县 from the regions table) and its 系统管理员 account, once; then the login screen. The
 * password rules are shown as the user types; the core checks them again.
 */
import { useMemo, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FolderCopyOutlinedIcon from '@mui/icons-material/FolderCopyOutlined';
import type { AppInfo } from '#common/schemas/session';
import { passwordPolicyText, passwordProblems } from '#common/passwordPolicy';
import { send } from '#renderer/api/send';
import { fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { NewPasswordFields } from '#renderer/components/PasswordFields';

type County = AppInfo['counties'][number];

interface Props {
  info: AppInfo;
  /** Called once the core has accepted the setup, with the administrator's username. */
  onDone(username: string): void;
}

export function SetupScreen({ info, onDone }: Props) {
  const [bureauName, setBureauName] = useState('');
  const [abbreviation, setAbbreviation] = useState('');
  const [county, setCounty] = useState<County | null>(null);
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const problems = useMemo(() => (password ? passwordProblems(password, username) : []), [password, username]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (pending) return;
    const local: Record<string, string> = {};
    if (!bureauName.trim()) local.bureauName = '请填写单位全称';
    if (!abbreviation.trim()) local.abbreviation = '请填写单位简称';
    if (!county) local.county = '请选择所在区县';
    if (!username.trim()) local.username = '请填写用户名';
    if (!name.trim()) local.name = '请填写管理员姓名';
    if (problems.length || !password) local.password = problems.join('；') || '请设置密码';
    if (confirm !== password) local.confirm = '两次输入的密码不一致';
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) return;
    setPending(true);
    try {
      const done = await send('setup.run', {
        bureauName: bureauName.trim(),
        abbreviation: abbreviation.trim(),
        county: county!.code,
        username: username.trim(),
        name: name.trim(),
        password,
      });
      onDone(done.username);
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      setFailure(messageOf(err));
      setPending(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Paper sx={{ width: 560, maxWidth: '100%', p: 4 }} data-testid="setup-screen">
        <Stack spacing={0.5} sx={{ mb: 3, alignItems: 'center' }}>
          <FolderCopyOutlinedIcon color="primary" sx={{ fontSize: 40 }} />
          <Typography variant="h5" component="h1">
            案卷 · 初始设置
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center' }}>
            本工作站为新安装，请设置本单位和系统管理员账号。设置只能进行一次，完成后请用系统管理员账号登录。
          </Typography>
        </Stack>
        <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
          <Stack spacing={2}>
            <Typography variant="subtitle2" color="text.secondary">
              本单位
            </Typography>
            <TextField
              label="单位全称"
              placeholder="如：黔东南州生态环境局天柱分局"
              value={bureauName}
              onChange={(e) => setBureauName(e.target.value)}
              error={Boolean(errors.bureauName)}
              helperText={errors.bureauName ?? '印在文书和卷宗封面上'}
              autoFocus
              slotProps={{ htmlInput: { 'data-testid': 'setup-bureau-name', maxLength: 60 } }}
            />
            <TextField
              label="单位简称"
              placeholder="如：黔东南环天"
              value={abbreviation}
              onChange={(e) => setAbbreviation(e.target.value)}
              error={Boolean(errors.abbreviation)}
              helperText={errors.abbreviation ?? '用于案号和文书文号，如“黔东南环天立字〔2026〕1号”'}
              slotProps={{ htmlInput: { 'data-testid': 'setup-abbreviation', maxLength: 12 } }}
            />
            <Autocomplete
              options={info.counties}
              value={county}
              onChange={(_, v) => setCounty(v)}
              groupBy={(c) => c.prefecture}
              getOptionLabel={(c) => `${c.name}（${c.code}）`}
              isOptionEqualToValue={(a, b) => a.code === b.code}
              noOptionsText="没有匹配的区县"
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="所在区县"
                  error={Boolean(errors.county)}
                  helperText={errors.county ?? '行政区划代码（GB/T 2260）'}
                  slotProps={{
                    ...params.slotProps,
                    htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'setup-county' },
                  }}
                />
              )}
            />
            <Divider />
            <Typography variant="subtitle2" color="text.secondary">
              系统管理员账号
            </Typography>
            <TextField
              label="用户名"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="username"
              error={Boolean(errors.username)}
              helperText={errors.username ?? '3至32位字母、数字、下划线、点或连字符，以字母开头'}
              slotProps={{ htmlInput: { 'data-testid': 'setup-username', maxLength: 32 } }}
            />
            <TextField
              label="姓名"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={Boolean(errors.name)}
              helperText={errors.name}
              slotProps={{ htmlInput: { 'data-testid': 'setup-name', maxLength: 20 } }}
            />
            <NewPasswordFields
              labels={['密码', '确认密码']}
              testIds={['setup-password', 'setup-confirm']}
              password={password}
              confirm={confirm}
              onPassword={setPassword}
              onConfirm={setConfirm}
              problems={problems}
              errors={errors}
            />
            <Alert severity="info" data-testid="setup-policy">
              {passwordPolicyText}
            </Alert>
            {failure && (
              <Alert severity="error" data-testid="setup-error">
                {failure}
              </Alert>
            )}
            <Button data-testid="setup-submit" type="submit" variant="contained" size="large" loading={pending}>
              完成设置
            </Button>
          </Stack>
        </Box>
        <Typography variant="caption" color="text.disabled" sx={{ display: 'block', textAlign: 'center', mt: 3 }}>
          版本 {info.version} · 数据目录 {info.dataDir}
        </Typography>
      </Paper>
    </Box>
  );
}
