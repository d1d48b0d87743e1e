/**
 * 导入企业名录: choose the province's .xlsx or .csv (UTF-8 or GBK, recognised by itself), import it
 * as a background job (a progress bar with 已处理 n / 共 m 行, 取消 undoes it), then the report: how many were added, updated, unchanged and refused, and
 * every refused row with its line number and reasons. Good rows are imported even when some are bad.
 */
import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { EnterpriseImportReport } from '#common/schemas/enterprises';
import { runJob } from '#renderer/api/jobs';
import type { JobView } from '#common/schemas/jobs';
import { JobProgress } from '#renderer/components/JobProgress';
import { messageOf } from '#renderer/api/errors';
import { fileToBase64 } from '#renderer/util/binary';
import { ImportLineTable } from './ImportLineTable';
import { ImportActions } from '#renderer/components/ImportActions';

const maxBytes = 35 * 1024 * 1024;
const encodings = [
  { value: 'auto', label: '自动识别（UTF-8、GBK）' },
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'gb18030', label: 'GBK / GB18030' },
] as const;
type EncodingChoice = (typeof encodings)[number]['value'];

function ImportReport({ report }: { report: EnterpriseImportReport }) {
  if (report.fileProblems.length) {
    return (
      <Alert severity="error" data-testid="enterprise-import-file-problem">
        “{report.fileName}”未导入：{report.fileProblems.join('；')}
      </Alert>
    );
  }
  return (
    <Stack spacing={1.5}>
      <Alert severity={report.rejected ? 'warning' : 'success'} data-testid="enterprise-import-summary">
        共{report.rows}行：新增{report.added}家，更新{report.updated}家，无变化{report.unchanged}家，未导入
        {report.rejected}行 （{report.format === 'xlsx' ? 'Excel' : `CSV，${report.encoding}`}，用时
        {(report.milliseconds / 1000).toFixed(1)}秒）
      </Alert>
      {report.rejected > 0 && (
        <ImportLineTable
          title={`未导入的行（${report.rejected}行${report.rejected > report.rejectedRows.length ? `，列出前${report.rejectedRows.length}行` : ''}）：请修改后重新导入，已导入的不会重复`}
          rows={report.rejectedRows}
          testId="enterprise-import-rejected"
          color="error"
        />
      )}
      {report.warningCount > 0 && (
        <ImportLineTable
          title={`已导入但需核对的行（${report.warningCount}行${report.warningCount > report.warnings.length ? `，列出前${report.warnings.length}行` : ''}）`}
          rows={report.warnings}
          testId="enterprise-import-warnings"
          color="warning.main"
        />
      )}
    </Stack>
  );
}

export function EnterpriseImportDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<EnterpriseImportReport | null>(null);
  const [job, setJob] = useState<JobView | null>(null);

  const run = async (): Promise<void> => {
    if (!file) return;
    if (file.size > maxBytes) {
      setError('文件过大（不超过35MB）');
      return;
    }
    setRunning(true);
    setError(null);
    setJob(null);
    try {
      setReport(
        await runJob(
          'enterprises.import',
          { fileName: file.name, contentBase64: await fileToBase64(file), encoding },
          setJob,
        ),
      );
      onImported();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Dialog open onClose={running ? undefined : onClose} maxWidth="md" fullWidth data-testid="enterprise-import-dialog">
      <DialogTitle>导入企业名录</DialogTitle>
      <DialogContent>
        {!report && (
          <Stack spacing={1.5}>
            <Typography variant="body2" color="text.secondary">
              选择省厅下发的企业名录（.xlsx 或
              .csv）。须有“单位名称”和“统一社会信用代码”两列，可有法定代表人、地址、行政区划代码、
              行业代码、经度、纬度、排污许可证编号、重点排污单位等列。每行逐项校验（信用代码校验位、区划代码、经纬度、行业代码），
              有误的行列出行号和原因，不影响其他行导入；已有的企业按统一社会信用代码更新，不会重复。
            </Typography>
            <input
              ref={input}
              type="file"
              accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              hidden
              data-testid="enterprise-import-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setError(null);
              }}
            />
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button
                variant="outlined"
                startIcon={<UploadFileIcon />}
                onClick={() => input.current?.click()}
                disabled={running}
              >
                {file ? file.name : '选择文件…'}
              </Button>
              <TextField
                select
                size="small"
                label="CSV文件编码"
                value={encoding}
                onChange={(e) => setEncoding(e.target.value as EncodingChoice)}
                disabled={running}
                sx={{ minWidth: 220 }}
              >
                {encodings.map((x) => (
                  <MenuItem key={x.value} value={x.value}>
                    {x.label}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            {running && (
              <>
                <JobProgress
                  view={job}
                  unit="行"
                  testId="enterprise-import-progress"
                  starting={`正在上传“${file?.name ?? ''}”…`}
                />
                <Typography variant="caption" color="text.secondary">
                  导入在后台进行，其间其他用户照常使用工作站；九万家约需十几秒。
                </Typography>
              </>
            )}
            {error && (
              <Alert severity="error" data-testid="enterprise-import-error">
                {error}
              </Alert>
            )}
          </Stack>
        )}
        {report && <ImportReport report={report} />}
      </DialogContent>
      <ImportActions
        done={Boolean(report)}
        running={running}
        ready={Boolean(file)}
        onStart={() => void run()}
        onClose={onClose}
        testId="enterprise-import"
      />
    </Dialog>
  );
}
