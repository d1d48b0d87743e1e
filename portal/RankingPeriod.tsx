/**
 * The period control of 绩效排行: every case, a year, a quarter, a month, or two days typed. It reports the
 * period (or a Chinese message when the typed days are incomplete or reversed); the page reloads with it.
 * It opens on every case, as the ranking did before it had a period (a case only filed counts in none).
 */
import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { periodOf, thisYear, type Period, type PeriodChoice } from '#common/sync/rankingPeriod.js';

type Kind = PeriodChoice['kind'];
const kinds: Array<[Kind, string]> = [
  ['year', '按年'],
  ['quarter', '按季度'],
  ['month', '按月'],
  ['custom', '自定义期间'],
  ['all', '全部案件'],
];

export function RankingPeriod(props: { today: string; onChange: (p: Period) => void }) {
  const { today, onChange } = props;
  const year0 = Number(today.slice(0, 4));
  const [kind, setKind] = useState<Kind>('all');
  const [year, setYear] = useState(year0);
  const [quarter, setQuarter] = useState<1 | 2 | 3 | 4>((Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1) as 1);
  const [month, setMonth] = useState(Number(today.slice(5, 7)));
  const [from, setFrom] = useState(`${year0}-01-01`);
  const [to, setTo] = useState(today);
  const choice: PeriodChoice =
    kind === 'all'
      ? { kind }
      : kind === 'year'
        ? { kind, year }
        : kind === 'quarter'
          ? { kind, year, quarter }
          : kind === 'month'
            ? { kind, year, month }
            : { kind, from, to };
  const result = kind === 'year' && year === year0 ? periodOf(thisYear(today)) : periodOf(choice);
  const key = 'error' in result ? null : JSON.stringify(result.period);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the period's text stands for it (a new object each render)
  useEffect(() => {
    if (key !== null) onChange(JSON.parse(key) as Period);
  }, [key]);
  const years = Array.from({ length: 5 }, (_, i) => year0 - i);
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField select size="small" label="统计期间" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        {kinds.map(([k, name]) => (
          <MenuItem key={k} value={k}>
            {name}
          </MenuItem>
        ))}
      </TextField>
      {(kind === 'year' || kind === 'quarter' || kind === 'month') && (
        <TextField select size="small" label="年度" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {y}年
            </MenuItem>
          ))}
        </TextField>
      )}
      {kind === 'quarter' && (
        <TextField
          select
          size="small"
          label="季度"
          value={quarter}
          onChange={(e) => setQuarter(Number(e.target.value) as 1 | 2 | 3 | 4)}
        >
          {[1, 2, 3, 4].map((q) => (
            <MenuItem key={q} value={q}>
              第{['一', '二', '三', '四'][q - 1]}季度
            </MenuItem>
          ))}
        </TextField>
      )}
      {kind === 'month' && (
        <TextField select size="small" label="月份" value={month} onChange={(e) => setMonth(Number(e.target.value))}>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <MenuItem key={m} value={m}>
              {m}月
            </MenuItem>
          ))}
        </TextField>
      )}
      {kind === 'custom' && (
        <>
          <TextField
            size="small"
            type="date"
            label="开始日期"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            size="small"
            type="date"
            label="结束日期"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </>
      )}
      {'error' in result && (
        <Typography variant="body2" color="error" role="alert">
          {result.error}
        </Typography>
      )}
    </Stack>
  );
}
