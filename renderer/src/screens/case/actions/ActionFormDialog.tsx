/**
 * The dialog for an action's form: fields from the form's UI module, checked with the same schema
 * the core uses, then cases.act. Approvals say plainly that they cannot be undone. What is typed is
 * a draft in the core (useDraft): closing the dialog keeps it, reopening restores it. The form's
 * checks (an overpayment, a date before the step it follows) are shown at the field before submit.
 */
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import type { ActionView, CaseView } from '#common/schemas/cases';
import { actionForms, type ActionFormName } from '#common/schemas/actions';
import type { ActionFormUi, Failure, FormValues } from './formTypes';
import { approvalForm } from './ApprovalFields';
import { reportForm } from './ReportFields';
import { defenceForm } from './DefenceFields';
import { paymentForm } from './PaymentFields';
import { isApproval } from './actionKinds';
import { genericForm } from './GenericFields';
import { actionDraftForm } from '#common/schemas/drafts';
import { actionFormProblems } from '#common/actionFormChecks';
import { useDraft } from '#renderer/hooks/useDraft';
import { DraftNotice, useCloseKeepingDraft } from '#renderer/components/DraftNotice';

/** Hand-made layouts for the common forms; every other form is drawn from its schema. */
const custom: Partial<Record<ActionFormName, ActionFormUi>> = {
  approval: approvalForm,
  report: reportForm,
  defence: defenceForm,
  payment: paymentForm,
};
const forms = Object.fromEntries(
  Object.entries(actionForms).map(([name, schema]) => [name, custom[name as ActionFormName] ?? genericForm(schema)]),
) as Record<ActionFormName, ActionFormUi>;

interface Props {
  action: ActionView;
  view: CaseView;
  /** `main` or the track the action belongs to (the draft is kept per action and track). */
  track: string;
  pending: boolean;
  failure: Failure | null;
  onSubmit(data: Record<string, unknown>): void;
  onClose(): void;
}

function isFormName(name: string): name is ActionFormName {
  return Object.hasOwn(forms, name);
}

export function ActionFormDialog({ action, view, track, pending, failure, onSubmit, onClose }: Props) {
  const formName = action.form && isFormName(action.form) ? action.form : null;
  const ui = formName ? forms[formName] : null;
  const [values, setValues] = useState<FormValues>(() => ui?.initial(view, action) ?? {});
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...(failure?.fields ?? {}), ...localErrors };
  const draft = useDraft(
    actionDraftForm(action.id, track),
    view.state.id,
    values,
    (saved) => setValues((v) => ({ ...v, ...saved })),
    { enabled: ui !== null },
  );
  const close = useCloseKeepingDraft(draft, onClose);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (pending || !ui || !formName) return;
    const data = ui.toData(values);
    const parsed = actionForms[formName].safeParse(data);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const k = String(issue.path[0] ?? '');
        next[k] ??= issue.code === 'invalid_type' ? '请填写有效的数字' : issue.message;
      }
      setLocalErrors(next);
      return;
    }
    const problems = actionFormProblems(
      formName,
      parsed.data as Record<string, unknown>,
      { ...view.state, surcharge: view.surcharge },
      track,
      (id) => view.actions.find((a) => a.id === id)?.name ?? null,
    );
    if (problems.length) {
      setLocalErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
      return;
    }
    setLocalErrors({});
    onSubmit(data);
  };

  const approval = isApproval(action);
  return (
    <Dialog open onClose={pending ? undefined : close} maxWidth="sm" fullWidth data-testid="action-dialog">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{action.name}</DialogTitle>
        {pending ? <LinearProgress /> : <div style={{ height: 4 }} />}
        <DialogContent dividers>
          {ui && <DraftNotice draft={draft} initial={() => ui.initial(view, action)} />}
          {!ui && <Alert severity="error">此操作需要的表单“{action.form}”本版本不支持，请升级案卷。</Alert>}
          {ui && (
            <ui.Fields
              values={values}
              set={(p) => {
                setValues((v) => ({ ...v, ...p }));
                setLocalErrors({});
              }}
              errors={errors}
              view={view}
              action={action}
              disabled={pending}
            />
          )}
          {approval && (
            <Alert severity="warning" sx={{ mt: 2 }}>
              {action.name}后将以您的名义记入案件全过程记录，不能撤回。请确认已审阅案卷材料。
            </Alert>
          )}
          {failure && (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="action-error">
              {failure.message}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 1.5 }}>
          <Button onClick={close} disabled={pending}>
            取消
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={approval ? 'success' : 'primary'}
            loading={pending}
            disabled={!ui}
            data-testid="action-submit"
          >
            {approval ? `确认${action.name}` : '提交'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
