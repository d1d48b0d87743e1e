/** The frame around every screen: app bar (bureau, user, role, 退出) and the long-work progress bar. */
import { useState, type ReactNode } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import LogoutIcon from '@mui/icons-material/Logout';
import FolderCopyOutlinedIcon from '@mui/icons-material/FolderCopyOutlined';
import GavelIcon from '@mui/icons-material/Gavel';
import BusinessIcon from '@mui/icons-material/Business';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import KeyOutlinedIcon from '@mui/icons-material/KeyOutlined';
import ManageAccountsOutlinedIcon from '@mui/icons-material/ManageAccountsOutlined';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import { ChangePasswordDialog } from '../screens/account/ChangePassword';
import { roleNames } from '#common/roles';
import { useSession } from './session';
import { useCanCall } from './canCall';
import { useNotifier } from './notifier';
import { usePendingLong } from './usePendingLong';
import { hrefOf } from './route';
import { StartupWarnings } from './StartupWarnings';
import { WorkNav } from './WorkNav';
import { SearchBar } from './SearchBar'; // one search box across cases (Ctrl+K)
import { NoticesNav } from '#renderer/screens/notices/NoticesNav'; // 通知公告 with the unread count

export function AppShell({ children }: { children: ReactNode }) {
  const { info, user, logout, setUser } = useSession();
  const can = useCanCall();
  const busy = usePendingLong();
  const notifier = useNotifier();
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppBar position="sticky" elevation={0} color="primary">
        <Toolbar variant="dense" sx={{ gap: 2, minHeight: 52 }}>
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
            sx={{ opacity: 0.9, borderLeft: 1, borderColor: 'rgba(255,255,255,.4)', pl: 2 }}
          >
            {info.bureau?.name}
          </Typography>
          {/* Main navigation: the user's first queue and 到期提醒, with their counts */}
          <WorkNav />
          {/* Main navigation: 法律法规 */}
          <Button
            data-testid="nav-laws"
            color="inherit"
            size="small"
            href={hrefOf({ name: 'laws', law: null, article: null })}
            startIcon={<GavelIcon />}
          >
            法律法规
          </Button>
          {/* Main navigation: 现场检查任务 received from the province (双随机) */}
          {can('fieldTasks.list') && (
            <Button
              data-testid="nav-field-tasks"
              color="inherit"
              size="small"
              href={hrefOf({ name: 'fieldTasks' })}
              startIcon={<FactCheckOutlinedIcon />}
            >
              现场检查
            </Button>
          )}
          {/* Main navigation: 通知公告 from the province and the prefecture, with the unread count */}
          {can('notices.list') && <NoticesNav />}
          {/* Main navigation: 企业名录 */}
          <Button
            data-testid="nav-enterprises"
            color="inherit"
            size="small"
            href={hrefOf({ name: 'enterprises' })}
            startIcon={<BusinessIcon />}
          >
            企业名录
          </Button>
          {/* Main navigation: 本局设置 (PDF engine, seal, 期限提醒) */}
          <Button
            data-testid="nav-settings"
            color="inherit"
            size="small"
            href={hrefOf({ name: 'settings' })}
            startIcon={<SettingsOutlinedIcon />}
          >
            本局设置
          </Button>
          {/* 案卷评查得分 of the bureau's archived cases — 负责人 */}
          {can('review.scores') && (
            <Button
              data-testid="nav-review-scores"
              color="inherit"
              size="small"
              href={hrefOf({ name: 'reviewScores' })}
            >
              评查得分
            </Button>
          )}
          {/* 账号与审计: users, password resets, the audit log — 系统管理员 only */}
          {can('users.list') && (
            <Button
              data-testid="nav-accounts"
              color="inherit"
              size="small"
              href={hrefOf({ name: 'accounts' })}
              startIcon={<ManageAccountsOutlinedIcon />}
            >
              账号与审计
            </Button>
          )}
          <Box sx={{ flex: 1 }} />
          {can('search.query') && <SearchBar />}
          <Typography data-testid="current-user" variant="body2">
            {user.name}
          </Typography>
          {user.roles.map((r) => (
            <Chip
              key={r}
              label={roleNames[r]}
              size="small"
              sx={{ bgcolor: 'rgba(255,255,255,.18)', color: 'inherit' }}
            />
          ))}
          {/* 我的草稿: the forms this user began and has not submitted */}
          <Button data-testid="nav-drafts" color="inherit" size="small" href={hrefOf({ name: 'drafts' })}>
            我的草稿
          </Button>
          <Button
            data-testid="change-password"
            color="inherit"
            size="small"
            startIcon={<KeyOutlinedIcon />}
            onClick={() => setChangingPassword(true)}
          >
            修改密码
          </Button>
          <Button data-testid="logout" color="inherit" size="small" startIcon={<LogoutIcon />} onClick={logout}>
            退出
          </Button>
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
