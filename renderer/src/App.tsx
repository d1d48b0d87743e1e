/**
 * The app: finds out which workstation this is (app.info), restores the session after a reload,
 * and shows the login screen or the screen the hash names.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import type { AppInfo, UserView } from '#common/schemas/session';
import { client, logout as logoutCall, send } from './api/send';
import { messageOf } from './api/errors';
import { AppShell } from './shell/AppShell';
import { RetryAlert } from './components/LoadStatus';
import { useNotifier } from './app/notifier';
import { useRoute } from './app/route';
import { SessionContext, type Session } from './app/session';
import { LoginScreen } from './screens/login/LoginScreen';
import { CaseListScreen } from './screens/cases/CaseListScreen';
import { CasePage } from './screens/case/CasePage';
import { DeadlinesScreen } from './screens/deadlines/DeadlinesScreen';
import { WorkScreen } from './screens/work/WorkScreen'; // each role's own work first
import { primaryQueue } from './app/queueLabels';
import { LawsScreen } from './screens/laws/LawsScreen';
import { EnterprisesScreen } from './screens/enterprises/EnterprisesScreen'; // 企业名录
import { EnterprisePage } from './screens/enterprises/EnterprisePage';
import { SettingsScreen } from './screens/settings/SettingsScreen'; // 本局设置
import { FieldTasksScreen } from './screens/tasks/FieldTasksScreen'; // 现场检查任务 (双随机)
import { ReviewScoresScreen } from './screens/reviews/ReviewScoresScreen'; // 案卷评查得分
// Accounts: first-run setup, a password an administrator reset, 账号与审计.
import { SetupScreen } from './screens/setup/SetupScreen';
import { ForcedPasswordChangeScreen } from './screens/account/ChangePassword';
import { AccountsScreen } from './screens/accounts/AccountsScreen';
import { canCall } from './app/canCall';
import { SearchScreen } from './screens/search/SearchScreen'; // 检索: one search box across cases
import { DraftsScreen } from './screens/drafts/DraftsScreen'; // 我的草稿
import { NoticesScreen } from './screens/notices/NoticesScreen'; // 通知公告

/** No screen named: the user has just logged in or opened the app. */
const landing = (hash: string): boolean => hash.replace(/^#\/?/, '') === '';

type Boot =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; info: AppInfo; user: UserView | null };

export function App() {
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  const [justSetUp, setJustSetUp] = useState<string | null>(null);
  /** Said on the login screen after a logout that had a reason (a restore from a backup). */
  const [loginNotice, setLoginNotice] = useState<string | null>(null);
  const notifier = useNotifier();
  const route = useRoute();

  const start = useCallback(async () => {
    setBoot({ status: 'loading' });
    try {
      const info = await send('app.info', {});
      let user: UserView | null = null;
      if (client.token()) {
        try {
          user = await send('session.me', {});
        } catch {
          client.forgetToken();
        }
      }
      setBoot({ status: 'ready', info, user });
    } catch (e) {
      setBoot({ status: 'failed', message: messageOf(e) });
    }
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(
    () =>
      client.onSessionLost(() => {
        setBoot((b) => (b.status === 'ready' ? { ...b, user: null } : b));
        notifier.error('登录已失效，请重新登录');
      }),
    [notifier],
  );

  const session = useMemo<Session | null>(() => {
    if (boot.status !== 'ready' || !boot.user) return null;
    return {
      info: boot.info,
      user: boot.user,
      setUser: (user: UserView) => setBoot((b) => (b.status === 'ready' ? { ...b, user } : b)),
      logout: () => {
        void logoutCall().then(() => setBoot((b) => (b.status === 'ready' ? { ...b, user: null } : b)));
      },
      logoutWithNotice: (notice: string) => {
        setLoginNotice(notice);
        void logoutCall().then(() => setBoot((b) => (b.status === 'ready' ? { ...b, user: null } : b)));
      },
    };
  }, [boot]);

  if (boot.status === 'loading') {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <CircularProgress />
      </Box>
    );
  }
  if (boot.status === 'failed') {
    return (
      <Box sx={{ maxWidth: 520, mx: 'auto', mt: 12 }}>
        <RetryAlert message={boot.message} onRetry={start} />
      </Box>
    );
  }
  if (boot.info.setupRequired) {
    return (
      <SetupScreen
        info={boot.info}
        onDone={(username) => {
          setJustSetUp(username);
          void start();
        }}
      />
    );
  }
  if (!session) {
    return (
      <LoginScreen
        info={boot.info}
        onLoggedIn={(user) => {
          setJustSetUp(null);
          setLoginNotice(null);
          setBoot({ status: 'ready', info: boot.info, user });
        }}
        notice={justSetUp ? '初始设置已完成，请用系统管理员账号登录。' : loginNotice}
        initialUsername={justSetUp ?? undefined}
      />
    );
  }
  if (session.user.mustChangePassword) {
    return <ForcedPasswordChangeScreen user={session.user} onChanged={session.setUser} onLogout={session.logout} />;
  }
  return (
    <SessionContext.Provider value={session}>
      <AppShell>
        {route.name === 'case' ? (
          <CasePage key={route.caseId} caseId={route.caseId} tab={route.tab} focus={route.focus} />
        ) : route.name === 'deadlines' ? (
          <DeadlinesScreen />
        ) : route.name === 'search' ? (
          <SearchScreen q={route.q} />
        ) : route.name === 'work' ||
          (route.name === 'cases' && landing(window.location.hash) && primaryQueue(session.user.roles)) ? (
          <WorkScreen /> /* a head lands on 待我审批, a reviewer on 待我审核, an officer on 我的案件 */
        ) : route.name === 'laws' ? (
          <LawsScreen law={route.law} article={route.article} />
        ) : route.name === 'enterprises' ? (
          <EnterprisesScreen />
        ) : route.name === 'enterprise' ? (
          <EnterprisePage key={route.id} id={route.id} />
        ) : route.name === 'settings' ? (
          <SettingsScreen />
        ) : route.name === 'drafts' ? (
          <DraftsScreen />
        ) : route.name === 'fieldTasks' ? (
          <FieldTasksScreen />
        ) : route.name === 'notices' ? (
          <NoticesScreen />
        ) : route.name === 'reviewScores' && canCall(session.user.roles, 'review.scores') ? (
          <ReviewScoresScreen />
        ) : (route.name === 'accounts' ||
            (route.name === 'cases' && landing(window.location.hash) && !primaryQueue(session.user.roles))) &&
          canCall(session.user.roles, 'users.list') ? (
          /* The administrator, who sees no case, lands here; a user without the role who inherits #/accounts lands on the case list.
             Keyed by the route: going from the landing to 账号与审计 reads the audit log afresh. */
          <AccountsScreen key={route.name} />
        ) : (
          <CaseListScreen />
        )}
      </AppShell>
    </SessionContext.Provider>
  );
}
