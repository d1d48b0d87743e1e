/**
 * The case page's 来源: the 现场检查任务 (双随机) a case was opened from — the task and who gave it, the
 * inspection's date, result and findings, and the 行业检查要点 ticked. Nothing when the case came otherwise.
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { inspectionResults } from '#common/sync/fieldTasks';
import { useCanCall } from '#renderer/app/canCall';
import { hrefOf } from '#renderer/app/route';
import { useOp } from '#renderer/hooks/useOp';

export function CaseFieldTask({ caseId }: { caseId: string }) {
  const can = useCanCall();
  const { data: a } = useOp('fieldTasks.forCase', can('fieldTasks.forCase') ? { caseId } : null);
  if (!a) return null;
  const ticks = a.checklistTicks;
  return (
    <Alert severity="info" icon={false} data-testid="case-field-task">
      <AlertTitle>
        来自现场检查任务：
        <Link href={hrefOf({ name: 'fieldTasks' })}>{a.taskName}</Link>（{a.issuedBy}下达，双随机抽查）
      </AlertTitle>
      <Typography variant="body2">
        {a.inspectedOn} 检查{a.enterpriseName}，{a.result ? inspectionResults[a.result] : '未记录结果'}；执法人员
        {a.officers.map((o) => o.name).join('、')}
      </Typography>
      {a.findings && <Typography variant="body2">检查情况：{a.findings}</Typography>}
      {ticks && (
        <Typography variant="body2">
          {ticks.name}检查要点（{ticks.version}版）已检查{ticks.items.filter((i) => i.checked).length}/
          {ticks.items.length}项
          {ticks.items.some((i) => i.checked) &&
            `：${ticks.items
              .filter((i) => i.checked)
              .map((i) => i.text)
              .join('；')}`}
        </Typography>
      )}
    </Alert>
  );
}
