/**
 * 校验 / 导入电子档案包: choose a package exported on any workstation; 校验 reports every changed,
 * missing and extra file, a manifest or record that does not check out, by item; 导入 (审核人员,
 * 负责人, 管理员) verifies first and writes nothing unless everything checks, then opens the case.
 */
import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { maxPackageUploadBytes, type PackageImported, type PackageReport } from '#common/schemas/archivePackage';
import { send } from '#renderer/api/send';
import { ApiError, messageOf } from '#renderer/api/errors';
import { useCanCall } from '#renderer/app/canCall';
import { navigate } from '#renderer/app/route';
import { fileToBase64 } from '#renderer/util/binary';
import { PackageReportView } from './PackageReportView';

const reportOf = (e: unknown): PackageReport | null => {
  const details = e instanceof ApiError ? (e.details as { report?: PackageReport } | undefined) : undefined;
  return details?.report ?? null;
};

export function PackageDialog({ onClose }: { onClose(): void }) {
  const can = useCanCall();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState<'verify' | 'import' | null>(null);
  const [report, setReport] = useState<PackageReport | null>(null);
  const [imported, setImported] = useState<PackageImported | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (what: 'verify' | 'import'): Promise<void> => {
    if (!file) return;
    setError(null);
    setReport(null);
    setImported(null);
    if (file.size > maxPackageUploadBytes) {
      setError(
        `电子档案包过大（${(file.size / 1024 / 1024).toFixed(1)}MB，界面中不超过${maxPackageUploadBytes / 1024 / 1024}MB）：请用命令行按路径校验或导入（npm run anjuan -- dossier.${what}Package '{"path":"…"}'）`,
      );
      return;
    }
    setRunning(what);
    try {
      const source = { fileName: file.name, contentBase64: await fileToBase64(file) };
      if (what === 'verify') setReport(await send('dossier.verifyPackage', source));
      else setImported(await send('dossier.importPackage', source));
    } catch (e) {
      setReport(reportOf(e));
      setError(messageOf(e));
    } finally {
      setRunning(null);
    }
  };

  return (
    <Dialog open onClose={running ? undefined : onClose} maxWidth="md" fullWidth data-testid="package-dialog">
      <DialogTitle>校验 / 导入电子档案包</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            选择其他工作站导出的“案号-电子档案.zip”。校验逐项核对每个文件的数字摘要（SHA-256）、清单和全过程记录的哈希链；导入前先校验，全部通过才写入，导入后卷宗、文书和全过程记录与导出时一致。
          </Typography>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button
              variant="outlined"
              startIcon={<UploadFileIcon />}
              onClick={() => input.current?.click()}
              disabled={running !== null}
            >
              选择档案包
            </Button>
            <Typography variant="body2" data-testid="package-file-name">
              {file ? file.name : '未选择文件'}
            </Typography>
            <input
              ref={input}
              type="file"
              accept=".zip,application/zip"
              hidden
              data-testid="package-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReport(null);
                setImported(null);
                setError(null);
              }}
            />
          </Stack>
          {running && (
            <LinearProgress data-testid="package-running" aria-label={running === 'verify' ? '正在校验' : '正在导入'} />
          )}
          {error && (
            <Alert severity="error" data-testid="package-error">
              {error}
            </Alert>
          )}
          {imported && (
            <Alert
              severity={imported.changed ? 'success' : 'info'}
              data-testid="package-imported"
              action={
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    onClose();
                    navigate({ name: 'case', caseId: imported.caseId, tab: 'dossier' });
                  }}
                >
                  打开案件
                </Button>
              }
            >
              {imported.message}
            </Alert>
          )}
          {report && <PackageReportView report={report} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={running !== null}>
          关闭
        </Button>
        <Button onClick={() => void run('verify')} disabled={!file || running !== null} data-testid="package-verify">
          校验
        </Button>
        {can('dossier.importPackage') && (
          <Button
            variant="contained"
            onClick={() => void run('import')}
            disabled={!file || running !== null}
            data-testid="package-import"
          >
            导入
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
