/**
 * report: 调查报告 — the facts found, the proposed fine inside the statutory band, the reasoning.
 * The band and the penalty article are those of the provision the case applies (法律适用, 从旧兼从轻),
 * else — when the act's date is unknown — those of the type chosen at 立案.
 */
import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import type { ActionFormUi, FieldsProps } from './formTypes';
import { str } from './formTypes';
import { bandRange, bandText } from '#renderer/util/fineBand';
import { formatYuan } from '#common/money';
import { parseYuan } from '#renderer/util/money';
import { reportProvision } from '../legalBasisText';
// the 裁量计算 dialog fills the fine and the 裁量理由; the base field serves every band kind that needs one.
import { useState } from 'react';
import Button from '@mui/material/Button';
import { bandBaseLabel } from '#common/fineBands';
import { DiscretionDialog } from '../discretion/DiscretionDialog';
import { mergeReasoning } from '../discretion/discretionForm';
import { fromReportDocument } from './reportFields';

const yuanAdornment = { endAdornment: <InputAdornment position="end">元</InputAdornment> };

function Fields({ values, set, errors, view, disabled }: FieldsProps) {
  const provision = reportProvision(view.state, view.legalBasis);
  const { band } = provision;
  const baseLabel = bandBaseLabel(band);
  const needsBase = baseLabel !== null;
  const [calculating, setCalculating] = useState(false);
  const range = bandRange(band, parseYuan(str(values.investment)));
  return (
    <Grid container spacing={2}>
      <Grid size={12}>
        <Alert severity="info" icon={false} data-testid="fine-band">
          处罚依据：{provision.citation}；法定幅度：{bandText(band)}
          {provision.aggravated && '（情节严重）'}
          {range && needsBase && `，即 ${formatYuan(range.min)} 至 ${formatYuan(range.max)}`}
          {provision.note && `（${provision.note}）`}
        </Alert>
      </Grid>
      <Grid size={12}>
        <TextField
          label="违法事实"
          required
          multiline
          minRows={4}
          autoFocus
          value={str(values.facts)}
          disabled={disabled}
          onChange={(e) => set({ facts: e.target.value })}
          error={Boolean(errors.facts)}
          helperText={errors.facts ?? ' '}
          slotProps={{ htmlInput: { 'data-testid': 'form-facts', maxLength: 5000 } }}
        />
      </Grid>
      {needsBase && (
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label={baseLabel}
            required={needsBase}
            value={str(values.investment)}
            disabled={disabled}
            inputMode="decimal"
            onChange={(e) => set({ investment: e.target.value })}
            error={Boolean(errors.investment)}
            helperText={errors.investment ?? '计算罚款幅度的基数'}
            slotProps={{
              input:
                band.kind === 'perUnit'
                  ? { endAdornment: <InputAdornment position="end">{band.unit}</InputAdornment> }
                  : yuanAdornment,
              htmlInput: { 'data-testid': 'form-investment' },
            }}
          />
        </Grid>
      )}
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField
          label="拟罚款金额"
          required
          value={str(values.proposedFine)}
          disabled={disabled}
          inputMode="decimal"
          onChange={(e) => set({ proposedFine: e.target.value })}
          error={Boolean(errors.proposedFine)}
          helperText={
            errors.proposedFine ?? (range ? `幅度 ${formatYuan(range.min)} 至 ${formatYuan(range.max)}` : ' ')
          }
          slotProps={{ input: yuanAdornment, htmlInput: { 'data-testid': 'form-fine' } }}
        />
      </Grid>
      <Grid size={12}>
        <Button
          type="button"
          variant="outlined"
          size="small"
          disabled={disabled}
          onClick={() => setCalculating(true)}
          data-testid="open-discretion"
        >
          裁量计算…
        </Button>
        {calculating && (
          <DiscretionDialog
            violationId={provision.typeId}
            violationName={provision.name}
            base={parseYuan(str(values.investment))}
            aggravated={provision.aggravated}
            onApply={(r) =>
              set({
                proposedFine: String(r.fine),
                reasoning: mergeReasoning(str(values.reasoning), r.explanation),
                // Kept with the report (as JSON in the form) so the 决定书 can print the calculation.
                discretion: JSON.stringify({
                  benchmarkVersion: r.benchmarkVersion,
                  violationId: r.violationId,
                  levels: Object.fromEntries(r.steps.map((x) => [x.factorId, x.levelId])),
                  base: parseYuan(str(values.investment)),
                  aggravated: r.aggravated,
                  fine: r.fine,
                  explanation: r.explanation,
                }),
              })
            }
            onClose={() => setCalculating(false)}
          />
        )}
      </Grid>
      <Grid size={12}>
        <TextField
          label="裁量理由"
          multiline
          minRows={3}
          value={str(values.reasoning)}
          disabled={disabled}
          onChange={(e) => set({ reasoning: e.target.value })}
          error={Boolean(errors.reasoning)}
          helperText={errors.reasoning ?? ' '}
          slotProps={{ htmlInput: { 'data-testid': 'form-reasoning', maxLength: 5000 } }}
        />
      </Grid>
      <Grid size={12}>
        {/* They route the case to 法制审核 (art. 58) and 集体讨论 (art. 57(2)) after the defence period. */}
        <FormControlLabel
          control={
            <Checkbox
              checked={values.major === true}
              disabled={disabled}
              onChange={(e) => set({ major: e.target.checked })}
            />
          }
          label="重大执法决定（须法制审核）"
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={values.complex === true}
              disabled={disabled}
              onChange={(e) => set({ complex: e.target.checked })}
            />
          }
          label="情节复杂或重大违法（须集体讨论）"
        />
      </Grid>
    </Grid>
  );
}

/** The amount the applied band is counted from, as recorded for 法律适用 (e.g. 建设项目总投资额), to start the form with. */
function recordedBase(view: FieldsProps['view']): string {
  const label = bandBaseLabel(reportProvision(view.state, view.legalBasis).band);
  const amount = label ? view.state.lawFigures?.amounts[label] : undefined;
  return amount === undefined ? '' : String(amount);
}

export const reportForm: ActionFormUi = {
  initial: (view) => {
    const r = view.state.report;
    return r
      ? {
          facts: r.facts,
          proposedFine: String(r.proposedFine),
          investment: r.investment === null ? '' : String(r.investment),
          reasoning: r.reasoning,
          major: false,
          complex: false,
        }
      : {
          // One entry for one fact: the 调查报告 document already generated says it (reportFields.ts).
          facts: view.state.summary,
          proposedFine: '',
          investment: recordedBase(view),
          reasoning: '',
          major: false,
          complex: false,
          ...fromReportDocument(view),
        };
  },
  toData: (v) => ({
    facts: str(v.facts).trim(),
    // NaN fails the schema's number check with a message; an empty box is "not filled".
    proposedFine: parseYuan(str(v.proposedFine)) ?? Number.NaN,
    investment: parseYuan(str(v.investment)),
    reasoning: str(v.reasoning).trim(),
    major: v.major === true,
    complex: v.complex === true,
    discretion: str(v.discretion) ? (JSON.parse(str(v.discretion)) as unknown) : null,
  }),
  Fields,
};
