/** One input field of a template: text, multi-line text, date or date-time. */
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { TemplateField } from '#common/schemas/documents';
import { nowLocalDateTime, todayIso } from '#renderer/util/dates';
import type { Choice } from './fieldDefaults';

interface Props {
  field: TemplateField;
  value: string;
  onChange(v: string): void;
  error?: string | undefined;
  disabled: boolean;
  autoFocus: boolean;
  /** A closed list to choose from (送达文书), when the field has one. */
  choices?: Choice[] | undefined;
}

export function TemplateFieldInput({ field, value, onChange, error, disabled, autoFocus, choices }: Props) {
  const common = {
    label: field.label,
    required: field.required,
    value,
    disabled,
    autoFocus,
    error: Boolean(error),
    helperText: error ?? ' ',
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  const testId = { 'data-testid': `field-${field.key}` };
  // Chosen, never typed: with nothing to choose the list stays empty and says why.
  if (choices) {
    const helperText = error ?? (choices.length ? ' ' : '本案尚无已编号的文书可以送达');
    return (
      <TextField {...common} helperText={helperText} select slotProps={{ htmlInput: testId }}>
        {choices.map((c) => (
          <MenuItem key={c.value} value={c.value}>
            {c.label}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  switch (field.input) {
    case 'multiline':
      return <TextField {...common} multiline minRows={4} slotProps={{ htmlInput: testId }} />;
    case 'date':
      return (
        <TextField
          {...common}
          type="date"
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { ...testId, max: todayIso() } }}
        />
      );
    case 'datetime':
      return (
        <TextField
          {...common}
          type="datetime-local"
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { ...testId, max: nowLocalDateTime() } }}
        />
      );
    default:
      return <TextField {...common} slotProps={{ htmlInput: testId }} />;
  }
}
