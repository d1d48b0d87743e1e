/**
 * 生成文书: asks for the template's input fields (the rest comes from the case), then
 * documents.generate. Missing or wrong fields are shown at the field; nothing typed is lost on failure.
 * What is typed is a draft in the core (useDraft): Esc, the backdrop, 取消 or a reload keep it, and
 * the dialog opens with it again; 重新生成 opens with the values of the version it replaces.
 */
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import TextField from '@mui/material/TextField';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { CaseView, DocumentRecord } from '#common/schemas/cases';
import type { TemplateInfo } from '#common/schemas/documents';
import { send } from '#renderer/api/send';
import { fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { TemplateFieldInput } from './TemplateFieldInput';
import { servedDocumentChoices } from './fieldDefaults';
import { initialFields } from './initialFields';
import { documentDraftForm } from '#common/schemas/drafts';
import { timeSpanProblems } from '#common/formChecks';
import { useDraft } from '#renderer/hooks/useDraft';
import { DraftNotice, useCloseKeepingDraft } from '#renderer/components/DraftNotice';

interface Props {
  template: TemplateInfo;
  view: CaseView;
  /** The track the document is made for, when it is a track's. */
  track?: string;
  onClose(): void;
  onGenerated(doc: DocumentRecord): void;
}

export function GenerateDocumentDialog({ template, view, track, onClose, onGenerated }: Props) {
  const inputs = template.fields.filter((f) => f.source === 'input');
  const [values, setValues] = useState<Record<string, string>>(() => initialFields(template, view, track));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // 更正: the newest document of this type is finalised, so a new one must say why (it is recorded).
  const finalised = [...view.state.documents]
    .reverse()
    .find((d) => d.type === template.id && template.id !== 'service-receipt');
  const correcting = Boolean(finalised?.finalised);
  const [correctionReason, setCorrectionReason] = useState('');
  const draft = useDraft(
    documentDraftForm(template.id, track),
    view.state.id,
    { values, correctionReason },
    (saved) => {
      setValues((v) => ({ ...v, ...(saved.values ?? {}) }));
      setCorrectionReason(saved.correctionReason ?? '');
    },
  );
  const close = useCloseKeepingDraft(draft, onClose);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (pending) return;
    if (correcting && correctionReason.trim().length < 5) {
      setFailure('该文书已定稿盖章，请写明更正理由（至少5个字）');
      return;
    }
    const missing = inputs.filter((f) => f.required && !(values[f.key] ?? '').trim());
    // An end time before its start (the core refuses it too, with the same words): shown with what is missing.
    const reversed = timeSpanProblems(inputs, values);
    if (missing.length || reversed.length) {
      setErrors({
        ...Object.fromEntries(missing.map((f) => [f.key, `请填写${f.label}`])),
        ...Object.fromEntries(reversed.map((p) => [p.field, p.message])),
      });
      setFailure(
        [
          ...reversed.map((p) => p.message),
          ...(missing.length ? [`请填写：${missing.map((f) => f.label).join('、')}`] : []),
        ].join('；'),
      );
      return;
    }
    setPending(true);
    setFailure(null);
    setErrors({});
    try {
      const fields = Object.fromEntries(
        Object.entries(values)
          .map(([k, v]) => [k, v.trim()])
          .filter(([, v]) => v !== ''),
      );
      const doc = await send('documents.generate', {
        caseId: view.state.id,
        type: template.id,
        fields,
        expectedVersion: view.state.version,
        ...(correcting ? { correctionReason: correctionReason.trim() } : {}),
        ...(track ? { track } : {}),
      });
      onGenerated(doc);
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      setFailure(messageOf(err));
      setPending(false);
    }
  };

  return (
    <Dialog open onClose={pending ? undefined : close} maxWidth="md" fullWidth data-testid="generate-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle>
          {correcting ? '更正' : '生成'}《{template.name}》
        </DialogTitle>
        {pending ? <LinearProgress data-testid="generate-progress" /> : <div style={{ height: 4 }} />}
        <DialogContent dividers>
          <DraftNotice
            draft={draft}
            initial={() => ({ values: initialFields(template, view, track), correctionReason: '' })}
          />
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            当事人、案由、法律依据、承办人等信息由案件自动填入
            {inputs.length ? '；请填写以下内容：' : '，无需另行填写。'}
          </Typography>
          {correcting && (
            <TextField
              label="更正理由"
              required
              fullWidth
              multiline
              minRows={2}
              sx={{ mb: 2 }}
              value={correctionReason}
              disabled={pending}
              onChange={(e) => setCorrectionReason(e.target.value)}
              helperText="原文书已定稿盖章，更正将作为新版本记入案件全过程记录，原文书保留"
              slotProps={{ htmlInput: { 'data-testid': 'correction-reason', maxLength: 1000 } }}
            />
          )}
          <Grid container spacing={2}>
            {inputs.map((f, i) => (
              <Grid key={f.key} size={f.input === 'multiline' ? 12 : { xs: 12, sm: 6 }}>
                <TemplateFieldInput
                  field={f}
                  value={values[f.key] ?? ''}
                  onChange={(v) => {
                    setValues((s) => ({ ...s, [f.key]: v }));
                    setErrors((s) => ({ ...s, [f.key]: '' }));
                  }}
                  error={errors[f.key] || undefined}
                  disabled={pending}
                  autoFocus={i === 0}
                  choices={f.key === 'servedDocument' ? servedDocumentChoices(view) : undefined}
                />
              </Grid>
            ))}
          </Grid>
          {failure && (
            <Alert severity="error" data-testid="generate-error" sx={{ mt: 1 }}>
              {failure}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 1.5 }}>
          <Button onClick={close} disabled={pending}>
            取消
          </Button>
          {/* Nothing to fill in: the button holds the focus, so Enter generates as in any other form. */}
          <Button
            type="submit"
            variant="contained"
            loading={pending}
            autoFocus={!inputs.length && !correcting}
            data-testid="generate-submit"
          >
            生成
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
