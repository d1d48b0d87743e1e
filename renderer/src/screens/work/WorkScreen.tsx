/**
 * 我的工作: each role's own work first. A head lands on 待我审批, a reviewer on 待我审核, an officer on
 * 我的案件 with what is due; the other queues the user has are one tab away, and 立案 is here too.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { MyQueues } from '#common/schemas/queues';
import { useCanCall } from '#renderer/app/canCall';
import { hrefOf } from '#renderer/app/route';
import { useSession } from '#renderer/app/session';
import { useOp } from '#renderer/hooks/useOp';
import { NewCaseButton } from '../cases/NewCaseButton'; // 立案, Alt+N
import { OpenCaseAndGo } from '../cases/OpenCaseAndGo';
import { QueueTable } from './QueueTable';
import { primaryQueue, tabKey, tabLabel, type QueueTab } from '#renderer/app/queueLabels';
import { LoadStatus } from '#renderer/components/LoadStatus';

function tabsOf(data: MyQueues): Array<{ tab: QueueTab; total: number }> {
  const out: Array<{ tab: QueueTab; total: number }> = data.awaiting
    .filter((a) => a.role !== 'officer') // an officer's steps are in 我的案件, with the rest of his cases
    .map((a) => ({ tab: { kind: 'awaiting', role: a.role }, total: a.total }));
  if (data.mine) out.push({ tab: { kind: 'mine' }, total: data.mine.total });
  return out;
}

export function WorkScreen() {
  const { user } = useSession();
  const can = useCanCall();
  const [chosen, setChosen] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const { data, error, reload } = useOp('queues.mine', { offset: 0, limit: 100 });
  const first = primaryQueue(user.roles);
  const tabs = data ? tabsOf(data) : [];
  const current = chosen ?? (first ? tabKey(first) : ((tabs[0] && tabKey(tabs[0].tab)) ?? 'mine'));
  const shown = tabs.find((t) => tabKey(t.tab) === current) ?? tabs[0];
  const rows =
    data && shown
      ? shown.tab.kind === 'mine'
        ? (data.mine?.rows ?? [])
        : (data.awaiting.find((a) => shown.tab.kind === 'awaiting' && a.role === shown.tab.role)?.rows ?? [])
      : [];

  return (
    <Stack spacing={2} data-testid="work-screen">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          我的工作
        </Typography>
        <Button href={hrefOf({ name: 'cases' })} data-testid="all-cases">
          全部案件
        </Button>
        {can('cases.open') && <NewCaseButton onOpen={() => setOpening(true)} dialogOpen={opening} />}
      </Stack>
      <Paper>
        <LoadStatus loaded={!!data} error={error} onRetry={reload} />
        {data && tabs.length === 0 && <Alert severity="info">您的账号不办理案件，没有待办事项。</Alert>}
        {data && shown && (
          <>
            <Tabs value={tabKey(shown.tab)} onChange={(_, v: string) => setChosen(v)} sx={{ px: 1 }}>
              {tabs.map((t) => (
                <Tab
                  key={tabKey(t.tab)}
                  value={tabKey(t.tab)}
                  data-testid={`queue-tab-${tabKey(t.tab)}`}
                  label={
                    <Badge color="primary" badgeContent={t.total} max={999} showZero sx={{ pr: 1.5 }}>
                      {tabLabel(t.tab)}
                    </Badge>
                  }
                />
              ))}
            </Tabs>
            <Box sx={{ p: 1 }} data-testid="queue-current" data-queue={tabKey(shown.tab)}>
              {rows.length === 0 ? (
                <Alert severity="success">{tabLabel(shown.tab)}：暂无案件。</Alert>
              ) : (
                <QueueTable rows={rows} testId={`queue-${tabKey(shown.tab)}`} />
              )}
              {shown.total > rows.length && (
                <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
                  共 {shown.total} 件，显示最近办理的 {rows.length} 件；其余请在“全部案件”中检索。
                </Typography>
              )}
            </Box>
          </>
        )}
      </Paper>
      {opening && <OpenCaseAndGo onClose={() => setOpening(false)} />}
    </Stack>
  );
}
