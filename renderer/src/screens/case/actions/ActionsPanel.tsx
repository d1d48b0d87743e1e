/**
 * 可执行的操作: every action of this node as a button. A blocked action stays visible, disabled,
 * with the rules that block it and their articles written out beside it. Actions with a form open
 * it; the others ask for confirmation. The page then shows the CaseView the core returns.
 */
import { useEffect, useState } from 'react';
import { actionDraftForm } from '#common/schemas/drafts';
import { takeDraftForm } from '#renderer/app/pendingForm';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ActionView, CaseView } from '#common/schemas/cases';
import { send } from '#renderer/api/send';
import { ApiError, fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';
import { ActionItem } from './ActionItem';
import { ActionFormDialog } from './ActionFormDialog';
import { ConfirmDialog } from '#renderer/components/ConfirmDialog';
import { OverrideDialog } from './OverrideDialog';
import { useSession } from '#renderer/app/session';
import { useCanCall } from '#renderer/app/canCall';
import { mayEverAct, othersDo } from './mayEverDo';
import type { Failure } from './formTypes';

interface Props {
  view: CaseView;
  /** The actions to show: the main procedure's by default, or one track's. */
  actions?: ActionView[];
  /** `main` or the track the actions belong to. */
  track?: string;
  onView(view: CaseView): void;
  onStale(): Promise<void>;
}

type Reason = { rule: string; message: string; citation: string };
/** The rules the core refused the action for, when it refused it for its guards. */
const guardReasons = (e: unknown): Reason[] | null =>
  e instanceof ApiError && e.code === 'GUARD_FAILED' && Array.isArray(e.details) && e.details.length > 0
    ? (e.details as Reason[])
    : null;

export function ActionsPanel({ view, actions: all = view.actions, track = 'main', onView, onStale }: Props) {
  const notifier = useNotifier();
  const { user } = useSession();
  const can = useCanCall();
  // A button this user can never press is not shown; one he may press later stays, disabled with why.
  const actions = can('cases.act') ? all.filter((a) => mayEverAct(a, user.roles)) : [];
  const hidden = all.filter((a) => !actions.includes(a));
  // The core says whether this user may go on past a failed legality review (only such rules block it,
  // the procedure allows it, his role may): the button then stays pressable and the refusal asks why.
  const mayOverride = (a: ActionView): boolean => !a.allowed && a.overridable;
  const [active, setActive] = useState<ActionView | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [override, setOverride] = useState<{
    action: ActionView;
    data: Record<string, unknown>;
    rules: Reason[];
    error: string | null;
  } | null>(null);

  const open = (a: ActionView): void => {
    setFailure(null);
    setActive(a);
  };
  const close = (): void => {
    if (!pending) setActive(null);
  };
  // 我的草稿 → 打开: the action whose form holds the draft opens here, if it may be done now.
  useEffect(() => {
    const a = actions.find((x) => x.form && x.allowed && takeDraftForm(view.state.id, actionDraftForm(x.id, track)));
    if (a) open(a);
  });

  const run = async (action: ActionView, data: Record<string, unknown>, overrideReason?: string): Promise<void> => {
    setPending(true);
    setFailure(null);
    try {
      const next = await send('cases.act', {
        caseId: view.state.id,
        action: action.id,
        track,
        data,
        expectedVersion: view.state.version,
        ...(overrideReason ? { overrideReason } : {}),
      });
      onView(next);
      setActive(null);
      setOverride(null);
      notifier.success(`已完成：${action.name}`);
    } catch (e) {
      const rules = guardReasons(e);
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        setActive(null);
        setOverride(null);
        notifier.error(e);
        await onStale();
      } else if (overrideReason) {
        setOverride((o) => (o ? { ...o, error: messageOf(e) } : o));
      } else if (rules && mayOverride(action)) {
        setActive(null);
        setOverride({ action, data, rules, error: null });
      } else {
        setFailure({ message: messageOf(e), fields: fieldErrorsOf(e) });
      }
    } finally {
      setPending(false);
    }
  };

  if (all.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {track === 'main' ? '案件已办结，没有可执行的操作。' : '本程序已办结。'}
      </Typography>
    );
  }
  const othersNote = hidden.length > 0 && (
    <Typography variant="body2" color="text.secondary" data-testid={`others-do-${track}`}>
      {othersDo(hidden)}
    </Typography>
  );
  if (actions.length === 0) return othersNote;
  return (
    <>
      <Stack spacing={1.5} data-testid={track === 'main' ? 'actions' : `actions-${track}`}>
        {actions.map((a) => (
          <ActionItem
            key={a.id}
            action={a}
            pending={pending && active?.id === a.id}
            mayOverride={mayOverride(a)}
            onClick={() => open(a)}
          />
        ))}
        {othersNote}
      </Stack>
      {active?.form && (
        <ActionFormDialog
          action={active}
          view={view}
          track={track}
          pending={pending}
          failure={failure}
          onSubmit={(data) => void run(active, data)}
          onClose={close}
        />
      )}
      {override && (
        <OverrideDialog
          actionName={override.action.name}
          rules={override.rules}
          pending={pending}
          error={override.error}
          onConfirm={(reason) => void run(override.action, override.data, reason)}
          onClose={() => {
            if (!pending) setOverride(null);
          }}
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
          {failure && (
            <Typography variant="body2" color="error" sx={{ mt: 1.5 }} data-testid="action-error">
              {failure.message}
            </Typography>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
