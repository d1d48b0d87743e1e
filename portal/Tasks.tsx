/**
 * 现场检查任务 (双随机) in the portal: the tasks touching the viewer's bureaus with progress per county,
 * a form to create one (rules as data: industries, key polluters, last inspection; counties of the
 * viewer's own subtree), one task's assignments with the inspection recorded and the case opened
 * (which opens the case's events), and the audit that re-runs the draw from its recorded seed.
 */
import { useCallback, useState } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Breadcrumbs,
  Button,
  Card,
  CardContent,
  CircularProgress,
  LinearProgress,
  Link,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { BureauView } from '#common/sync/enrolment.js';
import {
  inspectionResults,
  keyPolluterModes,
  type CreateTaskInput,
  type TaskAudit,
  type TaskDetail,
  type TaskSummary,
} from '#common/sync/fieldTasks.js';
import { api } from './api.js';
import { useLoad } from './useLoad.js';
import { type Column, ListPage } from './ListPage.js';

const progressOf = (t: TaskSummary) => {
  const drawn = t.counties.reduce((n, c) => n + c.drawn, 0);
  const done = t.counties.reduce((n, c) => n + c.done, 0);
  return { drawn, done };
};

const taskColumns = (open: (id: string) => void): Column<TaskSummary>[] => [
  {
    head: '任务',
    cell: (t) => (
      <Link component="button" onClick={() => open(t.id)}>
        {t.name}
      </Link>
    ),
  },
  { head: '下达单位', cell: (t) => t.bureauName },
  { head: '检查期间', cell: (t) => `${t.periodFrom} 至 ${t.periodTo}` },
  { head: '县（市、区）', cell: (t) => t.counties.length },
  {
    head: '完成情况',
    align: 'right',
    cell: (t) => {
      const p = progressOf(t);
      return `已完成 ${p.done} / 共 ${p.drawn} 家`;
    },
  },
];

export function TaskListView(props: { token: string; openTask: (id: string) => void }) {
  const { token } = props;
  const load = useCallback(() => api<{ tasks: TaskSummary[] }>('/api/tasks', token).then((d) => d.tasks), [token]);
  return (
    <ListPage
      title="现场检查任务（双随机）"
      createLabel="新建任务"
      load={load}
      open={props.openTask}
      form={(f) => <TaskForm token={token} onCancel={f.onCancel} onCreated={(t) => f.onCreated(t.id)} />}
      empty="暂无现场检查任务"
      tableLabel="任务列表"
      columns={taskColumns(props.openTask)}
    />
  );
}

