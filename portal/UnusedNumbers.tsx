/**
 * 未使用的案号、文号 in the portal's 台账 page: for a year, each block reserved for a desk of the viewer's
 * bureaus with the numbers never given (docs/decisions.md, "Number blocks"), so the register explains
 * every number. Before year end the rest of a desk's current block is listed too: not yet used.
 */
import { useCallback, useState } from 'react';
import { Alert, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { documentTypeName } from '#common/documentTypeNames.js';
import type { NumberRange, UnusedNumbersOutput } from '#common/sync/unusedNumbers.js';
import { api } from './api.js';
import { useLoad } from './useLoad.js';
import { type Column, DataTable } from './ListPage.js';

const ranges = (rs: NumberRange[]): string =>
  rs.map((r) => (r.start === r.end ? `${r.start}` : `${r.start}–${r.end}`)).join('、');

type Block = UnusedNumbersOutput['blocks'][number];

const columns: Column<Block>[] = [
  { head: '单位', cell: (b) => b.bureauName },
  { head: '编号', cell: (b) => (b.kind === 'case' ? '案号' : `文号（${documentTypeName(b.kind)}）`) },
  { head: '工作站', cell: (b) => `${b.deviceName}${b.revoked ? '（已停用）' : ''}` },
  { head: '预留号段', cell: (b) => `${b.start}–${b.end}` },
  { head: '未使用', cell: (b) => `${ranges(b.unused)}（${b.unusedCount}个）` },
];

export function UnusedNumbersView(props: { token: string }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const load = useCallback(
    () => api<UnusedNumbersOutput>(`/api/supervision/numbers/unused?year=${year}`, props.token),
    [year, props.token],
  );
  const { data, error } = useLoad(load);
  return (
    <Card variant="outlined" data-testid="portal-unused-numbers">
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>
            未使用的案号、文号
          </Typography>
          <TextField select size="small" label="年度" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <MenuItem key={y} value={y}>
                {y}年
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        {data && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {data.total
              ? `${data.year}年服务器为各工作站预留、尚未使用的编号共${data.total}个；这些编号不会再分给其他工作站。`
              : `${data.year}年预留的编号均已使用。`}
          </Typography>
        )}
        {data && data.blocks.length > 0 && (
          <DataTable columns={columns} rows={data.blocks} rowKey={(b) => `${b.bureauId}-${b.kind}-${b.start}`} />
        )}
      </CardContent>
    </Card>
  );
}
