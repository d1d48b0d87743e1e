/**
 * 上传证据: an image file, what it shows and when it was taken → evidence.add (Base64). A 现场照片
 * proves the facts; an 执行凭证 (scan of the payment voucher, or of the court's papers) is filed with
 * the execution in the 正卷 and is checked before 结案.
 */
import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddPhotoAlternateOutlinedIcon from '@mui/icons-material/AddPhotoAlternateOutlined';
import UploadIcon from '@mui/icons-material/Upload';
import { errorCodes } from '#common/errors';
import type { CaseView } from '#common/schemas/cases';
import { send } from '#renderer/api/send';
import { fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';
import { fileToBase64 } from '#renderer/util/binary';
import { todayIso } from '#renderer/util/dates';

const maxBytes = 20 * 1024 * 1024;

type EvidenceKind = 'photo' | 'execution';
const kindLabels: Record<EvidenceKind, string> = { photo: '现场照片', execution: '执行凭证（缴款凭证、法院文书）' };

export function EvidenceUpload({ view, onAdded }: { view: CaseView; onAdded(): Promise<void> }) {
  const notifier = useNotifier();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<EvidenceKind>('photo');
  const [description, setDescription] = useState('');
  const [takenOn, setTakenOn] = useState(todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const pick = (f: File | null): void => {
    setFailure(null);
    setErrors((e) => ({ ...e, file: '' }));
    if (f && !f.type.startsWith('image/')) {
      setFile(null);
      setErrors((e) => ({ ...e, file: errorCodes.NOT_AN_IMAGE }));
      setFailure(`${errorCodes.NOT_AN_IMAGE}：${f.name}`);
      return;
    }
    if (f && f.size > maxBytes) {
      setFile(null);
      setFailure(`${errorCodes.FILE_TOO_LARGE}：${f.name}（不超过20MB）`);
      return;
    }
    setFile(f);
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (pending) return;
    const local: Record<string, string> = {};
    if (!file) local.file = '请选择照片';
    if (!description.trim()) local.description = '请填写证据说明';
    if (!takenOn) local.takenOn = '请填写拍摄日期';
    setErrors(local);
    if (!file || Object.keys(local).length) return;
    setPending(true);
    setFailure(null);
    try {
      const contentBase64 = await fileToBase64(file);
      await send('evidence.add', {
        caseId: view.state.id,
        kind,
        fileName: file.name,
        contentBase64,
        description: description.trim(),
        takenOn,
      });
      notifier.success(`已上传证据：${description.trim()}`);
      setFile(null);
      setDescription('');
      if (fileInput.current) fileInput.current.value = '';
      await onAdded();
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      setFailure(messageOf(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, bgcolor: '#fafbfc' }}>
      <Box component="form" onSubmit={(e) => void submit(e)} noValidate data-testid="evidence-form">
        <Typography variant="subtitle1" gutterBottom>
          上传证据（现场照片、执行凭证）
        </Typography>
        <Grid container spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Grid size={{ xs: 12, md: 2 }}>
            <TextField
              select
              fullWidth
              label="类别"
              value={kind}
              disabled={pending}
              onChange={(e) => setKind(e.target.value as EvidenceKind)}
              helperText=" "
              slotProps={{ htmlInput: { 'data-testid': 'evidence-kind' } }}
            >
              {(Object.keys(kindLabels) as EvidenceKind[]).map((k) => (
                <MenuItem key={k} value={k}>
                  {kindLabels[k]}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 3 }}>
            <input
              ref={fileInput}
              type="file"
              accept="image/*"
              hidden
              data-testid="evidence-file"
              onChange={(e) => pick(e.target.files?.[0] ?? null)}
            />
            <Button
              fullWidth
              variant="outlined"
              color={errors.file ? 'error' : 'primary'}
              startIcon={<AddPhotoAlternateOutlinedIcon />}
              onClick={() => fileInput.current?.click()}
              disabled={pending}
              sx={{ justifyContent: 'flex-start', overflow: 'hidden', whiteSpace: 'nowrap', height: 40 }}
            >
              {file ? file.name : '选择照片…'}
            </Button>
            <Typography variant="caption" color={errors.file ? 'error' : 'text.secondary'}>
              {errors.file || 'JPG、PNG 等图片'}
            </Typography>
          </Grid>
          <Grid size={{ xs: 12, md: 3 }}>
            <TextField
              label="证据说明"
              required
              value={description}
              disabled={pending}
              onChange={(e) => {
                setDescription(e.target.value);
                setErrors((s) => ({ ...s, description: '' }));
              }}
              error={Boolean(errors.description)}
              helperText={
                errors.description || (kind === 'execution' ? '如：缴款凭证（凭证号）、法院裁定书' : '拍摄内容、位置')
              }
              slotProps={{ htmlInput: { 'data-testid': 'evidence-description', maxLength: 500 } }}
            />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField
              type="date"
              label="拍摄日期"
              required
              value={takenOn}
              disabled={pending}
              onChange={(e) => setTakenOn(e.target.value)}
              error={Boolean(errors.takenOn)}
              helperText={errors.takenOn || ' '}
              slotProps={{
                inputLabel: { shrink: true },
                htmlInput: { max: todayIso(), 'data-testid': 'evidence-date' },
              }}
            />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <Button
              fullWidth
              type="submit"
              variant="contained"
              startIcon={<UploadIcon />}
              loading={pending}
              data-testid="evidence-upload"
              sx={{ height: 40 }}
            >
              上传
            </Button>
          </Grid>
        </Grid>
        {failure && (
          <Alert severity="error" sx={{ mt: 1 }} data-testid="evidence-error">
            {failure}
          </Alert>
        )}
      </Box>
    </Paper>
  );
}
