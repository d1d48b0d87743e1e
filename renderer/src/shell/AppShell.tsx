/** The frame around every screen: app bar (bureau, user, role, 退出) and the long-work progress bar. */
import { useState, type ReactNode } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import Tooltip from '@mui/material/Tooltip';
import { compactButton, NavLabel, useWideBar } from './navCompact';
import LogoutIcon from '@mui/icons-material/Logout';
import FolderCopyOutlinedIcon from '@mui/icons-material/FolderCopyOutlined';
import KeyOutlinedIcon from '@mui/icons-material/KeyOutlined';
import { ChangePasswordDialog } from '../screens/account/ChangePassword';
import { roleNames } from '#common/roles';
import { useSession } from '#renderer/app/session';
import { useNotifier } from '#renderer/app/notifier';
import { usePendingLong } from './usePendingLong';
import { hrefOf } from '#renderer/app/route';
import { StartupWarnings } from './StartupWarnings';
import { MainNav, UserNav } from './MainNav';
import { useCanCall } from '#renderer/app/canCall';
import { SearchBar } from './SearchBar'; // one search box across cases (Ctrl+K)

export function AppShell({ children }: { children: ReactNode }) {
  const { info, user, logout, setUser } = useSession();
  const can = useCanCall();
  const busy = usePendingLong();
  const notifier = useNotifier();
  const [changingPassword, setChangingPassword] = useState(false);
  const wide = useWideBar();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppBar position="sticky" elevation={0} color="primary">
        {/* One line at 1366 px (e2e/desk1366.spec.ts): below xl, icons with tooltips and no role chips. */}
        <Toolbar variant="dense" sx={{ gap: { xs: 1, xl: 2 }, minHeight: 52 }}>
          <FolderCopyOutlinedIcon />
          <Typography
            component="a"
            href={hrefOf({ name: 'cases' })}
            variant="h6"
            sx={{ color: 'inherit', textDecoration: 'none', letterSpacing: 2 }}
          >
            案卷
          </Typography>
          <Typography
            data-testid="bureau-name"
            variant="body2"
            title={info.bureau?.name}
            noWrap
            sx={{ opacity: 0.9, borderLeft: 1, borderColor: 'rgba(255,255,255,.4)', pl: 2, minWidth: 0, maxWidth: 240 }}
          >
            {info.bureau?.name}
          </Typography>
          {/* Main navigation: one entry a screen (navItems.ts), with its count */}
          <MainNav />
          <Box sx={{ flex: 1 }} />
          {can('search.query') && <SearchBar />}
          <Tooltip title={wide ? '' : user.roles.map((r) => roleNames[r]).join('、')}>
            <Typography data-testid="current-user" variant="body2" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
              {user.name}
            </Typography>
          </Tooltip>
          {user.roles.map((r) => (
            <Chip
              key={r}
              label={roleNames[r]}
              size="small"
              sx={{ bgcolor: 'rgba(255,255,255,.18)', color: 'inherit', display: { xs: 'none', xl: 'flex' } }}
            />
          ))}
          <UserNav />
          <Tooltip title={wide ? '' : '修改密码'}>
            <Button
              data-testid="change-password"
              color="inherit"
              size="small"
              aria-label="修改密码"
              startIcon={<KeyOutlinedIcon />}
              onClick={() => setChangingPassword(true)}
              sx={compactButton}
            >
              <NavLabel>修改密码</NavLabel>
            </Button>
          </Tooltip>
          <Tooltip title={wide ? '' : '退出'}>
            <Button
              data-testid="logout"
              color="inherit"
              size="small"
              aria-label="退出"
              startIcon={<LogoutIcon />}
              onClick={logout}
              sx={compactButton}
            >
              <NavLabel>退出</NavLabel>
            </Button>
          </Tooltip>
        </Toolbar>
        <Box sx={{ height: 3 }}>
          {busy && <LinearProgress data-testid="global-progress" color="inherit" sx={{ height: 3 }} />}
        </Box>
      </AppBar>
      <ChangePasswordDialog
        user={user}
        open={changingPassword}
        onClose={() => setChangingPassword(false)}
        onChanged={(u) => {
          setChangingPassword(false);
          setUser(u);
          notifier.success('密码已修改：在其他地方的登录已结束');
        }}
      />
      <Box component="main" sx={{ flex: 1, p: { xs: 1.5, md: 3 }, maxWidth: 1440, width: '100%', mx: 'auto' }}>
        <StartupWarnings />
        {children}
      </Box>
    </Box>
  );
}
