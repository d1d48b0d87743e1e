/**
 * 上传证据: a file of the kind chosen (现场照片, 书证扫描件, 录音, 录像, 电子文件, 执行凭证), what it
 * shows, when and where it was collected, its source and the collecting officers. The file goes first,
 * as bytes (api/uploads.ts: PUT /files/upload with progress and 取消上传 in the browser, the system dialog
 * and the core process reading the disk in the desktop app; up to 4 GB, a 执法记录仪 video included), then
 * evidence.add names it by hash. The picker offers only the kind's formats and the name's extension is
 * checked here; the core checks the bytes (common/evidenceFiles.ts).
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
import { maxUploadBytes, uploadTooLargeMessage } from '#common/uploads';
import LinearProgress from '@mui/material/LinearProgress';
import {
  cancelledMessage,
  choosesNatively,
  pickNatively,
  sourceName,
  sourceSize,
  uploadEvidenceFile,
  type UploadSource,
  type UploadTask,
} from '#renderer/api/uploads';
import type { CaseView } from '#common/schemas/cases';
import { send } from '#renderer/api/send';
import { fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';
import { todayIso } from '#renderer/util/dates';

/** Pictures are read whole by the core (their thumbnail, the dossier's page): they stay small. */
const maxImageBytes = maxEvidenceBytes;
const isImageName = (name: string): boolean => ['jpg', 'jpeg', 'png'].includes(extensionOf(name));
const megabytes = (n: number): string => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)}MB`;
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
  const [file, setFile] = useState<UploadSource | null>(null);
  /** Bytes sent of the file being uploaded, and how to stop it. */
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const task = useRef<UploadTask | null>(null);
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

  const pick = (f: UploadSource | null, k: EvidenceKind = kind): void => {
    setFailure(null);
    setErrors((e) => ({ ...e, file: '' }));
    const name = f ? sourceName(f) : '';
    if (
      f &&
      !acceptFor(k)
        .split(',')
        .includes(`.${extensionOf(name)}`)
    ) {
      const why = `“${name}”不能作为${evidenceKindNames[k]}上传，可上传：${formatsOf(k)}`;
      setFile(null);
      setErrors((e) => ({ ...e, file: why }));
      setFailure(why);
      return;
    }
    if (f && sourceSize(f) > maxUploadBytes) {
      setFile(null);
      setFailure(`${uploadTooLargeMessage}（${name}）`);
      return;
    }
    if (f && isImageName(name) && sourceSize(f) > maxImageBytes) {
      setFile(null);
      setFailure(`${errorCodes.FILE_TOO_LARGE}：${name}（图片不超过${maxImageBytes / 1024 / 1024}MB）`);
      return;
    }
    setFile(f);
  };

  /** The browser's file input, or in the desktop app the system dialog (the page never holds the bytes). */
  const choose = async (): Promise<void> => {
    if (!choosesNatively()) {
      fileInput.current?.click();
      return;
    }
    try {
      const picked = await pickNatively(kind);
      if (picked) pick({ picked });
    } catch (err) {
      setFailure(messageOf(err));
    }
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
      const upload = uploadEvidenceFile(file, kind, (sent, total) => setProgress({ sent, total }));
      task.current = upload;
      setProgress({ sent: 0, total: sourceSize(file) });
      const uploaded = await upload.done;
      task.current = null;
      await send('evidence.add', {
        caseId: view.state.id,
        kind,
        fileName: uploaded.fileName,
        uploadHash: uploaded.hash,
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
      const message = messageOf(err);
      // a cancel is the user's own doing: said quietly, the file stays chosen to try again
      if (message === cancelledMessage) notifier.info(cancelledMessage);
      else setFailure(message);
    } finally {
      task.current = null;
      setProgress(null);
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
              onChange={(e) => {
                const f = e.target.files?.[0];
                pick(f ? { file: f } : null);
              }}
            />
            <Button
              fullWidth
              variant="outlined"
              color={errors.file ? 'error' : 'primary'}
              startIcon={<AddPhotoAlternateOutlinedIcon />}
              onClick={() => void choose()}
              disabled={pending}
              sx={{ justifyContent: 'flex-start', overflow: 'hidden', whiteSpace: 'nowrap', height: 40 }}
            >
              {file ? `${sourceName(file)}（${megabytes(sourceSize(file))}）` : '选择文件…'}
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
        {progress && (
          <Box sx={{ mt: 1, display: 'flex', alignItems: 'center', gap: 2 }} data-testid="evidence-progress">
            <LinearProgress
              sx={{ flex: 1 }}
              variant={progress.total > 0 ? 'determinate' : 'indeterminate'}
              value={progress.total > 0 ? Math.min(100, (progress.sent / progress.total) * 100) : 0}
            />
            <Typography variant="caption" sx={{ minWidth: 140 }}>
              已上传 {megabytes(progress.sent)} / {megabytes(progress.total)}
            </Typography>
            <Button size="small" onClick={() => task.current?.cancel()} data-testid="evidence-cancel">
              取消上传
            </Button>
          </Box>
        )}
        {failure && (
          <Alert severity="error" sx={{ mt: 1 }} data-testid="evidence-error">
            {failure}
          </Alert>
        )}
      </Box>
    </Paper>
  );
}
