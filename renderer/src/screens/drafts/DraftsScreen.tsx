/**
 * 我的草稿: every form this user typed into and has not submitted (drafts.list), newest first — the
 * case, the form, when it was saved. 打开 goes to the form on its case, which restores the draft;
 * 丢弃 deletes it once confirmed (a draft is only ever lost by an explicit act).
 */
import { useState } from 'react';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { DraftSummary } from '#common/schemas/drafts';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';
import { openDraftForm } from '#renderer/app/pendingForm';
import { hrefOf } from '#renderer/app/route';
import { ConfirmDialog } from '#renderer/components/ConfirmDialog';
import { LoadStatus } from '#renderer/components/LoadStatus';
import { useOp } from '#renderer/hooks/useOp';
import { formatInstant } from '#renderer/util/dates';

const caseLabel = (d: DraftSummary): string =>
  d.caseId === null ? '（尚未立案）' : [d.caseNumber ?? '（未编号）', d.partyName].filter(Boolean).join(' ');

export function DraftsScreen() {
  const notifier = useNotifier();
  const { data, error, reload } = useOp('drafts.list', {});
  const [discarding, setDiscarding] = useState<DraftSummary | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = data ?? [];

  const discard = async (d: DraftSummary): Promise<void> => {
    setPending(true);
    setFailure(null);
    try {
      await send('drafts.discard', { caseId: d.caseId, form: d.form });
      setDiscarding(null);
      notifier.success(`已丢弃草稿：${d.formName}`);
      await reload();
    } catch (e) {
      // The dialog stays open with the reason; the draft is still there.
      setFailure(messageOf(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack spacing={2} data-testid="drafts-screen">
      <Typography variant="h5" component="h1">
        我的草稿
      </Typography>
      <Typography variant="body2" color="text.secondary">
        填写到一半、尚未提交的表单都自动保存为草稿，只有本人可见。打开即回到该表单，已填内容仍在。
      </Typography>
      <LoadStatus loaded={data !== undefined} error={error} onRetry={reload} />
      {data && rows.length === 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="drafts-empty">
          没有未提交的草稿。
        </Typography>
      )}
      {rows.length > 0 && (
        <Paper>
          <Table size="small" data-testid="drafts-table">
            <TableHead>
              <TableRow>
                <TableCell>案件</TableCell>
                <TableCell>表单</TableCell>
                <TableCell>保存时间</TableCell>
                <TableCell align="right">操作</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((d) => (
                <TableRow key={`${d.caseId ?? ''}:${d.form}`} data-testid="drafts-row" data-form={d.form}>
                  <TableCell>
                    {d.caseId ? (
                      <a href={hrefOf({ name: 'case', caseId: d.caseId, tab: 'documents' })}>{caseLabel(d)}</a>
                    ) : (
                      caseLabel(d)
                    )}
                  </TableCell>
                  <TableCell>{d.formName}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatInstant(d.savedAt)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" data-testid="drafts-open" onClick={() => openDraftForm(d.caseId, d.form)}>
                      打开
                    </Button>
                    <Button
                      size="small"
                      color="error"
                      data-testid="drafts-discard"
                      onClick={() => {
                        setFailure(null);
                        setDiscarding(d);
                      }}
                    >
                      丢弃
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {discarding && (
        <ConfirmDialog
          title="丢弃草稿"
          confirmLabel="丢弃"
          pending={pending}
          onConfirm={() => void discard(discarding)}
          onClose={() => setDiscarding(null)}
          testId="drafts-discard-confirm"
        >
          <Typography variant="body2">
            将丢弃“{caseLabel(discarding)}”的“{discarding.formName}”草稿（{formatInstant(discarding.savedAt)}
            保存），已填写的内容不能恢复。
          </Typography>
          {failure && (
            <Typography variant="body2" color="error" sx={{ mt: 1 }} role="alert">
              {failure}
            </Typography>
          )}
        </ConfirmDialog>
      )}
    </Stack>
  );
}
