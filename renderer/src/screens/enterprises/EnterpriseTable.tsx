/** Search results of the directory: a row opens the enterprise (click or Enter). */
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { EnterpriseSummary } from '#common/schemas/enterprises';

interface Props {
  rows: EnterpriseSummary[];
  loading: boolean;
  caption: string;
  onOpen(e: EnterpriseSummary): void;
}

export function EnterpriseTable({ rows, loading, caption, onOpen }: Props) {
  return (
    <Paper>
      {loading ? <LinearProgress /> : <div style={{ height: 4 }} />}
      <TableContainer>
        <Table size="small" data-testid="enterprise-table">
          <TableHead>
            <TableRow>
              <TableCell>单位名称</TableCell>
              <TableCell>统一社会信用代码</TableCell>
              <TableCell>法定代表人</TableCell>
              <TableCell>所属区县</TableCell>
              <TableCell>行业代码</TableCell>
              <TableCell>地址</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((e) => (
              <TableRow
                key={e.id}
                hover
                tabIndex={0}
                data-testid="enterprise-row"
                sx={{ cursor: 'pointer' }}
                onClick={() => onOpen(e)}
                onKeyDown={(ev) => {
                  if (ev.key === 'Enter') onOpen(e);
                }}
              >
                <TableCell sx={{ fontWeight: 500 }}>
                  {e.name}
                  {e.keyPolluter.length > 0 && (
                    <Chip size="small" color="warning" variant="outlined" label="重点排污单位" sx={{ ml: 1 }} />
                  )}
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{e.uscc}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.legalRepresentative}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.county || e.countyCode}</TableCell>
                <TableCell>{e.industryCode}</TableCell>
                <TableCell sx={{ maxWidth: 360 }}>{e.address}</TableCell>
              </TableRow>
            ))}
            {!loading && rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} align="center" sx={{ py: 6, color: 'text.secondary' }}>
                  企业名录中没有匹配的企业
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <Typography
        variant="caption"
        color="text.secondary"
        sx={{ display: 'block', px: 2, py: 1 }}
        data-testid="enterprise-caption"
      >
        {caption}
      </Typography>
    </Paper>
  );
}
