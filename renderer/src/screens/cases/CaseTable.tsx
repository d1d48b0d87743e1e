/** The page of cases: a row opens the case (click or Enter). */
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import type { CaseListRow } from '#common/schemas/cases';
import { formatInstant } from '#renderer/util/dates';

interface Props {
  rows: CaseListRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage(page: number): void;
  onOpen(row: CaseListRow): void;
  /** Said in the table when there is no row: why depends on the filter and on who is looking. */
  emptyText: string;
}

export function CaseTable({ rows, total, page, pageSize, loading, onPage, onOpen, emptyText }: Props) {
  return (
    <Paper>
      {loading ? <LinearProgress /> : <div style={{ height: 4 }} />}
      <TableContainer>
        <Table size="small" data-testid="case-table">
          <TableHead>
            <TableRow>
              <TableCell>案件编号</TableCell>
              <TableCell>当事人</TableCell>
              <TableCell>违法行为</TableCell>
              <TableCell>当前环节</TableCell>
              <TableCell>立案日期</TableCell>
              <TableCell>最近办理</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow
                key={row.id}
                hover
                tabIndex={0}
                data-testid="case-row"
                sx={{ cursor: 'pointer' }}
                onClick={() => onOpen(row)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onOpen(row);
                }}
              >
                <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>{row.number}</TableCell>
                <TableCell>{row.partyName}</TableCell>
                <TableCell sx={{ maxWidth: 360 }}>{row.violationName}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={row.nodeName}
                    color={row.closed ? 'default' : 'primary'}
                    variant={row.closed ? 'filled' : 'outlined'}
                  />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.filedOn}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatInstant(row.updatedAt)}</TableCell>
              </TableRow>
            ))}
            {!loading && rows.length === 0 && (
              <TableRow>
                <TableCell
                  colSpan={6}
                  align="center"
                  sx={{ py: 6, color: 'text.secondary' }}
                  data-testid="case-table-empty"
                >
                  {emptyText}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {/* No “第 0–0 件，共 0 件” under an empty table: the count beside the filter already says 共 0 件. */}
      {total > 0 && (
        <TablePagination
          component="div"
          count={total}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={[pageSize]}
          onPageChange={(_, p) => onPage(p)}
          labelDisplayedRows={({ from, to, count }) => `第 ${from}–${to} 件，共 ${count} 件`}
          getItemAriaLabel={(type) =>
            type === 'next' ? '下一页' : type === 'previous' ? '上一页' : type === 'first' ? '第一页' : '最后一页'
          }
        />
      )}
    </Paper>
  );
}
