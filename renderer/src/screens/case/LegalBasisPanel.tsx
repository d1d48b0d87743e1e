/**
 * 法律适用: the law the case rests on, from the date of its act (处罚法 art. 37, 法典 art. 1057) —
 * the provision of the act's day and of the decision's day with their bands (in yuan on the case's
 * figures where they can be worked out), the result in plain words and the sentence the 调查报告,
 * 告知书 and 决定书 print. When the data cannot decide, a small form asks for what is missing (the
 * amounts the bands are counted from, 情节严重, which new provision describes the act, the day a
 * continuing act ended) and records it with cases.recordLawFigures.
 */
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { CaseView } from '#common/schemas/cases';
import type { ProvisionView } from '#common/schemas/legalBasis';
import { ApiError } from '#renderer/api/errors';
import { send } from '#renderer/api/send';
import { useNotifier } from '#renderer/app/notifier';
import { useCanCall } from '#renderer/app/canCall';
import { Section } from '#renderer/components/Section';
import { todayIso } from '#renderer/util/dates';
import {
  amountLabels,
  figuresOf,
  formOf,
  provisionYuan,
  ruleSummary,
  sameProvision,
  type FiguresForm,
} from './legalBasisText';

interface Props {
  view: CaseView;
  onView(view: CaseView): void;
}

function Provision({ title, p, testId }: { title: string; p: ProvisionView; testId: string }) {
  const yuan = provisionYuan(p);
  return (
    <Box data-testid={testId}>
      <Typography variant="caption" color="text.secondary">
        {title}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {p.citation}
      </Typography>
      <Typography variant="body2">
        罚款：{p.bandText}
        {p.aggravated && '（情节严重的幅度）'}
      </Typography>
      {yuan && (
        <Typography variant="body2" color={p.yuan.ok ? 'text.primary' : 'warning.main'}>
          {yuan}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary" component="div">
        {p.typeName}
      </Typography>
    </Box>
  );
}

/** The form of figures, with what the clerk typed kept across a refusal. */
function FiguresFormView({ view, onView, onDone }: Props & { onDone(): void }) {
  const notifier = useNotifier();
  const basis = view.legalBasis!;
  const [form, setForm] = useState<FiguresForm>(() => formOf(view.state.lawFigures));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const labels = amountLabels(basis, view.state.lawFigures);
  const today = todayIso();

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (pending) return;
    const read = figuresOf(form);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const next = await send('cases.recordLawFigures', {
        caseId: view.state.id,
        figures: read.figures,
        expectedVersion: view.state.version,
      });
      onView(next);
      notifier.success('已记录，法律适用已按所填情况重新确定');
      onDone();
    } catch (err) {
      notifier.error(err);
      const field =
        err instanceof ApiError && err.details && typeof err.details === 'object' && 'field' in err.details
          ? String((err.details as { field: unknown }).field)
          : '';
      if (field) setErrors({ [field]: err instanceof Error ? err.message : '' });
    } finally {
      setPending(false);
    }
  };

  const setAmount = (label: string, text: string): void => {
    setForm((f) => ({ ...f, amounts: { ...f.amounts, [label]: text } }));
    setErrors((x) => ({ ...x, [`amount:${label}`]: '' }));
  };

  return (
    <Box component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate data-testid="legal-basis-form">
      <Stack spacing={1.5}>
        <Typography variant="body2" color="text.secondary">
          比较新旧规定的轻重所需的情况：
        </Typography>
        {labels.map((label) => (
          <TextField
            key={label}
            size="small"
            label={label}
            value={form.amounts[label] ?? ''}
            disabled={pending}
            inputMode="decimal"
            onChange={(e) => setAmount(label, e.target.value)}
            error={Boolean(errors[`amount:${label}`])}
            helperText={errors[`amount:${label}`] || undefined}
            slotProps={{
              input: /天数|次数|面积|长度/.test(label)
                ? undefined
                : { endAdornment: <InputAdornment position="end">元</InputAdornment> },
              htmlInput: { 'data-testid': `law-amount-${label}` },
            }}
          />
        ))}
        {basis.candidates.length > 0 && (
          <TextField
            select
            size="small"
            label="与本案违法行为相符的新条款"
            value={form.counterpartId}
            disabled={pending}
            onChange={(e) => {
              setForm((f) => ({ ...f, counterpartId: e.target.value }));
              setErrors((x) => ({ ...x, counterpartId: '' }));
            }}
            error={Boolean(errors.counterpartId)}
            helperText={errors.counterpartId || '原条款已由多个条款取代，请选择一项'}
            slotProps={{
              htmlInput: { 'data-testid': 'legal-basis-counterpart' },
              select: { MenuProps: { slotProps: { paper: { sx: { maxWidth: 520 } } } } },
            }}
          >
            <MenuItem value="">
              <em>请选择</em>
            </MenuItem>
            {basis.candidates.map((c) => (
              <MenuItem key={c.typeId} value={c.typeId} sx={{ whiteSpace: 'normal', display: 'block' }}>
                <Typography variant="body2">{c.typeName}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {c.citation}
                </Typography>
              </MenuItem>
            ))}
          </TextField>
        )}
        {view.state.continuing && (
          <TextField
            type="date"
            size="small"
            label="违法行为终了之日"
            value={form.actEndedOn}
            disabled={pending}
            onChange={(e) => {
              setForm((f) => ({ ...f, actEndedOn: e.target.value }));
              setErrors((x) => ({ ...x, actEndedOn: '' }));
            }}
            error={Boolean(errors.actEndedOn)}
            helperText={errors.actEndedOn || '违法行为仍在继续的，不填'}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: {
                'data-testid': 'legal-basis-ended-on',
                max: today,
                ...(view.state.violationOn ? { min: view.state.violationOn } : {}),
              },
            }}
          />
        )}
        <FormControlLabel
          data-testid="legal-basis-aggravated"
          control={
            <Checkbox
              checked={form.aggravated}
              disabled={pending}
              onChange={(e) => setForm((f) => ({ ...f, aggravated: e.target.checked }))}
            />
          }
          label="情节严重（适用条款规定的较重幅度）"
        />
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" size="small" loading={pending} data-testid="legal-basis-submit">
            记录并重新确定
          </Button>
          {basis.rule !== 'undecided' && (
            <Button type="button" size="small" disabled={pending} onClick={onDone}>
              取消
            </Button>
          )}
        </Stack>
      </Stack>
    </Box>
  );
}

