/**
 * The supervision portal: login (负责人 or 系统管理员), the dashboard of the user's bureaus, the cases
 * behind any figure, and a case's events. Every figure is a chart and a table whose numbers open the
 * cases behind them.
 */
import { useCallback, useState, type ReactNode } from 'react';
import {
  Alert,
  AppBar,
  Box,
  Breadcrumbs,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Toolbar,
  Typography,
} from '@mui/material';
import type { Dashboard, Measure, SupervisionCaseEvents, SupervisionCaseList } from '#common/sync/supervision.js';
import { formatYuan as yuan } from '#common/money.js';
import { api } from './api.js';
import { Chart } from './Chart.js';
import { TaskListView, TaskView } from './Tasks.js'; // 现场检查任务 (双随机)
import { RankingView } from './Ranking.js'; // 绩效排行
import { LedgersView } from './Ledgers.js'; // 台账
import { NoticeListView, NoticeView } from './Notices.js'; // 通知公告
import { useLoad } from './useLoad.js';

interface Session {
  token: string;
  user: { name: string; bureau: { id: string; name: string } };
}
type View =
  | { kind: 'dashboard' }
  | { kind: 'cases'; measure: Measure; key: string; label: string }
  | { kind: 'case'; id: string; from: View }
  | { kind: 'tasks' }
  | { kind: 'ranking' }
  | { kind: 'ledgers' }
  | { kind: 'notices' }
  | { kind: 'notice'; id: string }
  | { kind: 'task'; id: string };

const sessionKey = 'anjuan-portal-session';
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export function App() {
  const [session, setSession] = useState<Session | null>(() => {
    const s = sessionStorage.getItem(sessionKey);
    return s ? (JSON.parse(s) as Session) : null;
  });
  const [view, setView] = useState<View>({ kind: 'dashboard' });
  const logout = () => {
    sessionStorage.removeItem(sessionKey);
    setSession(null);
    setView({ kind: 'dashboard' });
  };
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: '#f5f6f5' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" sx={{ flexGrow: 1 }}>
            案卷 · 执法监督平台
          </Typography>
          {session && (
            <>
              <Button color="inherit" onClick={() => setView({ kind: 'dashboard' })}>
                案件监督
              </Button>
              <Button color="inherit" onClick={() => setView({ kind: 'tasks' })}>
                现场检查任务
              </Button>
              <Button color="inherit" onClick={() => setView({ kind: 'ranking' })}>
                绩效排行
              </Button>
              <Button color="inherit" onClick={() => setView({ kind: 'ledgers' })}>
                台账
              </Button>
              <Button color="inherit" onClick={() => setView({ kind: 'notices' })}>
                通知公告
              </Button>
              <Typography>
                {session.user.bureau.name} · {session.user.name}
              </Typography>
              <Button color="inherit" onClick={logout}>
                退出
              </Button>
            </>
          )}
        </Toolbar>
      </AppBar>
      <Box sx={{ p: 3, maxWidth: 1400, mx: 'auto' }}>
        {!session ? (
          <Login
            onLogin={(s) => {
              sessionStorage.setItem(sessionKey, JSON.stringify(s));
              setSession(s);
            }}
          />
        ) : view.kind === 'dashboard' ? (
          <DashboardView token={session.token} open={setView} onExpired={logout} />
        ) : view.kind === 'ranking' ? (
          <RankingView token={session.token} />
        ) : view.kind === 'ledgers' ? (
          <LedgersView token={session.token} />
        ) : view.kind === 'notices' ? (
          <NoticeListView token={session.token} openNotice={(id) => setView({ kind: 'notice', id })} />
        ) : view.kind === 'notice' ? (
          <NoticeView
            token={session.token}
            id={view.id}
            bureauId={session.user.bureau.id}
            back={() => setView({ kind: 'notices' })}
          />
        ) : view.kind === 'tasks' ? (
          <TaskListView token={session.token} openTask={(id) => setView({ kind: 'task', id })} />
        ) : view.kind === 'task' ? (
          <TaskView
            token={session.token}
            id={view.id}
            back={() => setView({ kind: 'tasks' })}
            openCase={(id) => setView({ kind: 'case', id, from: view })}
          />
        ) : view.kind === 'cases' ? (
          <CaseListView token={session.token} view={view} go={setView} />
        ) : (
          <CaseView
            token={session.token}
            id={view.id}
            back={() => setView(view.from)}
            home={() => setView({ kind: 'dashboard' })}
          />
        )}
      </Box>
    </Box>
  );
}

