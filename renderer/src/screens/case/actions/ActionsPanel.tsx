/**
 * 可执行的操作: every action of this node as a button. A blocked action stays visible, disabled,
 * with the rules that block it and their articles written out beside it. Actions with a form open
 * it; the others ask for confirmation. The page then shows the CaseView the core returns.
 */
import { useState } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ActionView, CaseView } from '../../../../../common/schemas/cases';
import { send } from '../../../api/send';
import { ApiError, fieldErrorsOf, messageOf } from '../../../api/errors';
import { useNotifier } from '../../../app/notifier';
import { ActionItem } from './ActionItem';
import { ActionFormDialog } from './ActionFormDialog';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

interface Props {
  view: CaseView;
  onView(view: CaseView): void;
  onStale(): Promise<void>;
}

export interface Failure { message: string; fields: Record<string, string> }

export function ActionsPanel({ view, onView, onStale }: Props) {
  const notifier = useNotifier();
  const [active, setActive] = useState<ActionView | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const open = (a: ActionView): void => { setFailure(null); setActive(a); };
  const close = (): void => { if (!pending) setActive(null); };

  const run = async (action: ActionView, data: Record<string, unknown>): Promise<void> => {
    setPending(true);
    setFailure(null);
    try {
      const next = await send('cases.act', { caseId: view.state.id, action: action.id, data, expectedVersion: view.state.version });
      onView(next);
      setActive(null);
      notifier.success(`已完成：${action.name}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        setActive(null);
        notifier.error(e);
        await onStale();
      } else {
        setFailure({ message: messageOf(e), fields: fieldErrorsOf(e) });
      }
    } finally {
      setPending(false);
    }
  };

  if (view.actions.length === 0) {
    return <Typography variant="body2" color="text.secondary">案件已办结，没有可执行的操作。</Typography>;
  }
  return (
    <>
      <Stack spacing={1.5} data-testid="actions">
        {view.actions.map((a) => (
          <ActionItem key={a.id} action={a} pending={pending && active?.id === a.id} onClick={() => open(a)} />
        ))}
      </Stack>
      {active && active.form && (
        <ActionFormDialog
          action={active}
          view={view}
          pending={pending}
          failure={failure}
          onSubmit={(data) => void run(active, data)}
          onClose={close}
        />
      )}
      {active && !active.form && (
        <ConfirmDialog
          title={active.name}
          confirmLabel={`确认${active.name}`}
          pending={pending}
          onConfirm={() => void run(active, {})}
          onClose={close}
          testId="action-confirm"
        >
          <Typography variant="body2">确认执行“{active.name}”？此操作将记入案件全过程记录，不能撤回。</Typography>
          {failure && <Typography variant="body2" color="error" sx={{ mt: 1.5 }} data-testid="action-error">{failure.message}</Typography>}
        </ConfirmDialog>
      )}
    </>
  );
}
