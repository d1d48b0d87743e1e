/**
 * A one-line settings form: a text field and its buttons in a row. Typing clears the last error,
 * so a message never stands under a value it no longer describes.
 */
import type { FormEvent, ReactNode } from 'react';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (e: FormEvent) => void;
  /** The error of the last save; when empty the hint stands under the field. */
  error: string;
  hint: string;
  disabled: boolean;
  testId: string;
  /** A fixed width in px; without it the field takes the row. */
  width?: number;
  inputMode?: 'numeric';
  children: ReactNode;
}

export function InlineSettingForm(props: Props) {
  const { label, value, onChange, onSubmit, error, hint, disabled, testId, width, inputMode, children } = props;
  return (
    <Stack
      component="form"
      direction="row"
      spacing={1}
      sx={{ alignItems: 'flex-start' }}
      onSubmit={onSubmit}
      noValidate
    >
      <TextField
        size="small"
        label={label}
        value={value}
        disabled={disabled}
        fullWidth={width === undefined}
        onChange={(e) => onChange(e.target.value)}
        error={Boolean(error)}
        helperText={error || hint}
        sx={width === undefined ? undefined : { width }}
        slotProps={{ htmlInput: { 'data-testid': testId, ...(inputMode ? { inputMode } : {}) } }}
      />
      {children}
    </Stack>
  );
}
