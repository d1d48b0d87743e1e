/**
 * A running import: its stage, a progress bar with 已处理 n / 共 m 行 (no total yet while a workbook is
 * read as a stream), and 取消 — asked once more, since what was written is then undone.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { JobView } from '#common/schemas/jobs';
import { cancelJob } from '../api/jobs';
import { messageOf } from '../api/errors';
import { ConfirmDialog } from './ConfirmDialog';
import { progressText } from './jobProgressText';

interface Props {
  view: JobView | null;
  /** What is counted: 行, 个文件. */
  unit: string;
  testId: string;
  /** Shown before the core has reported anything. */
  starting?: string;
}

export function JobProgress({ view, unit, testId, starting }: Props) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const total = view?.progress.total ?? null;
  const value = view && total ? Math.min(100, (view.progress.done / total) * 100) : 0;

  const cancel = async (): Promise<void> => {
    if (!view) return;
    setPending(true);
    try {
      await cancelJob(view.jobId);
      setAsking(false);
    } catch (e) {
      setError(messageOf(e));
      setAsking(false);
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack spacing={0.5} data-testid={testId}>
      <LinearProgress variant={total ? 'determinate' : 'indeterminate'} value={value} data-testid={`${testId}-bar`} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="caption" color="text.secondary" data-testid={`${testId}-text`}>
          {view ? progressText(view, unit) : (starting ?? '正在提交…')}
          {view?.cancelRequested ? '（正在取消，撤销已写入的数据…）' : ''}
        </Typography>
        <Button
          size="small"
          color="warning"
          onClick={() => setAsking(true)}
          disabled={!view?.cancellable || view.cancelRequested}
          data-testid={`${testId}-cancel`}
        >
          取消导入
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {asking && (
        <ConfirmDialog
          title="取消导入？"
          confirmLabel="取消导入"
          pending={pending}
          onConfirm={() => void cancel()}
          onClose={() => setAsking(false)}
          testId={`${testId}-confirm`}
        >
          <Typography variant="body2">已写入的数据将全部撤销，恢复到导入开始前的状态。</Typography>
        </ConfirmDialog>
      )}
    </Stack>
  );
}
