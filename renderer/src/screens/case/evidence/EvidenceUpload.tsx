/**
 * 上传证据: a file of the kind chosen (现场照片, 书证扫描件, 录音, 录像, 电子文件, 执行凭证), what it
 * shows, when and where it was collected, its source and the collecting officers → evidence.add
 * (Base64, so at most 30 MB: the web host takes 64 MB per request). The picker offers only the kind's
 * formats and the name's extension is checked here; the core checks the bytes (common/evidenceFiles.ts).
 * An 执行凭证 is filed with the execution in the 正卷 and is checked before 结案.
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
import {
  acceptFor,
  evidenceKindNames,
  extensionOf,
  fileFormats,
  uploadKinds,
  type EvidenceKind,
  type UploadKind,
} from '#common/evidenceFiles';
import { maxEvidenceBytes } from '#common/schemas/documents';
import type { CaseView } from '#common/schemas/cases';
import { send } from '#renderer/api/send';
import { fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';
import { fileToBase64 } from '#renderer/util/binary';
import { todayIso } from '#renderer/util/dates';

const maxBytes = maxEvidenceBytes;

const kindLabel = (k: EvidenceKind): string =>
  k === 'execution' ? '执行凭证（缴款凭证、法院文书）' : evidenceKindNames[k];
/** The formats a kind accepts, as the picker's caption says them. */
const formatsOf = (k: EvidenceKind): string =>
  [
    ...new Set(
      Object.values(fileFormats)
        .filter((f) => f.kinds.includes(k))
        .map((f) => f.name),
    ),
  ].join('、');

export function EvidenceUpload({ view, onAdded }: { view: CaseView; onAdded(): Promise<void> }) {
  const notifier = useNotifier();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<UploadKind>('photo');
  const [description, setDescription] = useState('');
  const [takenOn, setTakenOn] = useState(todayIso());
  const [takenAt, setTakenAt] = useState('');
  const [place, setPlace] = useState('');
  const [source, setSource] = useState('');
  const [collectors, setCollectors] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const pick = (f: File | null, k: EvidenceKind = kind): void => {
    setFailure(null);
    setErrors((e) => ({ ...e, file: '' }));
    if (
      f &&
      !acceptFor(k)
        .split(',')
        .includes(`.${extensionOf(f.name)}`)
    ) {
      const why = `“${f.name}”不能作为${evidenceKindNames[k]}上传，可上传：${formatsOf(k)}`;
      setFile(null);
      setErrors((e) => ({ ...e, file: why }));
      setFailure(why);
      return;
    }
    if (f && f.size > maxBytes) {
      setFile(null);
      setFailure(`${errorCodes.FILE_TOO_LARGE}：${f.name}（不超过${maxBytes / 1024 / 1024}MB）`);
      return;
    }
    setFile(f);
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (pending) return;
    const local: Record<string, string> = {};
    if (!file) local.file = '请选择文件';
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
        ...(takenAt ? { takenAt } : {}),
        ...(place.trim() ? { place: place.trim() } : {}),
        ...(source.trim() ? { source: source.trim() } : {}),
        ...(collectors.trim() ? { collectors: collectors.split(/[，,、\s]+/).filter(Boolean) } : {}),
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
          上传证据（现场照片、书证扫描件、录音录像、电子文件、执行凭证）
        </Typography>
        <Grid container spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Grid size={{ xs: 12, md: 2 }}>
            <TextField
              select
              fullWidth
              label="类别"
              value={kind}
              disabled={pending}
              onChange={(e) => {
                const k = e.target.value as UploadKind;
                setKind(k);
                // A file picked for another kind is checked again against this one.
                if (file) pick(file, k);
              }}
              helperText=" "
              slotProps={{ htmlInput: { 'data-testid': 'evidence-kind' } }}
            >
              {uploadKinds.map((k) => (
                <MenuItem key={k} value={k}>
                  {kindLabel(k)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 3 }}>
            <input
              ref={fileInput}
              type="file"
              accept={acceptFor(kind)}
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
              {file ? file.name : '选择文件…'}
            </Button>
            <Typography variant="caption" color={errors.file ? 'error' : 'text.secondary'}>
              {errors.file || formatsOf(kind)}
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
              label={kind === 'photo' ? '拍摄日期' : '取证日期'}
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
        <Grid container spacing={2} sx={{ mt: 0.5 }}>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField
              type="time"
              label="取证时间"
              value={takenAt}
              disabled={pending}
              onChange={(e) => setTakenAt(e.target.value)}
              error={Boolean(errors.takenAt)}
              helperText={errors.takenAt || ' '}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'evidence-time' } }}
            />
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <TextField
              fullWidth
              label="取证地点"
              value={place}
              disabled={pending}
              onChange={(e) => setPlace(e.target.value)}
              error={Boolean(errors.place)}
              helperText={errors.place || ' '}
              slotProps={{ htmlInput: { 'data-testid': 'evidence-place', maxLength: 200 } }}
            />
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <TextField
              fullWidth
              label="证据来源"
              value={source}
              disabled={pending}
              onChange={(e) => setSource(e.target.value)}
              error={Boolean(errors.source)}
              helperText={errors.source || '如：现场拍摄、当事人提供、执法记录仪'}
              slotProps={{ htmlInput: { 'data-testid': 'evidence-source', maxLength: 200 } }}
            />
          </Grid>
          <Grid size={{ xs: 6, md: 4 }}>
            <TextField
              fullWidth
              label="取证人"
              value={collectors}
              disabled={pending}
              onChange={(e) => setCollectors(e.target.value)}
              error={Boolean(errors.collectors)}
              helperText={errors.collectors || '多人以顿号分隔，如：张伟、王强'}
              slotProps={{ htmlInput: { 'data-testid': 'evidence-collectors', maxLength: 200 } }}
            />
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
