/** What a check of an 电子档案包 found: one line for the whole, then every problem by item (类别, 文件, 说明). */
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { PackageProblem, PackageReport } from '#common/schemas/archivePackage';

export const problemKindNames: Record<PackageProblem['kind'], string> = {
  changed: '被改动',
  missing: '缺失',
  extra: '多出',
  manifest: '清单',
  chain: '全过程记录',
  content: '内容不一致',
  unsafe: '不安全条目',
  zip: '无法读取',
  signature: '签章无效',
};

export function PackageReportView({ report }: { report: PackageReport }) {
  return (
    <Stack spacing={1.5} data-testid="package-report">
      <Alert severity={report.ok ? 'success' : 'error'} data-testid="package-report-summary">
        {report.summary}
      </Alert>
      {report.caseNumber && (
        <Typography variant="body2" color="text.secondary">
          案号 {report.caseNumber}
          {report.caseTitle ? ` · ${report.caseTitle}` : ''}
          {report.exportedAt ? ` · 导出于 ${report.exportedAt.slice(0, 16).replace('T', ' ')}` : ''} · 清单列出
          {report.items}个文件，完好{report.intact}个 · 全过程记录{report.events}条
        </Typography>
      )}
      {report.problems.length > 0 && (
        <Table size="small" data-testid="package-problems">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 96 }}>问题</TableCell>
              <TableCell>文件</TableCell>
              <TableCell>说明</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.problems.map((p) => (
              <TableRow key={`${p.kind}-${p.path ?? ''}-${p.message}`} data-testid="package-problem" data-kind={p.kind}>
                <TableCell sx={{ color: 'error.main' }}>{problemKindNames[p.kind]}</TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{p.path ?? '—'}</TableCell>
                <TableCell>{p.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {report.moreProblems > 0 && (
        <Typography variant="body2" color="text.secondary">
          另有{report.moreProblems}项问题未列出。
        </Typography>
      )}
    </Stack>
  );
}