function TaskForm(props: { token: string; onCancel: () => void; onCreated: (t: TaskSummary) => void }) {
  const { token } = props;
  const loadCounties = useCallback(() => api<{ counties: BureauView[] }>('/api/tasks/counties', token), [token]);
  const counties = useLoad(loadCounties).data?.counties ?? [];
  const [submissionId] = useState(() => crypto.randomUUID());
  const [name, setName] = useState('');
  const [periodFrom, setPeriodFrom] = useState('');
  const [periodTo, setPeriodTo] = useState('');
  const [scope, setScope] = useState<BureauView[]>([]);
  const [industries, setIndustries] = useState('');
  const [mode, setMode] = useState<'any' | 'only' | 'exclude'>('any');
  const [categories, setCategories] = useState('');
  const [lastBefore, setLastBefore] = useState('');
  const [perCounty, setPerCounty] = useState('5');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const split = (s: string) =>
    s
      .split(/[,，、;；\s]+/)
      .map((x) => x.trim())
      .filter(Boolean);
  const submit = async () => {
    setBusy(true);
    setError(null);
    const input: CreateTaskInput = {
      submissionId,
      name: name.trim(),
      periodFrom,
      periodTo,
      counties: scope.map((c) => c.id),
      rules: {
        industries: split(industries),
        keyPolluter: { mode, categories: mode === 'only' ? split(categories) : [] },
        lastInspectedBefore: lastBefore || null,
      },
      perCounty: Number(perCounty),
    };
    try {
      props.onCreated(await api<TaskSummary>('/api/tasks', token, input));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  const date = { inputLabel: { shrink: true } };
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack
          component="form"
          spacing={2}
          aria-label="新建现场检查任务"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Typography variant="h6">新建现场检查任务</Typography>
          <TextField label="任务名称" value={name} onChange={(e) => setName(e.target.value)} />
          <Stack direction="row" spacing={2}>
            <TextField
              label="开始日期"
              type="date"
              value={periodFrom}
              onChange={(e) => setPeriodFrom(e.target.value)}
              slotProps={date}
            />
            <TextField
              label="结束日期"
              type="date"
              value={periodTo}
              onChange={(e) => setPeriodTo(e.target.value)}
              slotProps={date}
            />
            <TextField
              label="每县抽取企业数"
              type="number"
              value={perCounty}
              onChange={(e) => setPerCounty(e.target.value)}
            />
          </Stack>
          <Autocomplete
            multiple
            options={counties}
            value={scope}
            onChange={(_e, v) => setScope(v)}
            getOptionLabel={(c) => c.name}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            renderInput={(p) => <TextField {...p} label="检查范围（县、市、区）" />}
          />
          <Typography variant="subtitle2">抽取规则</Typography>
          <TextField
            label="行业代码（GB/T 4754，可填多个，如 C26、C1311；不填为全部行业）"
            value={industries}
            onChange={(e) => setIndustries(e.target.value)}
          />
          <Stack direction="row" spacing={2}>
            <TextField
              select
              label="重点排污单位"
              value={mode}
              onChange={(e) => setMode(e.target.value as typeof mode)}
              sx={{ minWidth: 200 }}
            >
              {(Object.keys(keyPolluterModes) as Array<keyof typeof keyPolluterModes>).map((k) => (
                <MenuItem key={k} value={k}>
                  {keyPolluterModes[k]}
                </MenuItem>
              ))}
            </TextField>
            {mode === 'only' && (
              <TextField
                label="类别（如 水环境、大气环境；不填为全部）"
                value={categories}
                onChange={(e) => setCategories(e.target.value)}
                sx={{ flexGrow: 1 }}
              />
            )}
            <TextField
              label="最近一次检查早于（不填为不限）"
              type="date"
              value={lastBefore}
              onChange={(e) => setLastBefore(e.target.value)}
              slotProps={date}
              sx={{ minWidth: 240 }}
            />
          </Stack>
          {error && <Alert severity="error">{error}</Alert>}
          <Stack direction="row" spacing={1}>
            <Button type="submit" variant="contained" disabled={busy}>
              随机抽取并下达
            </Button>
            <Button onClick={props.onCancel} disabled={busy}>
              取消
            </Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}

function rulesText(t: TaskSummary): string {
  const r = t.rules;
  return [
    r.industries.length ? `行业 ${r.industries.join('、')}` : '全部行业',
    r.keyPolluter.mode === 'only'
      ? `仅重点排污单位${r.keyPolluter.categories.length ? `（${r.keyPolluter.categories.join('、')}）` : ''}`
      : keyPolluterModes[r.keyPolluter.mode] === '不限'
        ? '重点排污单位不限'
        : keyPolluterModes[r.keyPolluter.mode],
    r.lastInspectedBefore ? `最近一次检查早于 ${r.lastInspectedBefore} 或从未检查` : '检查时间不限',
    `每县抽取 ${t.perCounty} 家`,
  ].join('；');
}

export function TaskView(props: { token: string; id: string; back: () => void; openCase: (id: string) => void }) {
  const { token, id } = props;
  const load = useCallback(() => api<TaskDetail>(`/api/tasks/${encodeURIComponent(id)}`, token), [token, id]);
  const { data: t, error } = useLoad(load);
  const [county, setCounty] = useState<string | null>(null);
  const [audit, setAudit] = useState<TaskAudit | string | null>(null);
  const runAudit = async () => {
    try {
      setAudit(await api<TaskAudit>(`/api/tasks/${encodeURIComponent(id)}/audit`, token));
    } catch (e) {
      setAudit((e as Error).message);
    }
  };
  const shown = t?.assignments.filter((a) => !county || a.countyId === county) ?? [];
  return (
    <Stack spacing={2}>
      <Breadcrumbs>
        <Link component="button" onClick={props.back}>
          现场检查任务
        </Link>
        <Typography color="text.primary">{t?.name ?? '任务'}</Typography>
      </Breadcrumbs>
      {error && <Alert severity="error">{error}</Alert>}
      {!t && !error && <CircularProgress aria-label="正在加载" />}
      {t && (
        <>
          <Typography variant="h6">{t.name}</Typography>
          <Typography color="text.secondary">
            {t.bureauName}下达（{t.createdBy}）· 检查期间 {t.periodFrom} 至 {t.periodTo} · 随机数种子 {t.seed}
          </Typography>
          <Typography variant="body2">抽取规则：{rulesText(t)}</Typography>
          <Box>
            <Button variant="outlined" onClick={() => void runAudit()}>
              复核抽取结果
            </Button>
          </Box>
          {typeof audit === 'string' && <Alert severity="error">{audit}</Alert>}
          {audit && typeof audit === 'object' && (
            <Alert severity={audit.matches && audit.candidatesMatch !== false ? 'success' : 'error'} role="status">
              {audit.note}（算法：{audit.algorithm}）
            </Alert>
          )}
          <Table size="small" aria-label="各县完成情况">
            <TableHead>
              <TableRow>
                <TableCell>县（市、区）</TableCell>
                <TableCell align="right">候选企业</TableCell>
                <TableCell align="right">抽中</TableCell>
                <TableCell align="right">已完成</TableCell>
                <TableCell align="right">未完成</TableCell>
                <TableCell sx={{ width: 200 }}>进度</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {t.counties.map((c) => (
                <TableRow key={c.id} hover selected={county === c.id}>
                  <TableCell>
                    <Link component="button" onClick={() => setCounty(county === c.id ? null : c.id)}>
                      {c.name}
                    </Link>
                  </TableCell>
                  <TableCell align="right">{c.candidates}</TableCell>
                  <TableCell align="right">{c.drawn}</TableCell>
                  <TableCell align="right">{c.done}</TableCell>
                  <TableCell align="right">{c.open}</TableCell>
                  <TableCell>
                    <LinearProgress
                      variant="determinate"
                      value={c.drawn ? (100 * c.done) / c.drawn : 0}
                      aria-label={`${c.name} 已完成 ${c.done} / ${c.drawn}`}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Table size="small" aria-label="抽查企业">
            <TableHead>
              <TableRow>
                <TableCell>县（市、区）</TableCell>
                <TableCell>被检查企业</TableCell>
                <TableCell>执法人员</TableCell>
                <TableCell>状态</TableCell>
                <TableCell>检查</TableCell>
                <TableCell>立案</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{a.countyName}</TableCell>
                  <TableCell>
                    {a.enterpriseName}
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {a.uscc}
                    </Typography>
                  </TableCell>
                  <TableCell>{a.officers.map((o) => `${o.name}（${o.certificateNo}）`).join('、')}</TableCell>
                  <TableCell>{a.status === 'done' ? '已完成' : '未完成'}</TableCell>
                  <TableCell>
                    {a.result && (
                      <>
                        {a.inspectedOn} {inspectionResults[a.result]}（{a.recordedBy}）
                        <Typography variant="caption" sx={{ display: 'block' }}>
                          {a.findings}
                        </Typography>
                      </>
                    )}
                  </TableCell>
                  <TableCell>
                    {a.caseId && (
                      <Link component="button" onClick={() => props.openCase(a.caseId!)}>
                        {a.caseNumber ?? '查看案件'}
                      </Link>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Stack>
  );
}
