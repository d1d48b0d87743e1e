/**
 * 导出电子档案包: the last binding's volumes, every document's DOCX and PDF, the evidence files, the
 * case's full record and a manifest with each file's SHA-256 and archival metadata, as one zip saved
 * as `<案号>-电子档案.zip`. A background job: its stage and 已处理 n / 共 m 个文件 show while it runs.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArchiveOutlinedIcon from '@mui/icons-material/ArchiveOutlined';
import type { JobView } from '#common/schemas/jobs';
import { runJob } from '#renderer/api/jobs';
import { readFile } from '#renderer/api/files';
import { messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';
import { progressText } from '#renderer/components/jobProgressText';
import { downloadBlob } from '#renderer/util/binary';

export function ExportPackage({ caseId }: { caseId: string }) {
  const notifier = useNotifier();
  const [job, setJob] = useState<JobView | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (): Promise<void> => {
    setRunning(true);
    setError(null);
    setJob(null);
    try {
      const out = await runJob('dossier.exportPackage', { caseId }, setJob);
      downloadBlob(await readFile({ hash: out.hash, caseId }), out.fileName);
      notifier.success(`已导出电子档案包“${out.fileName}”：${out.items}个文件（含${out.events}条全过程记录）`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setRunning(false);
    }
  };

  const total = job?.progress.total ?? null;
  return (
    <Stack spacing={1} data-testid="package-export">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button
          variant="outlined"
          startIcon={<ArchiveOutlinedIcon />}
          loading={running}
          onClick={() => void run()}
          data-testid="package-export-start"
        >
          导出电子档案包
        </Button>
        <Typography variant="body2" color="text.secondary">
          卷宗PDF、文书原件、证据原件和全过程记录，附每个文件的数字摘要，可在其他工作站校验和导入。
        </Typography>
      </Stack>
      {running && (
        <Stack spacing={0.5}>
          <LinearProgress
            variant={total ? 'determinate' : 'indeterminate'}
            value={job && total ? Math.min(100, (job.progress.done / total) * 100) : 0}
            data-testid="package-export-bar"
          />
          <Typography variant="caption" color="text.secondary" data-testid="package-export-text">
            {job ? progressText(job, '个文件') : '正在准备…'}
          </Typography>
        </Stack>
      )}
      {error && (
        <Alert severity="error" data-testid="package-export-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
