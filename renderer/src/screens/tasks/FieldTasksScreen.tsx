/**
 * 现场检查任务 (双随机) received from the province at sync: an officer sees the enterprises he was drawn
 * for, a head or reviewer the bureau's. 记录检查 records the inspection; 立案 (after a finding) opens the
 * 立案 dialog with the enterprise, the two officers and the findings filled in, and the case remembers
 * its task. Results go up at the next sync.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FieldAssignment } from '#common/schemas/fieldTasks';
import { inspectionResults } from '#common/sync/fieldTasks';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { useCanCall } from '#renderer/app/canCall';
import { useNotifier } from '#renderer/app/notifier';
import { hrefOf, navigate } from '#renderer/app/route';
import { LoadStatus } from '#renderer/components/LoadStatus';
import { useOp } from '#renderer/hooks/useOp';
import { OpenCaseDialog } from '../cases/OpenCaseDialog';
import type { OpenCaseDraft } from '../cases/openCaseDraft';
import { RecordInspectionDialog } from './RecordInspectionDialog';

const statusLabel = { open: '待检查', recorded: '已检查，待上报', done: '已完成' } as const;

export function FieldTasksScreen() {
  const can = useCanCall();
  const notifier = useNotifier();
  const list = useOp('fieldTasks.list', {});
  const [recording, setRecording] = useState<FieldAssignment | null>(null);
  const [opening, setOpening] = useState<{ a: FieldAssignment; prefill: Partial<OpenCaseDraft> } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = list.data ?? [];

  const startCase = async (a: FieldAssignment) => {
    setFailure(null);
    try {
      const page = await send('enterprises.get', { id: a.enterpriseId! });
      setOpening({
        a,
        prefill: {
          enterprise: page.enterprise,
          officerIds: a.officers.map((o) => o.officerId),
          discoveredOn: a.inspectedOn ?? undefined,
          source: '现场检查',
          summary: `${a.taskName}（双随机抽查）现场检查发现：${a.findings ?? ''}`,
        },
      });
    } catch (e) {
      setFailure(messageOf(e));
    }
  };

  return (
    <Stack spacing={2} data-testid="field-tasks-page">
      <Typography variant="h5">现场检查任务</Typography>
      <Typography variant="body2" color="text.secondary">
        省、市下达的双随机抽查任务，同步时收到；检查结果和据此立案的案件在下次同步时上报。
      </Typography>
      <LoadStatus loaded={list.data !== undefined} error={list.error} onRetry={list.reload} />
      {failure && <Alert severity="error">{failure}</Alert>}
      {list.data && rows.length === 0 && <Alert severity="info">暂无现场检查任务。</Alert>}
      {rows.length > 0 && (
        <Table size="small" aria-label="现场检查任务">
          <TableHead>
            <TableRow>
              <TableCell>任务</TableCell>
              <TableCell>检查期间</TableCell>
              <TableCell>被检查企业</TableCell>
              <TableCell>执法人员</TableCell>
              <TableCell>状态</TableCell>
              <TableCell>检查结果</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((a) => (
              <TableRow key={a.id} data-testid="field-task-row">
                <TableCell>
                  {a.taskName}
                  <Typography variant="caption" sx={{ display: 'block' }} color="text.secondary">
                    {a.issuedBy}下达
                  </Typography>
                </TableCell>
                <TableCell>
                  {a.periodFrom} 至 {a.periodTo}
                </TableCell>
                <TableCell>{a.enterpriseName}</TableCell>
                <TableCell>{a.officers.map((o) => o.name).join('、')}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={a.status === 'done' ? 'success' : 'default'}
                    label={statusLabel[a.status]}
                  />
                  {a.uploadError && (
                    <Typography variant="caption" color="error" sx={{ display: 'block' }}>
                      服务器未接受：{a.uploadError}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {a.result ? `${a.inspectedOn} ${inspectionResults[a.result]}` : ''}
                  {a.caseId && (
                    <Link sx={{ display: 'block' }} href={hrefOf({ name: 'case', caseId: a.caseId, tab: 'documents' })}>
                      {a.caseNumber}
                    </Link>
                  )}
                </TableCell>
                <TableCell align="right">
                  {!a.result && a.status !== 'done' && can('fieldTasks.record') && (
                    <Button size="small" onClick={() => setRecording(a)}>
                      记录检查
                    </Button>
                  )}
                  {a.result === 'issues' && !a.caseId && can('fieldTasks.openCase') && (
                    <Button
                      size="small"
                      variant="outlined"
                      disabled={!a.enterpriseId}
                      title={a.enterpriseId ? undefined : '本机企业名录中没有该企业，请先同步或导入企业名录'}
                      onClick={() => void startCase(a)}
                    >
                      立案
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {recording && (
        <RecordInspectionDialog
          assignment={recording}
          onClose={() => setRecording(null)}
          onRecorded={() => {
            setRecording(null);
            notifier.success('检查记录已保存，将在下次同步时上报');
            void list.reload();
          }}
        />
      )}
      {opening && (
        <OpenCaseDialog
          prefill={opening.prefill}
          open={(input) => send('fieldTasks.openCase', { ...input, assignmentId: opening.a.id })}
          onClose={() => setOpening(null)}
          onOpened={(view) => {
            setOpening(null);
            notifier.success(`已立案，案件编号：${view.state.number}`);
            navigate({ name: 'case', caseId: view.state.id, tab: 'documents' });
          }}
        />
      )}
    </Stack>
  );
}
