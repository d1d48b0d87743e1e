/** Any action form without a hand-made layout: its fields drawn from the form's schema (schemaFields.ts). */
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { z } from 'zod';
import type { ActionFormUi, FieldsProps, FormValues } from './formTypes';
import { dataOf, fieldsOf, type FieldSpec } from './schemaFields';
import { servableDocuments, type Choice } from '../documents/fieldDefaults';

function Field({
  f,
  values,
  set,
  errors,
  disabled,
  first,
  documents,
}: { f: FieldSpec; first: boolean; documents: Choice[] } & Pick<
  FieldsProps,
  'values' | 'set' | 'errors' | 'disabled'
>) {
  const v = values[f.key];
  const error = errors[f.key];
  const testId = { 'data-testid': `form-${f.key}` };
  if (f.kind === 'boolean' || f.kind === 'mustConfirm') {
    return (
      <div>
        <FormControlLabel
          control={
            <Checkbox
              checked={v === true}
              disabled={disabled}
              onChange={(e) => set({ [f.key]: e.target.checked })}
              slotProps={{ input: testId as never }}
            />
          }
          label={f.label}
        />
        {error && <FormHelperText error>{error}</FormHelperText>}
      </div>
    );
  }
  const common = {
    label: f.label,
    value: typeof v === 'string' ? v : '',
    disabled,
    error: Boolean(error),
    helperText: error ?? ' ',
    onChange: (e: { target: { value: string } }) => set({ [f.key]: e.target.value }),
    autoFocus: first,
    fullWidth: true,
  };
  if (f.kind === 'document') {
    return (
      <TextField
        select
        {...common}
        helperText={error ?? (documents.length ? ' ' : '本案尚无已编号的文书可以送达')}
        slotProps={{ htmlInput: testId }}
      >
        {documents.map((d) => (
          <MenuItem key={d.value} value={d.value}>
            {d.label}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  if (f.kind === 'choice') {
    return (
      <TextField select {...common} slotProps={{ htmlInput: testId }}>
        {f.options.map((o) => (
          <MenuItem key={o} value={o}>
            {o}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  if (f.kind === 'date')
    return <TextField type="date" {...common} slotProps={{ inputLabel: { shrink: true }, htmlInput: testId }} />;
  if (f.kind === 'number')
    return <TextField {...common} slotProps={{ htmlInput: { ...testId, inputMode: 'decimal' } }} />;
  return (
    <TextField
      {...common}
      multiline={f.kind === 'longText'}
      minRows={f.kind === 'longText' ? 3 : undefined}
      slotProps={{ htmlInput: testId }}
    />
  );
}

export function genericForm(schema: z.ZodType): ActionFormUi {
  const fields = fieldsOf(schema);
  return {
    initial: (view) => {
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const out: FormValues = {};
      for (const f of fields) out[f.key] = f.kind === 'date' && !f.initial ? today : f.initial;
      if ('proposedFine' in out && view.state.report) out.proposedFine = String(view.state.report.proposedFine);
      if ('recipient' in out && !out.recipient) out.recipient = view.state.party.legalRepresentative;
      for (const f of fields) if (f.kind === 'document') out[f.key] = servableDocuments(view)[0]?.value ?? '';
      // 归档 records what the binding was (the guard checks they agree): its 保管期限 and number of volumes.
      if ('retention' in out && 'volumes' in out && view.state.dossier) {
        if (view.state.dossier.retention) out.retention = view.state.dossier.retention;
        out.volumes = String(view.state.dossier.volumes?.length ?? 1);
      }
      return out;
    },
    toData: (values) => dataOf(fields, values),
    // biome-ignore lint/correctness/noComponentHookFactories: built once per form at module load (ActionFormDialog's table), never during a render, so its identity is stable
    Fields: ({ values, set, errors, disabled, view }) => (
      <Stack spacing={1} sx={{ pt: 1 }}>
        {fields.map((f, i) => (
          <Field
            key={f.key}
            f={f}
            values={values}
            set={set}
            errors={errors}
            disabled={disabled}
            first={i === 0}
            documents={servableDocuments(view)}
          />
        ))}
      </Stack>
    ),
  };
}
