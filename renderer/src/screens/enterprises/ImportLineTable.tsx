/** Lines of an import report: line number, code, name and the reasons. */
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ImportLineProblem } from '#common/schemas/enterprises';

export function ImportLineTable({
  title,
  rows,
  testId,
  color,
}: {
  title: string;
  rows: ImportLineProblem[];
  testId: string;
  color: string;
}) {
  return (
    <div>
      <Typography variant="subtitle2" gutterBottom>
        {title}
      </Typography>
      <TableContainer sx={{ maxHeight: 320 }}>
        <Table size="small" stickyHeader data-testid={testId}>
          <TableHead>
            <TableRow>
              <TableCell>行号</TableCell>
              <TableCell>统一社会信用代码</TableCell>
              <TableCell>单位名称</TableCell>
              <TableCell>原因</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.line} data-line={r.line}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>第{r.line}行</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{r.uscc || '—'}</TableCell>
                <TableCell>{r.name || '—'}</TableCell>
                <TableCell>
                  {r.reasons.map((x) => (
                    <Typography key={x} variant="body2" color={color}>
                      {x}
                    </Typography>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </div>
  );
}
