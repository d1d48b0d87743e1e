/** defence: a statement (陈述申辩) by the party, or its written waiver. */
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import type { ActionFormUi, FieldsProps } from './formTypes';
import { str } from './formTypes';
import { todayIso } from '#renderer/util/dates';

function Fields({ values, set, errors, disabled }: FieldsProps) {
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField
          type="date"
          label="陈述申辩日期"
          required
          value={str(values.on)}
          disabled={disabled}
          autoFocus
          onChange={(e) => set({ on: e.target.value })}
          error={Boolean(errors.on)}
          helperText={errors.on ?? ' '}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: todayIso(), 'data-testid': 'form-on' } }}
        />
      </Grid>
      <Grid size={12}>
        <TextField
          label="陈述申辩内容"
          multiline
          minRows={4}
          value={str(values.text)}
          disabled={disabled}
          onChange={(e) => set({ text: e.target.value })}
          error={Boolean(errors.text)}
          helperText={errors.text ?? ' '}
          slotProps={{ htmlInput: { 'data-testid': 'form-text', maxLength: 5000 } }}
        />
      </Grid>
      <Grid size={12}>
        <FormControlLabel
          control={
            <Checkbox
              checked={values.newFacts === true}
              disabled={disabled}
              onChange={(e) => set({ newFacts: e.target.checked })}
            />
          }
          label="当事人提出了新的事实、理由或证据（须复核）"
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={values.waived === true}
              disabled={disabled}
              onChange={(e) => set({ waived: e.target.checked })}
            />
          }
          label="当事人书面放弃陈述申辩和听证权利"
        />
      </Grid>
    </Grid>
  );
}

export const defenceForm: ActionFormUi = {
  initial: () => ({ on: todayIso(), text: '', newFacts: false, waived: false }),
  toData: (v) => ({
    on: str(v.on),
    text: str(v.text).trim(),
    newFacts: v.newFacts === true,
    waived: v.waived === true,
  }),
  Fields,
};
