/**
 * Password inputs: one field, and the new-password pair (password and its confirmation) that
 * shows the policy, or what the typed password still breaks, under the first field.
 */
import TextField from '@mui/material/TextField';
import { passwordPolicyText } from '#common/passwordPolicy';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  testId: string;
  error?: boolean;
  helperText?: string;
  autoFocus?: boolean;
}

export function PasswordField({
  label,
  value,
  onChange,
  autoComplete,
  testId,
  error,
  helperText,
  autoFocus,
}: FieldProps) {
  return (
    <TextField
      label={label}
      type="password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete={autoComplete}
      autoFocus={autoFocus}
      error={error}
      helperText={helperText}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
    />
  );
}

interface PairProps {
  labels: [password: string, confirm: string];
  testIds: [password: string, confirm: string];
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  /** What the new password still breaks (passwordProblems), shown as the user types. */
  problems: string[];
  /** Errors of the last submit, by field. */
  errors: { password?: string; confirm?: string };
}

export function NewPasswordFields({
  labels,
  testIds,
  password,
  confirm,
  onPassword,
  onConfirm,
  problems,
  errors,
}: PairProps) {
  return (
    <>
      <PasswordField
        label={labels[0]}
        value={password}
        onChange={onPassword}
        autoComplete="new-password"
        testId={testIds[0]}
        error={Boolean(errors.password) || problems.length > 0}
        helperText={errors.password ?? (problems.length ? problems.join('；') : passwordPolicyText)}
      />
      <PasswordField
        label={labels[1]}
        value={confirm}
        onChange={onConfirm}
        autoComplete="new-password"
        testId={testIds[1]}
        error={Boolean(errors.confirm)}
        helperText={errors.confirm}
      />
    </>
  );
}
