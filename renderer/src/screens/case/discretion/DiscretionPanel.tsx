/**
 * 裁量计算: the officer chooses a level for each discretion factor of the case's violation type; the
 * core calculates the fine inside the statutory band and explains each step; "填入调查报告" copies
 * the amount and the explanation into the report form.
 */
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { OpInput, OpOutput } from '#common/operations';
import { useDebounced } from '#renderer/hooks/useDebounced';
import { useOp } from '#renderer/hooks/useOp';
import { formatYuan } from '#common/money';
import { calculateRequest, factorsOf, missingFactors, type Factor } from './discretionForm';

export type Calculation = OpOutput<'discretion.calculate'>;

interface Props {
  violationId: string;
  /** The amount the band is counted from, as typed in the report form (investment, illegal income, days). */
  base: number | null;
  /** Start with the heavier band (the case is 情节严重 in its 法律适用). */
  aggravated?: boolean;
  onApply(result: Calculation): void;
}

function FactorSelect({ factor, value, onChange }: { factor: Factor; value: string; onChange(v: string): void }) {
  const evidence = factor.evidence.map((e) => e.name).join('、');
  return (
    <TextField
      select
      fullWidth
      size="small"
      label={`${factor.name}（权重${factor.weight}）`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      helperText={evidence ? `裁量证据：${evidence}` : ' '}
      slotProps={{ htmlInput: { 'data-testid': `factor-${factor.id}` } }}
    >
      <MenuItem value="">
        <em>请选择</em>
      </MenuItem>
      {factor.levels.map((l) => (
        <MenuItem key={l.id} value={l.id} data-testid={`level-${factor.id}-${l.id}`}>
          {l.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

function Steps({ result }: { result: Calculation }) {
  return (
    <Table size="small" data-testid="discretion-steps">
      <TableHead>
        <TableRow>
          <TableCell>裁量因子</TableCell>
          <TableCell>等级</TableCell>
          <TableCell align="right">权重</TableCell>
          <TableCell align="right">加权分值</TableCell>
          {result.model === 'weightedMax' && <TableCell align="right">折合金额</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {result.steps.map((s) => (
          <TableRow key={s.factorId}>
            <TableCell>{s.factor}</TableCell>
            <TableCell>{s.level}</TableCell>
            <TableCell align="right">
              {s.weight}/{result.totalWeight}
            </TableCell>
            <TableCell align="right">{s.weightedScore}</TableCell>
            {result.model === 'weightedMax' && <TableCell align="right">{formatYuan(s.amount ?? 0)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Result({ result, onApply }: { result: Calculation; onApply(r: Calculation): void }) {
  return (
    <Stack spacing={1.5} data-testid="discretion-result">
      <Alert
        severity={result.clamped ? 'warning' : 'success'}
        icon={false}
        action={
          <Button
            color="inherit"
            variant="outlined"
            size="small"
            onClick={() => onApply(result)}
            data-testid="discretion-apply"
          >
            填入调查报告
          </Button>
        }
      >
        <Typography variant="h6" component="p" data-testid="discretion-fine">
          建议罚款：{formatYuan(result.fine)}
        </Typography>
        <Typography variant="body2">
          {result.modelName}；法定幅度 {formatYuan(result.min)} 至 {formatYuan(result.max)}；裁量基准{' '}
          {result.benchmarkVersion} 版{result.clamped === 'min' && '；计算金额低于法定最低额，已按最低额确定'}
          {result.clamped === 'max' && '；计算金额高于法定最高额，已按最高额确定'}
        </Typography>
      </Alert>
      <Steps result={result} />
      <Stack spacing={0.25} data-testid="discretion-lines">
        {result.lines.map((l, i) => (
          <Typography key={i} variant="body2" color="text.secondary">
            {l}
          </Typography>
        ))}
      </Stack>
    </Stack>
  );
}

export function DiscretionPanel({ violationId, base, aggravated: initialAggravated = false, onApply }: Props) {
  const { data: benchmark, error: loadError } = useOp('discretion.list', {});
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [aggravated, setAggravated] = useState(initialAggravated);

  const type = benchmark?.violations.find((v) => v.id === violationId) ?? null;
  const factors = useMemo(() => (benchmark && type ? factorsOf(benchmark, type) : []), [benchmark, type]);
  const missing = missingFactors(factors, levels);
  const request =
    benchmark && type && missing.length === 0 ? calculateRequest(benchmark, type, levels, base, aggravated) : null;
  const current = request ? JSON.stringify(request) : '';
  // Calculated once the choices stop changing; a result is shown only for the choices on screen.
  const settled = useDebounced(current, 250);

  const calculation = useOp(
    'discretion.calculate',
    settled ? (JSON.parse(settled) as OpInput<'discretion.calculate'>) : null,
  );
  const calcError = settled ? calculation.error : null;
  const result = settled && !calcError ? calculation.data : undefined;

  if (loadError) return <Alert severity="error">{loadError}</Alert>;
  if (!benchmark)
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', py: 4 }}>
        <CircularProgress size={28} />
      </Box>
    );
  if (!type)
    return (
      <Alert severity="warning" data-testid="discretion-unknown">
        裁量基准（{benchmark.version}版）中没有本案的违法行为类型，无法计算，请按法定幅度自行裁量并说明理由。
      </Alert>
    );

  return (
    <Stack spacing={2} data-testid="discretion-panel">
      {!benchmark.verified && (
        <Alert severity="info" icon={false}>
          {benchmark.note ?? '裁量因子和权重未经省级核实'}
        </Alert>
      )}
      <Grid container spacing={1.5}>
        {factors.map((f) => (
          <Grid key={f.id} size={{ xs: 12, sm: 6 }}>
            <FactorSelect
              factor={f}
              value={levels[f.id] ?? ''}
              onChange={(v) => setLevels((l) => ({ ...l, [f.id]: v }))}
            />
          </Grid>
        ))}
      </Grid>
      {type.aggravated && (
        <FormControlLabel
          control={<Checkbox checked={aggravated} onChange={(e) => setAggravated(e.target.checked)} />}
          label={`${type.aggravated.when}（适用加重幅度）`}
        />
      )}
      {missing.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          尚未选择：{missing.join('、')}
        </Typography>
      )}
      {calcError && (
        <Alert severity="error" data-testid="discretion-error">
          {calcError}
        </Alert>
      )}
      {result && current === settled && <Result result={result} onApply={onApply} />}
    </Stack>
  );
}
