/**
 * 绩效排行 in the portal: the bureaus below the viewer (or every county) and the officers of its cases,
 * ranked by the weights in force. Every row shows each measure's numerator, denominator, rate and weight,
 * and the total's formula, so a score can be checked by hand; the measures' definitions are listed above.
 */
import { useCallback, useState } from 'react';
import {
  Alert,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { Ranking, RankingMeasureScore, RankingRow } from '#common/sync/ranking.js';
import { periodQuery, periodText, type Period } from '#common/sync/rankingPeriod.js';
import { api } from './api.js';
import { RankingPeriod } from './RankingPeriod.js';
import { useLoad } from './useLoad.js';

const percent = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;

function MeasureCell(props: { m: RankingMeasureScore }) {
  const { m } = props;
  if (m.rate === null)
    return (
      <TableCell align="right">
        <Typography variant="body2" color="text.secondary">
          暂无数据
        </Typography>
      </TableCell>
    );
  return (
    <TableCell align="right">
      <Typography variant="body2" color={m.counted ? 'text.primary' : 'text.secondary'}>
        {percent(m.rate)}（{m.numerator}/{m.denominator}）
      </Typography>
      {m.note && (
        <Typography variant="caption" color="text.secondary">
          {m.note}
        </Typography>
      )}
      {m.detail && (
        <Typography variant="caption" color="text.secondary" component="div">
          {m.detail}
        </Typography>
      )}
    </TableCell>
  );
}

function RankTable(props: { title: string; rows: RankingRow[]; ranking: Ranking; showBureau: boolean }) {
  const { rows, ranking } = props;
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {props.title}
        </Typography>
        {rows.length === 0 ? (
          <Typography color="text.secondary">暂无数据</Typography>
        ) : (
          <Table size="small" aria-label={props.title}>
            <TableHead>
              <TableRow>
                <TableCell>名次</TableCell>
                <TableCell>{props.showBureau ? '姓名' : '单位'}</TableCell>
                {props.showBureau && <TableCell>单位</TableCell>}
                {ranking.weights.measures.map((m) => (
                  <TableCell key={m.id} align="right">
                    {m.name}（权重 {m.weight}）
                  </TableCell>
                ))}
                <TableCell align="right">总分</TableCell>
                <TableCell>计算方法</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid={`rank-${r.id}`}>
                  <TableCell>{r.rank ?? '—'}</TableCell>
                  <TableCell>{r.name}</TableCell>
                  {props.showBureau && <TableCell>{r.bureauName}</TableCell>}
                  {r.measures.map((m) => (
                    <MeasureCell key={m.id} m={m} />
                  ))}
                  <TableCell align="right">{r.total === null ? '暂无数据' : r.total.toFixed(1)}</TableCell>
                  <TableCell>
                    <Typography variant="caption">{r.formula}</Typography>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

export function RankingView(props: { token: string }) {
  const { token } = props;
  const [level, setLevel] = useState<'children' | 'counties'>('children');
  // Every case until the control says otherwise; its years and months start from the browser's date in China.
  const [today] = useState(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
  const [period, setPeriod] = useState<Period>(null);
  const load = useCallback(
    () => api<Ranking>(`/api/supervision/ranking?level=${level}${periodQuery(period)}`, token),
    [token, level, period],
  );
  const { data, error } = useLoad(load);
  // The same period again (the control reports it on every change of its text) reloads nothing.
  const choose = useCallback(
    (p: Period) => setPeriod((old) => (JSON.stringify(old) === JSON.stringify(p) ? old : p)),
    [],
  );
  // The control stays in place while the figures load, so its choice survives the reload.
  return (
    <Stack spacing={2}>
      <Typography variant="h5">绩效排行{data ? ` · ${data.bureau.name}` : ''}</Typography>
      <RankingPeriod today={today} onChange={choose} />
      {error ? (
        <Alert severity="error">{error}</Alert>
      ) : !data ? (
        <CircularProgress aria-label="正在计算排行" />
      ) : (
        <RankingBody data={data} level={level} setLevel={setLevel} />
      )}
    </Stack>
  );
}

function RankingBody(props: {
  data: Ranking;
  level: 'children' | 'counties';
  setLevel: (l: 'children' | 'counties') => void;
}) {
  const { data, level, setLevel } = props;
  return (
    <>
      <Typography variant="body2" color="text.secondary" data-testid="ranking-period">
        统计范围：{periodText(data.period)}
      </Typography>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            考核指标与权重：{data.weights.name}（{data.weights.version} 版，截至 {data.today}）
          </Typography>
          <Typography variant="body2" color="text.secondary">
            总分 = Σ（权重 × 得分率）÷ 计入指标的权重之和，满分100；暂无数据、权重为0或样本不足的指标不计入。
          </Typography>
          <ul>
            {data.weights.measures.map((m) => (
              <li key={m.id}>
                <Typography variant="body2">
                  <b>{m.name}</b>（权重 {m.weight}
                  {m.minCount > 1 ? `，至少 ${m.minCount} 项才计入` : ''}）：{m.explanation}
                </Typography>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      {data.bureau.level === 'province' && (
        <ToggleButtonGroup
          size="small"
          exclusive
          value={level}
          onChange={(_e, v) => v && setLevel(v)}
          aria-label="排行的单位"
        >
          <ToggleButton value="children">各市（州）</ToggleButton>
          <ToggleButton value="counties">全部县级单位</ToggleButton>
        </ToggleButtonGroup>
      )}
      <RankTable title="单位排行" rows={data.bureaus} ranking={data} showBureau={false} />
      <RankTable title="办案人员排行" rows={data.officers} ranking={data} showBureau />
    </>
  );
}
