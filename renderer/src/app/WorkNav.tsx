/**
 * The navigation's work buttons with their counts (one queues.counts call, asked again on every
 * change of screen): the user's first queue (待我审批 / 待我审核 / 我的案件) and 到期提醒, whose
 * badge counts the bureau's own deadlines needing attention — a party's period is not the bureau's task.
 */
import Badge from '@mui/material/Badge';
import Button from '@mui/material/Button';
import AlarmIcon from '@mui/icons-material/Alarm';
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import type { QueueCounts } from '#common/schemas/queues';
import { useOp } from '#renderer/hooks/useOp';
import { primaryQueue, tabLabel, type QueueTab } from '#renderer/screens/work/queueLabels';
import { hrefOf, useRoute } from './route';
import { useSession } from './session';

function countOf(c: QueueCounts | undefined, tab: QueueTab): number {
  if (!c) return 0;
  return tab.kind === 'mine' ? (c.mine ?? 0) : (c.awaiting.find((a) => a.role === tab.role)?.total ?? 0);
}

export function WorkNav() {
  const { user } = useSession();
  const route = useRoute();
  const { data } = useOp('queues.counts', {}, { refresh: route });
  const first = primaryQueue(user.roles);
  const badge = { '& .MuiBadge-badge': { fontSize: 12, right: -6 } };
  return (
    <>
      {first && (
        <Button data-testid="nav-work" color="inherit" size="small" href={hrefOf({ name: 'work' })}>
          <AssignmentIndOutlinedIcon fontSize="small" sx={{ mr: 0.5 }} />
          <Badge
            data-testid="nav-work-count"
            color="secondary"
            badgeContent={countOf(data, first)}
            max={999}
            sx={badge}
          >
            {tabLabel(first)}
          </Badge>
        </Button>
      )}
      <Button data-testid="nav-deadlines" color="inherit" size="small" href={hrefOf({ name: 'deadlines' })}>
        <AlarmIcon fontSize="small" sx={{ mr: 0.5 }} />
        <Badge
          data-testid="nav-deadlines-count"
          color="error"
          badgeContent={data?.deadlines.bureau ?? 0}
          max={999}
          sx={badge}
        >
          到期提醒
        </Badge>
      </Button>
    </>
  );
}