export function LegalBasisPanel({ view, onView }: Props) {
  const can = useCanCall();
  const [editing, setEditing] = useState(false);
  const basis = view.legalBasis;

  if (!basis) {
    return (
      <Section title="法律适用" testId="legal-basis-panel">
        <Typography variant="body2" color="text.secondary" data-testid="legal-basis-unknown">
          未填写违法行为发生日期，无法确定适用的法律
        </Typography>
      </Section>
    );
  }

  const summary = ruleSummary(basis);
  const approved = Boolean(view.state.decision?.approvedOn);
  const mayRecord = !approved && !view.state.closedOn && can('cases.recordLawFigures');
  const showForm = mayRecord && (basis.rule === 'undecided' || editing);
  const same = sameProvision(basis);
  const decisionDay = approved
    ? `作出处罚决定时（${basis.decisionOn}）`
    : `作出处罚决定时（尚未决定，按今天${basis.decisionOn}）`;
  // The form's state starts from the recorded figures: a new record starts it afresh.
  const formKey = JSON.stringify(view.state.lawFigures ?? null);

  return (
    <Section
      title="法律适用"
      subtitle="从旧兼从轻"
      testId="legal-basis-panel"
      action={
        mayRecord && !showForm ? (
          <Button size="small" onClick={() => setEditing(true)} data-testid="legal-basis-edit">
            修改情况
          </Button>
        ) : undefined
      }
    >
      <Stack spacing={1.25}>
        <Box data-testid="legal-basis-act-date">
          <Typography variant="caption" color="text.secondary">
            违法行为发生日期
          </Typography>
          <Typography variant="body2">{basis.actOn}</Typography>
          <Typography variant="caption" color="text.secondary" component="div">
            {basis.actDateNote}
          </Typography>
        </Box>
        <Divider />
        {same && basis.atAct ? (
          <Provision title="违法行为发生时和作出处罚决定时施行的规定" p={basis.atAct} testId="legal-basis-at-act" />
        ) : (
          <>
            {basis.atAct && (
              <Provision title={`违法行为发生时（${basis.actOn}）`} p={basis.atAct} testId="legal-basis-at-act" />
            )}
            {basis.atDecision && (
              <Provision title={decisionDay} p={basis.atDecision} testId="legal-basis-at-decision" />
            )}
            {!basis.atDecision && basis.candidates.length > 0 && (
              <Box data-testid="legal-basis-candidates">
                <Typography variant="caption" color="text.secondary">
                  {decisionDay}：原条款已由以下条款取代
                </Typography>
                {basis.candidates.map((c) => (
                  <Typography key={c.typeId} variant="body2">
                    · {c.citation}（{c.typeName}）
                  </Typography>
                ))}
              </Box>
            )}
          </>
        )}
        {basis.mapping && !basis.mapping.verified && (
          <Typography variant="caption" color="warning.main">
            新旧条款的对应关系未经核实：{basis.mapping.note}
          </Typography>
        )}
        <Divider />
        <Alert severity={summary.severity} icon={false} data-testid="legal-basis-result" data-rule={basis.rule}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {summary.text}
          </Typography>
          {basis.applied && basis.rule !== 'undecided' && (
            <Typography variant="body2" data-testid="legal-basis-applied">
              适用：{basis.applied.citation}
            </Typography>
          )}
          {!basis.needsReview && basis.reason && (
            <Typography variant="caption" component="div">
              {basis.reason}
            </Typography>
          )}
        </Alert>
        {basis.needsReview && (
          <Alert severity="warning" data-testid="legal-basis-review">
            {basis.reason || '须由执法人员核对适用的法律'}
          </Alert>
        )}
        {basis.statement && (
          <Box data-testid="legal-basis-statement" sx={{ p: 1.25, bgcolor: 'action.hover', borderRadius: 1 }}>
            <Typography variant="caption" color="text.secondary" component="div">
              调查报告、告知书、决定书中的表述
            </Typography>
            <Typography variant="body2">{basis.statement}</Typography>
          </Box>
        )}
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {basis.basis.map((a) => (
            <Chip
              key={a}
              size="small"
              variant="outlined"
              label={a.replace(/^《中华人民共和国(.*)》/, '$1')}
              title={a}
            />
          ))}
        </Stack>
        {showForm && (
          <>
            <Divider />
            <FiguresFormView key={formKey} view={view} onView={onView} onDone={() => setEditing(false)} />
          </>
        )}
      </Stack>
    </Section>
  );
}
