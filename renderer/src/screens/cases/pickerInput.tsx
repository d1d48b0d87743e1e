/** The text field of a required picker (当事人, 承办人): its label, its error or hint, and its test id. */
import type { AutocompleteRenderInputParams } from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';

export function requiredPickerInput(label: string, error: string | undefined, hint: string, testId: string) {
  return (params: AutocompleteRenderInputParams) => (
    <TextField
      {...params}
      label={label}
      required
      error={Boolean(error)}
      helperText={error ?? hint}
      slotProps={{
        ...params.slotProps,
        htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId },
      }}
    />
  );
}
