/** What each action form (common/schemas/actions.ts) needs from the UI. */
import type { ComponentType } from 'react';
import type { ActionView, CaseView } from '#common/schemas/cases';

export type FormValues = Record<string, string | boolean>;

export interface FieldsProps {
  values: FormValues;
  set(patch: FormValues): void;
  errors: Record<string, string>;
  view: CaseView;
  action: ActionView;
  disabled: boolean;
}

export interface ActionFormUi {
  initial(view: CaseView, action: ActionView): FormValues;
  /** The `data` of cases.act, typed as the form's schema expects (numbers, booleans, null). */
  toData(values: FormValues): Record<string, unknown>;
  Fields: ComponentType<FieldsProps>;
}

/** Why the core refused a submitted action: its message, and the fields it names with what is wrong in each. */
export interface Failure {
  message: string;
  fields: Record<string, string>;
}

export const str = (v: string | boolean | undefined): string => (typeof v === 'string' ? v : '');
