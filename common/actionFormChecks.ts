/**
 * The checks of common/formChecks.ts for one action's form, with the field names the form shows
 * (the schemas' Chinese descriptions). The core runs it in cases.act; the action dialog runs it
 * before submitting, so the clerk sees the message at the field and keeps what he typed.
 */
import { actionForms } from './schemas/actions.js';
import {
  type FieldProblem,
  formDateProblems,
  paymentProblems,
  type PaymentState,
  type PriorStep,
} from './formChecks.js';
import { stepDateProblems } from './formChecks.js';

type Shape = Record<string, { description?: string | undefined }>;
const shapeOf = (form: string): Shape =>
  (actionForms as unknown as Record<string, { shape?: Shape }>)[form]?.shape ?? {};

/** A field's name as a form shows it: from this form's schema, else from any form that has the key. */
export function fieldLabel(key: string, form?: string): string {
  const own = form ? shapeOf(form)[key]?.description : undefined;
  if (own) return own;
  for (const f of Object.keys(actionForms)) {
    const d = shapeOf(f)[key]?.description;
    if (d) return d;
  }
  return key === 'on' ? '日期' : key;
}

export function actionFormProblems(
  form: string | undefined,
  data: Record<string, unknown>,
  state: PaymentState & { steps: readonly PriorStep[] },
  track: string,
  stepName: (action: string) => string | null,
): FieldProblem[] {
  if (!form) return [];
  const label = (key: string): string => fieldLabel(key, form);
  const problems = [
    ...paymentProblems(form, data, state),
    ...formDateProblems(form, data, label),
    ...stepDateProblems(data, track, state.steps, label, stepName),
  ];
  // One message per field, the first found.
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.field) && seen.add(p.field));
}
