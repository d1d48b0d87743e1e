/** payment: 登记缴款 — amount, date and the bank's receipt number. */
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { CaseView } from '#common/schemas/cases';
import type { ActionFormUi, FieldsProps } from './formTypes';
import { str } from './formTypes';
import { todayIso } from '#renderer/util/dates';
import { formatYuan } from '#common/money';
import { parseYuan } from '#renderer/util/money';

function outstanding(view: CaseView): { fine: number; paid: number } {
  const fine = view.state.decision?.fine ?? 0;
  const paid = view.state.payments.reduce((s, p) => s + p.amount, 0);
  return { fine, paid };
}

function Fields({ values, set, errors, view, disabled }: FieldsProps) {
  const { fine, paid } = outstanding(view);
  return (
    <Grid container spacing={2}>
      <Grid size={12}>
        <Typography variant="body2" color="text.secondary">
          罚款 {formatYuan(fine)}，已缴 {formatYuan(paid)}，尚欠 {formatYuan(Math.max(0, fine - paid))}
        </Typography>
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField
          label="缴款金额"
          required
          value={str(values.amount)}
          disabled={disabled}
          autoFocus
          inputMode="decimal"
          onChange={(e) => set({ amount: e.target.value })}
          error={Boolean(errors.amount)}
          helperText={errors.amount ?? ' '}
          slotProps={{
            input: { endAdornment: <InputAdornment position="end">元</InputAdornment> },
            htmlInput: { 'data-testid': 'form-amount' },
          }}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField
          type="date"
          label="缴款日期"
          required
          value={str(values.paidOn)}
          disabled={disabled}
          onChange={(e) => set({ paidOn: e.target.value })}
          error={Boolean(errors.paidOn)}
          helperText={errors.paidOn ?? ' '}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: todayIso(), 'data-testid': 'form-paid-on' } }}
        />
      </Grid>
      <Grid size={12}>
        <TextField
          label="缴款凭证号"
          required
          value={str(values.receiptNo)}
          disabled={disabled}
          onChange={(e) => set({ receiptNo: e.target.value })}
          error={Boolean(errors.receiptNo)}
          helperText={errors.receiptNo ?? ' '}
          slotProps={{ htmlInput: { 'data-testid': 'form-receipt-no', maxLength: 100 } }}
        />
      </Grid>
    </Grid>
  );
}

export const paymentForm: ActionFormUi = {
  initial: (view) => {
    const { fine, paid } = outstanding(view);
    return { amount: fine > paid ? String(fine - paid) : '', paidOn: todayIso(), receiptNo: '' };
  },
  toData: (v) => ({
    amount: parseYuan(str(v.amount)) ?? Number.NaN,
    paidOn: str(v.paidOn),
    receiptNo: str(v.receiptNo).trim(),
  }),
  Fields,
};