function Login(props: { onLogin: (s: Session) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onLogin(await api<Session>('/api/supervision/login', null, { username, password }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card sx={{ maxWidth: 420, mx: 'auto', mt: 8 }}>
      <CardContent>
        <Stack
          component="form"
          spacing={2}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Typography variant="h6">登录</Typography>
          <Typography variant="body2" color="text.secondary">
            负责人和系统管理员可查看本单位及下级单位的案件办理情况。
          </Typography>
          <TextField label="用户名" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
          <TextField label="密码" type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
          {error && <Alert severity="error">{error}</Alert>}
          <Button type="submit" variant="contained" disabled={busy}>
            登录
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

function Section(props: { title: string; note?: string; children: ReactNode }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {props.title}
        </Typography>
        {props.note && (
          <Typography variant="caption" color="text.secondary">
            {props.note}
          </Typography>
        )}
        {props.children}
      </CardContent>
    </Card>
  );
}

/** A number that opens the cases behind it. */
function Figure(props: { n: number | string; label: string; onClick: () => void }) {
  return (
    <Link component="button" underline="hover" onClick={props.onClick} aria-label={props.label}>
      {props.n}
    </Link>
  );
}

function DashboardView(props: { token: string; open: (v: View) => void; onExpired: () => void }) {
  const { token, open } = props;
  const load = useCallback(() => api<Dashboard>('/api/supervision/dashboard', token), [token]);
  const { data: d, error } = useLoad(load);
  const drill = useCallback(
    (measure: Measure, key: string, label: string) => open({ kind: 'cases', measure, key, label }),
    [open],
  );
  if (error)
    return (
      <Alert severity="error" action={<Button onClick={props.onExpired}>重新登录</Button>}>
        {error}
      </Alert>
    );
  if (!d) return <CircularProgress aria-label="正在加载" />;
  const states = d.byState.map((x) => ({ ...x, label: x.closed ? '已结案' : x.nodeName }));
  const officers = d.officers.slice(0, 15);
  return (
    <Stack spacing={2}>
      <Typography variant="h5">
        {d.bureau.name} 案件监督（{d.today}）
      </Typography>
      <Stack direction="row" spacing={1}>
        <Chip label={`案件 ${d.totals.cases} 件`} />
        <Chip color="primary" label={`在办 ${d.totals.open} 件`} />
        <Chip label={`已结案 ${d.totals.closed} 件`} onClick={() => drill('state', 'closed', '已结案')} />
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        <Section title="案件状态" note="在办案件所处环节；点击图或数字查看案件">
          <Chart
            kind="bar"
            label="案件状态图"
            items={states.map((x) => ({ label: x.label, value: x.count }))}
            unit=" 件"
            onPick={(i) => drill('state', states[i]!.key, states[i]!.label)}
          />
          <Table size="small">
            <TableBody>
              {states.map((x) => (
                <TableRow key={x.key}>
                  <TableCell>{x.label}</TableCell>
                  <TableCell align="right">
                    <Figure
                      n={x.count}
                      label={`${x.label} ${x.count} 件`}
                      onClick={() => drill('state', x.key, x.label)}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
        <Section title="违法类型">
          <Chart
            kind="pie"
            label="违法类型图"
            items={d.byViolation.map((x) => ({ label: x.name, value: x.count }))}
            unit=" 件"
            onPick={(i) => drill('violation', d.byViolation[i]!.key, d.byViolation[i]!.name)}
          />
          <Table size="small">
            <TableBody>
              {d.byViolation.map((x) => (
                <TableRow key={x.key}>
                  <TableCell>{x.name}</TableCell>
                  <TableCell align="right">
                    <Figure
                      n={x.count}
                      label={`${x.name} ${x.count} 件`}
                      onClick={() => drill('violation', x.key, x.name)}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
        <Section title="期限预警" note="未届满的法定期限：已逾期与即将到期，附依据">
          {d.deadlines.length === 0 ? (
            <Typography color="text.secondary">没有逾期或即将到期的期限</Typography>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>期限</TableCell>
                  <TableCell>依据</TableCell>
                  <TableCell align="right">已逾期</TableCell>
                  <TableCell align="right">即将到期</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {d.deadlines.map((x) => (
                  <TableRow key={`${x.key}-${x.owner}`}>
                    <TableCell>
                      {x.name}
                      {x.owner === 'party' ? '（当事人）' : ''}
                    </TableCell>
                    <TableCell>{x.citation}</TableCell>
                    <TableCell align="right">
                      <Figure
                        n={x.overdue}
                        label={`${x.name} 已逾期 ${x.overdue} 件`}
                        onClick={() => drill('overdue', x.key, `${x.name} · 已逾期`)}
                      />
                    </TableCell>
                    <TableCell align="right">
                      <Figure
                        n={x.dueSoon}
                        label={`${x.name} 即将到期 ${x.dueSoon} 件`}
                        onClick={() => drill('dueSoon', x.key, `${x.name} · 即将到期`)}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Section>
        <Section title="罚没款">
          <Chart
            kind="bar"
            label="罚没款图"
            items={[
              { label: '已决定', value: d.fines.decided },
              { label: '已收缴', value: d.fines.collected },
              { label: '未缴', value: d.fines.outstanding },
            ]}
            unit=" 元"
            onPick={(i) => {
              const key = (['decided', 'collected', 'outstanding'] as const)[i]!;
              drill('fines', key, { decided: '已决定罚款', collected: '已收缴罚款', outstanding: '未缴罚款' }[key]);
            }}
          />
          <Table size="small">
            <TableBody>
              <TableRow>
                <TableCell>已决定（{d.fines.decidedCases} 件）</TableCell>
                <TableCell align="right">
                  <Figure
                    n={yuan(d.fines.decided)}
                    label="已决定罚款"
                    onClick={() => drill('fines', 'decided', '已决定罚款')}
                  />
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell>已收缴</TableCell>
                <TableCell align="right">
                  <Figure
                    n={yuan(d.fines.collected)}
                    label="已收缴罚款"
                    onClick={() => drill('fines', 'collected', '已收缴罚款')}
                  />
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell>未缴（{d.fines.outstandingCases} 件）</TableCell>
                <TableCell align="right">
                  <Figure
                    n={yuan(d.fines.outstanding)}
                    label="未缴罚款"
                    onClick={() => drill('fines', 'outstanding', '未缴罚款')}
                  />
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </Section>
        <Section title="环节平均用时" note="一般程序各环节从进入到离开的平均天数（按事件时间）">
          <Chart
            kind="bar"
            label="环节平均用时图"
            items={d.steps.map((x) => ({ label: x.nodeName, value: x.averageDays }))}
            unit=" 天"
            onPick={(i) => drill('step', d.steps[i]!.key, `${d.steps[i]!.nodeName} · 用时`)}
          />
        </Section>
        <Section title="承办人员在办案件" note="每人承办的在办案件数（前15名）">
          <Chart
            kind="bar"
            label="承办人员在办案件图"
            items={officers.map((x) => ({ label: x.name, value: x.openCases }))}
            unit=" 件"
            onPick={(i) => drill('officer', officers[i]!.key, `${officers[i]!.name} · 在办`)}
          />
          <Table size="small">
            <TableBody>
              {officers.map((x) => (
                <TableRow key={x.key}>
                  <TableCell>{x.name}</TableCell>
                  <TableCell align="right">
                    <Figure
                      n={x.openCases}
                      label={`${x.name} 在办 ${x.openCases} 件`}
                      onClick={() => drill('officer', x.key, `${x.name} · 在办`)}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      </Box>
    </Stack>
  );
}

function CaseListView(props: { token: string; view: Extract<View, { kind: 'cases' }>; go: (v: View) => void }) {
  const { token, view, go } = props;
  const load = useCallback(
    () =>
      api<SupervisionCaseList>(
        `/api/supervision/cases?measure=${view.measure}&key=${encodeURIComponent(view.key)}`,
        token,
      ),
    [token, view.measure, view.key],
  );
  const { data, error } = useLoad(load);
  return (
    <Stack spacing={2}>
      <Breadcrumbs>
        <Link component="button" onClick={() => go({ kind: 'dashboard' })}>
          监督总览
        </Link>
        <Typography color="text.primary">{view.label}</Typography>
      </Breadcrumbs>
      {error && <Alert severity="error">{error}</Alert>}
      {!data && !error && <CircularProgress aria-label="正在加载" />}
      {data && (
        <>
          <Typography variant="h6">
            {data.title}：共 {data.total} 件{data.total > data.cases.length ? `（显示前 ${data.cases.length} 件）` : ''}
          </Typography>
          <Table size="small" aria-label="案件列表">
            <TableHead>
              <TableRow>
                <TableCell>案号</TableCell>
                <TableCell>单位</TableCell>
                <TableCell>当事人</TableCell>
                <TableCell>违法类型</TableCell>
                <TableCell>环节</TableCell>
                <TableCell>说明</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.cases.map((c) => (
                <TableRow key={c.id} hover>
                  <TableCell>
                    <Link component="button" onClick={() => go({ kind: 'case', id: c.id, from: view })}>
                      {c.number}
                    </Link>
                  </TableCell>
                  <TableCell>{c.bureauName}</TableCell>
                  <TableCell>{c.party}</TableCell>
                  <TableCell>{c.violationName}</TableCell>
                  <TableCell>{c.nodeName}</TableCell>
                  <TableCell>{c.detail}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Stack>
  );
}

function CaseView(props: { token: string; id: string; back: () => void; home: () => void }) {
  const { token, id } = props;
  const load = useCallback(
    () => api<SupervisionCaseEvents>(`/api/supervision/cases/${encodeURIComponent(id)}/events`, token),
    [token, id],
  );
  const { data, error } = useLoad(load);
  return (
    <Stack spacing={2}>
      <Breadcrumbs>
        <Link component="button" onClick={props.home}>
          监督总览
        </Link>
        <Link component="button" onClick={props.back}>
          案件列表
        </Link>
        <Typography color="text.primary">{data?.case.number ?? '案件'}</Typography>
      </Breadcrumbs>
      {error && <Alert severity="error">{error}</Alert>}
      {!data && !error && <CircularProgress aria-label="正在加载" />}
      {data && (
        <>
          <Typography variant="h6">
            {data.case.number} · {data.case.party}
          </Typography>
          <Typography color="text.secondary">
            {data.case.bureauName} · {data.case.violationName} · 当前环节：{data.case.nodeName}
          </Typography>
          <Table size="small" aria-label="办案记录">
            <TableHead>
              <TableRow>
                <TableCell>序号</TableCell>
                <TableCell>时间</TableCell>
                <TableCell>操作</TableCell>
                <TableCell>操作人</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.events.map((e) => (
                <TableRow key={e.seq}>
                  <TableCell>{e.seq}</TableCell>
                  <TableCell>{when(e.at)}</TableCell>
                  <TableCell>{e.summary}</TableCell>
                  <TableCell>{e.actorName}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Stack>
  );
}
