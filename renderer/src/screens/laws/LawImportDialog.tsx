/**
 * 导入法律文本: choose statute files (.md, the format of 法律法规模版.md), import them one by one
 * (each a background job) with a progress bar and 取消 (the files not yet imported are left out),
 * then a report per file: added, updated, unchanged, skipped or failed (with
 * the line and the reason). A bad file changes nothing; the others are imported.
 */
import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { LawImportResult } from '#common/schemas/laws';
import { cancelJob, runJob } from '#renderer/api/jobs';
import { ConfirmDialog } from '#renderer/components/ConfirmDialog';
import { messageOf } from '#renderer/api/errors';
import { ImportActions } from '#renderer/components/ImportActions';

const maxBytes = 5 * 1024 * 1024;

const statusUi: Record<
  LawImportResult['status'],
  { label: string; color: 'success' | 'info' | 'default' | 'warning' | 'error' }
> = {
  added: { label: '已导入', color: 'success' },
  updated: { label: '已更新', color: 'info' },
  unchanged: { label: '无变化', color: 'default' },
  skipped: { label: '已跳过', color: 'warning' },
  failed: { label: '未导入', color: 'error' },
};

function failed(file: string, message: string): LawImportResult {
  return {
    file,
    status: 'failed',
    law: null,
    versionDate: null,
    articleCount: null,
    message,
    line: null,
    warnings: [],
    closed: null,
  };
}

async function importFile(f: File, onJob: (jobId: string) => void): Promise<LawImportResult> {
  if (f.size > maxBytes) return failed(f.name, '文件过大（不超过5MB）');
  try {
    const r = await runJob('laws.import', { files: [{ name: f.name, content: await f.text() }] }, (v) =>
      onJob(v.jobId),
    );
    return r.results[0] ?? failed(f.name, '没有结果');
  } catch (e) {
    // A single bad file fails the call; its reason is the message.
    return failed(f.name, messageOf(e).replace(`${f.name}：`, ''));
  }
}

export function LawImportDialog({ onClose, onImported }: { onClose(): void; onImported(): Promise<void> }) {
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [done, setDone] = useState(0);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<LawImportResult[] | null>(null);
  const [asking, setAsking] = useState(false);
  const stop = useRef<{ requested: boolean; jobId: string | null }>({ requested: false, jobId: null });

  const run = async (): Promise<void> => {
    setRunning(true);
    setDone(0);
    stop.current = { requested: false, jobId: null };
    const out: LawImportResult[] = [];
    for (const f of files) {
      if (stop.current.requested) {
        out.push(failed(f.name, '已取消，未导入'));
        continue;
      }
      out.push(
        await importFile(f, (jobId) => {
          stop.current.jobId = jobId;
        }),
      );
      setDone(out.length);
    }
    setResults(out);
    setRunning(false);
    await onImported();
  };

  /** 取消: the file being read is stopped (or, once it is being stored, finished); the others are not imported. */
  const cancel = async (): Promise<void> => {
    stop.current.requested = true;
    setAsking(false);
    if (stop.current.jobId) await cancelJob(stop.current.jobId).catch(() => undefined);
  };

  const count = (s: LawImportResult['status']): number => results?.filter((r) => r.status === s).length ?? 0;

  return (
    <Dialog open onClose={running ? undefined : onClose} maxWidth="md" fullWidth data-testid="law-import-dialog">
      <DialogTitle>导入法律文本</DialogTitle>
      <DialogContent>
        {!results && (
          <>
            <Typography variant="body2" color="text.secondary" gutterBottom>
              每个文件为一部法律的一个版本，格式见“法律法规模版.md”：第一行“# 法律名称”，其后为“YYYY年M月D日
              通过/修正/施行”各行和 “&lt;!-- INFO END
              --&gt;”，再后为条文。文件名可带版本日期，如“大气污染防治法(2018-10-26).md”。同一文件重复导入不会改变任何内容；
              新版本导入后，旧版本自动记为至新版本施行前一日有效。
            </Typography>
            <input
              ref={input}
              type="file"
              accept=".md,.markdown,text/markdown"
              multiple
              hidden
              data-testid="law-import-files"
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
            />
            <Button
              variant="outlined"
              startIcon={<UploadFileIcon />}
              onClick={() => input.current?.click()}
              disabled={running}
              sx={{ my: 1 }}
            >
              {files.length ? `已选择${files.length}个文件` : '选择 .md 文件…'}
            </Button>
            {running && (
              <>
                <LinearProgress
                  variant="determinate"
                  value={(done / Math.max(1, files.length)) * 100}
                  data-testid="law-import-progress"
                  sx={{ mt: 1 }}
                />
                <Typography variant="caption" color="text.secondary" data-testid="law-import-progress-text">
                  已处理 {done} / 共 {files.length} 个文件
                </Typography>
                <Button size="small" color="warning" onClick={() => setAsking(true)} data-testid="law-import-cancel">
                  取消导入
                </Button>
              </>
            )}
          </>
        )}
        {results && (
          <>
            <Alert severity={count('failed') ? 'warning' : 'success'} sx={{ mb: 1 }} data-testid="law-import-summary">
              导入{count('added')}个，更新{count('updated')}个，无变化{count('unchanged')}个，跳过{count('skipped')}
              个，未导入{count('failed')}个
            </Alert>
            <Table size="small" data-testid="law-import-report">
              <TableHead>
                <TableRow>
                  <TableCell>文件</TableCell>
                  <TableCell>结果</TableCell>
                  <TableCell>法律及版本</TableCell>
                  <TableCell>说明</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {results.map((r) => (
                  <TableRow key={r.file} data-status={r.status}>
                    <TableCell sx={{ wordBreak: 'break-all' }}>{r.file}</TableCell>
                    <TableCell>
                      <Chip size="small" label={statusUi[r.status].label} color={statusUi[r.status].color} />
                    </TableCell>
                    <TableCell>{r.law ? `${r.law} ${r.versionDate}版 ${r.articleCount}条` : '—'}</TableCell>
                    <TableCell>
                      {r.message && (
                        <Typography variant="body2" color={r.status === 'failed' ? 'error' : 'text.secondary'}>
                          {r.message}
                        </Typography>
                      )}
                      {r.closed && (
                        <Typography variant="body2" color="text.secondary">
                          原{r.closed.versionDate}版有效至{r.closed.effectiveTo}
                        </Typography>
                      )}
                      {r.warnings.map((w) => (
                        <Typography key={w} variant="body2" color="warning.main">
                          {w}
                        </Typography>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </DialogContent>
      <ImportActions
        done={Boolean(results)}
        running={running}
        ready={Boolean(files.length)}
        onStart={() => void run()}
        onClose={onClose}
        testId="law-import"
      />
      {asking && (
        <ConfirmDialog
          title="取消导入？"
          confirmLabel="取消导入"
          pending={false}
          onConfirm={() => void cancel()}
          onClose={() => setAsking(false)}
          testId="law-import-confirm"
        >
          <Typography variant="body2">
            正在读取的文件不再导入，其余尚未导入的文件也不导入；已导入的文件保留。
          </Typography>
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
