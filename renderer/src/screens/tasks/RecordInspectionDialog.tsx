/**
 * 记录现场检查: the date, what was found and the result; the core checks the date against the task's period.
 * When the enterprise's industry has 行业检查要点, they are listed to tick; the ticks are kept with the record.
 */
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FieldAssignment } from '#common/schemas/fieldTasks';
import { inspectionResults } from '#common/sync/fieldTasks';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { todayIso } from '#renderer/util/dates';

interface Props {
  assignment: FieldAssignment;
  onClose(): void;
  onRecorded(a: FieldAssignment): void;
}

export function RecordInspectionDialog({ assignment, onClose, onRecorded }: Props) {
  const [inspectedOn, setInspectedOn] = useState(todayIso());
  const [findings, setFindings] = useState('');
  const [result, setResult] = useState<'clean' | 'issues' | ''>('');
  const [checked, setChecked] = useState<string[]>([]);
  const checklist = assignment.checklist;
  const tick = (id: string, on: boolean) => setChecked((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!findings.trim()) return setError('请填写检查情况');
    if (!result) return setError('请选择检查结果：未发现问题或发现问题');
    setPending(true);
    setError(null);
    try {
      onRecorded(
        await send('fieldTasks.record', { assignmentId: assignment.id, inspectedOn, findings, result, checked }),
      );
    } catch (err) {
      setError(messageOf(err));
      setPending(false);
    }
  };
  return (
    <Dialog open onClose={pending ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="record-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="record-title">记录现场检查</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            <Typography>
              {assignment.enterpriseName}（{assignment.taskName}，{assignment.periodFrom} 至 {assignment.periodTo}）
            </Typography>
            <TextField
              label="检查日期"
              type="date"
              value={inspectedOn}
              onChange={(e) => setInspectedOn(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            {checklist && (
              <FormGroup data-testid="industry-checklist">
                <Typography variant="subtitle2">
                  {checklist.name}检查要点（{checklist.version}版{checklist.verified ? '' : '，示例，未经核对'}
                  ）：已检查的请勾选
                </Typography>
                {checklist.items.map((i) => (
                  <FormControlLabel
                    key={i.id}
                    control={
                      <Checkbox
                        size="small"
                        checked={checked.includes(i.id)}
                        onChange={(e) => tick(i.id, e.target.checked)}
                      />
                    }
                    label={
                      <Typography variant="body2">
                        {i.text}
                        {i.basis && (
                          <Typography component="span" variant="caption" color="text.secondary">
                            （依据：{i.basis}）
                          </Typography>
                        )}
                      </Typography>
                    }
                  />
                ))}
              </FormGroup>
            )}
            <TextField
              label="检查情况"
              multiline
              minRows={4}
              value={findings}
              onChange={(e) => setFindings(e.target.value)}
              placeholder="检查了哪些设施、记录，发现的情况"
            />
            <RadioGroup row value={result} onChange={(e) => setResult(e.target.value as 'clean' | 'issues')}>
              {(Object.keys(inspectionResults) as Array<keyof typeof inspectionResults>).map((k) => (
                <FormControlLabel key={k} value={k} control={<Radio />} label={inspectionResults[k]} />
              ))}
            </RadioGroup>
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={pending}>
            保存检查记录
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
