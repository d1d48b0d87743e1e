/**
 * 立案: party, violation type, officers, dates, source and summary → cases.open.
 * One requestId per opening of the dialog, so a double click or a retry after a lost reply opens
 * one case, not two. What the clerk typed is a draft in the core (useDraft: per user, restored on
 * opening, kept by Esc, the backdrop, 取消 and a reload) until the case is opened, which deletes it.
 * the violation types offered are those resting on the law of the act's day, with a
 * one-line preview of the law the case will rest on (从旧兼从轻), and the limitation question of the
 * rule of that day (处罚法 art. 36, or 生态环境法典 art. 1054).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import type { CaseView } from '#common/schemas/cases';
import type { OpInput } from '#common/operations';
import type { ViolationType } from '#common/schemas/reference';
import type { LegalBasis } from '#common/schemas/legalBasis';
import Typography from '@mui/material/Typography';
import { useDebounced } from '#renderer/hooks/useDebounced';
import { useOp } from '#renderer/hooks/useOp';
import { previewLine, ruleSummary } from '../case/legalBasisText';
import { harmLabel, limitationRulesFor } from './limitationRule';
import { openCaseInput } from '#common/schemas/cases';
import { send } from '#renderer/api/send';
import { ApiError, fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { useSession } from '#renderer/app/session';
import { newRequestId } from '#renderer/util/requestId';
import { todayIso } from '#renderer/util/dates';
import { EnterprisePicker } from './EnterprisePicker';
import { OfficerSelect } from './OfficerSelect';
import { ViolationSelect } from './ViolationSelect';
import { actDateOf, caseSources, emptyDraft, lawDateOf, type OpenCaseDraft } from './openCaseDraft';
import { openCaseDraftForm } from '#common/schemas/drafts';
import { useDraft } from '#renderer/hooks/useDraft';
import { DraftNotice, useCloseKeepingDraft } from '#renderer/components/DraftNotice';
// suggestions of the violation type from the inspection text.
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import { RecommendPanel } from '../recommend/RecommendPanel';

interface Props {
  onClose(): void;
  onOpened(view: CaseView): void;
  /** 立案 from a 现场检查: the enterprise, officers and findings filled in; no draft kept (the inspection is the record). */
  prefill?: Partial<OpenCaseDraft>;
  /** Opens the case another way (fieldTasks.openCase links it to its task); cases.open by default. */
  open?: (input: OpInput<'cases.open'>) => Promise<CaseView>;
}

type Errors = Partial<Record<keyof OpenCaseDraft | 'enterpriseId', string>>;

/** Local checks with the contract's own schema (same Chinese messages as the core), plus dates. */
function validate(draft: OpenCaseDraft, requestId: string, outsideCounty: boolean): Errors {
  const errors: Errors = {};
  if (outsideCounty && !draft.jurisdictionReason.trim()) errors.jurisdictionReason = '请填写本局管辖的理由';
  const parsed = openCaseInput.safeParse({
    ...draft,
    violationOn: draft.violationOn || undefined,
    enterpriseId: draft.enterprise?.id ?? '',
    requestId,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const k = String(issue.path[0] ?? '') as keyof Errors;
      if (k) errors[k] ??= issue.message;
    }
  }
  const today = todayIso();
  if (!errors.filedOn && draft.filedOn > today) errors.filedOn = `立案日期不能晚于今天（${today}）`;
  if (!errors.discoveredOn && draft.discoveredOn > draft.filedOn) errors.discoveredOn = '发现日期不能晚于立案日期';
  if (!errors.violationOn && draft.violationOn && draft.violationOn > draft.discoveredOn)
    errors.violationOn = '违法行为日期不能晚于发现日期';
  return errors;
}

/** Where the core's refusal belongs in the form. */
function errorsFromCore(e: unknown): Errors {
  const fields = fieldErrorsOf(e) as Errors;
  if (!(e instanceof ApiError)) return fields;
  if (e.code === 'OFFICERS_REQUIRED') fields.officerIds = e.message;
  if (e.code === 'INVALID_USCC' || (e.code === 'NOT_FOUND' && e.message.includes('当事人')))
    fields.enterpriseId = e.message;
  if (e.message.startsWith('立案日期')) fields.filedOn = e.message;
  if (e.message.startsWith('发现日期')) fields.discoveredOn = e.message;
  if (e.code === 'LIMITATION_EXPIRED') fields.violationOn = e.message;
  if (e.code === 'JURISDICTION_REASON_REQUIRED') fields.jurisdictionReason ??= '请填写本局管辖的理由';
  return fields;
}

type Preview = { basis: LegalBasis } | { error: string };

export function OpenCaseDialog({ onClose, onOpened, prefill, open }: Props) {
  const { user } = useSession();
  const [requestId] = useState(newRequestId);
  const [draft, setDraft] = useState<OpenCaseDraft>(() => ({ ...emptyDraft(user.officerId), ...prefill }));
  const saved = useDraft(openCaseDraftForm, null, draft, (d) => setDraft({ ...emptyDraft(user.officerId), ...d }), {
    enabled: !prefill,
  });
  const close = useCloseKeepingDraft(saved, onClose);
  const [listNote, setListNote] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const today = todayIso();
  // 管辖: a party registered in another county is warned of, naming both, and needs a reason.
  const jurisdiction = useOp('cases.jurisdiction', draft.enterprise ? { enterpriseId: draft.enterprise.id } : null);
  const outsideCounty = Boolean(draft.enterprise && !jurisdiction.loading && jurisdiction.data?.outside);

  // The types offered rest on the law of the act's day: fetched again once the date stops changing.
  const lawDate = useDebounced(lawDateOf(draft, today), 300);
  const shown = useRef<{ list: ViolationType[]; chosen: string; on: string }>({
    list: [],
    chosen: draft.violationId,
    on: lawDate,
  });
  shown.current.chosen = draft.violationId;
  shown.current.on = lawDate;
  const listFailed = (e: unknown): void => setFailure(messageOf(e));
  const officers = useOp('officers.list', {}, { onError: listFailed }).data ?? [];
  const violationList = useOp('violations.list', { on: lawDate }, { onError: listFailed });
  const violations = violationList.data ?? [];
  const listLoading = violationList.loading;

  useEffect(() => {
    const list = violationList.data;
    if (!list || list === shown.current.list) return;
    const chosen = shown.current.chosen;
    if (chosen && !list.some((v) => v.id === chosen)) {
      // A type of another law's day: cleared, and the clerk is told why.
      const name = shown.current.list.find((v) => v.id === chosen)?.name;
      setDraft((d) => (d.violationId === chosen ? { ...d, violationId: '' } : d));
      setListNote(
        `${name ? `“${name}”` : '原选择的违法行为类型'}所依据的规定在${shown.current.on}已不施行（或尚未施行），已清除，请按该日施行的法律重新选择。`,
      );
    }
    shown.current.list = list;
  }, [violationList.data]);

  // 法律适用 preview: the law the case will rest on, for the type and the act's date on screen.
  const actOn = actDateOf(draft);
  const previewKey = useDebounced(
    draft.violationId && actOn ? JSON.stringify([draft.violationId, actOn, draft.continuing]) : '',
    400,
  );
  const previewInput = previewKey ? (JSON.parse(previewKey) as [string, string, boolean]) : null;
  const resolution = useOp(
    'legalBasis.resolve',
    previewInput && {
      violationId: previewInput[0],
      actOn: previewInput[1],
      continuing: previewInput[2],
      figures: { amounts: {}, aggravated: false },
    },
  );
  // Only an answer for the type and date on screen (not one still typed, nor one being asked).
  const currentPreview: Preview | null =
    actOn && !resolution.loading && previewKey === JSON.stringify([draft.violationId, actOn, draft.continuing])
      ? resolution.error
        ? { error: resolution.error }
        : resolution.data
          ? { basis: resolution.data }
          : null
      : null;

  // The limitation question(s) of the rule of the act's day (and of the discovery day, for an act before the Code).
  const harmRules = limitationRulesFor(actOn ?? today, draft.discoveredOn || today);
  const asks = (harm: 'seriousHarm' | 'pollutionHarm'): boolean => harmRules.some((r) => r.harm === harm);

  const set = <K extends keyof OpenCaseDraft>(k: K, v: OpenCaseDraft[K]): void => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined, ...(k === 'enterprise' ? { enterpriseId: undefined } : {}) }));
    if (k === 'violationId') setListNote(null);
  };
  /** A required date of the case, not after today; the blank helper keeps the row's height. */
  const requiredDate = (key: 'discoveredOn' | 'filedOn', label: string, testId: string) => (
    <Grid size={{ xs: 12, sm: 4 }}>
      <TextField
        type="date"
        label={label}
        required
        value={draft[key]}
        disabled={pending}
        onChange={(e) => set(key, e.target.value)}
        error={Boolean(errors[key])}
        helperText={errors[key] ?? ' '}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today, 'data-testid': testId } }}
      />
    </Grid>
  );

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (pending) return;
    const local = validate(draft, requestId, outsideCounty);
    setErrors(local);
    if (Object.values(local).some(Boolean)) {
      setFailure('请按提示补全或更正标红的项目');
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      const view = await (open ?? ((i) => send('cases.open', i)))({
        enterpriseId: draft.enterprise?.id ?? '',
        violationId: draft.violationId,
        officerIds: draft.officerIds,
        discoveredOn: draft.discoveredOn,
        filedOn: draft.filedOn,
        source: draft.source,
        summary: draft.summary.trim(),
        requestId,
        procedure: draft.procedure,
        partyKind: draft.partyKind,
        continuing: draft.continuing,
        seriousHarm: asks('seriousHarm') && draft.seriousHarm,
        pollutionHarm: asks('pollutionHarm') && draft.pollutionHarm,
        ...(draft.violationOn ? { violationOn: draft.violationOn } : {}),
        ...(outsideCounty ? { jurisdictionReason: draft.jurisdictionReason.trim() } : {}),
      });
      onOpened(view);
    } catch (err) {
      setErrors(errorsFromCore(err));
      setFailure(messageOf(err));
      setPending(false);
    }
  };

  return (
    <Dialog open onClose={pending ? undefined : close} maxWidth="md" fullWidth aria-labelledby="open-case-title">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="open-case-dialog">
        <DialogTitle id="open-case-title">立案</DialogTitle>
        {pending ? <LinearProgress /> : <div style={{ height: 4 }} />}
        <DialogContent dividers>
          <DraftNotice draft={saved} initial={() => emptyDraft(user.officerId)} />
          <Grid container spacing={2}>
            <Grid size={12}>
              <EnterprisePicker
                value={draft.enterprise}
                onChange={(v) => set('enterprise', v)}
                error={errors.enterpriseId ?? errors.enterprise}
                disabled={pending}
              />
              {outsideCounty && (
                <>
                  <Alert severity="warning" data-testid="jurisdiction-warning" sx={{ mb: 1 }}>
                    {jurisdiction.data?.message}
                  </Alert>
                  <TextField
                    label="本局管辖的理由"
                    required
                    fullWidth
                    value={draft.jurisdictionReason}
                    disabled={pending}
                    onChange={(e) => set('jurisdictionReason', e.target.value)}
                    error={Boolean(errors.jurisdictionReason)}
                    helperText={errors.jurisdictionReason ?? '记入立案记录和案件历史，如：违法行为发生地在本辖区'}
                    slotProps={{ htmlInput: { 'data-testid': 'jurisdiction-reason', maxLength: 500 } }}
                  />
                </>
              )}
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField
                type="date"
                fullWidth
                label={draft.continuing ? '违法行为开始日期' : '违法行为发生（终了）日期'}
                value={draft.violationOn}
                disabled={pending}
                onChange={(e) => set('violationOn', e.target.value)}
                error={Boolean(errors.violationOn)}
                helperText={errors.violationOn ?? '据此确定适用的法律、核对追责时效'}
                slotProps={{
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'case-violation-on', max: today },
                }}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 8 }}>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={draft.continuing}
                    disabled={pending}
                    onChange={(e) => set('continuing', e.target.checked)}
                  />
                }
                label="违法行为仍在继续"
              />
              {harmRules.map((r) => (
                <FormControlLabel
                  key={r.id}
                  data-testid={`case-${r.harm}`}
                  control={
                    <Checkbox
                      checked={draft[r.harm]}
                      disabled={pending}
                      onChange={(e) => set(r.harm, e.target.checked)}
                    />
                  }
                  label={harmLabel(r)}
                />
              ))}
            </Grid>
            <Grid size={12}>
              <ViolationSelect
                violations={violations}
                loading={listLoading}
                value={draft.violationId}
                onChange={(v) => set('violationId', v)}
                error={errors.violationId}
                disabled={pending}
              />
              {listNote && (
                <Alert
                  severity="info"
                  onClose={() => setListNote(null)}
                  data-testid="violation-list-note"
                  sx={{ mb: 1 }}
                >
                  {listNote}
                </Alert>
              )}
              {draft.violationId && (
                <Typography
                  variant="body2"
                  data-testid="legal-basis-preview"
                  color={
                    currentPreview &&
                    'basis' in currentPreview &&
                    ruleSummary(currentPreview.basis).severity === 'success'
                      ? 'text.secondary'
                      : 'warning.main'
                  }
                >
                  法律适用：
                  {!actOn
                    ? '未填写违法行为发生日期，立案后无法确定适用的法律'
                    : !currentPreview
                      ? '正在确定…'
                      : 'error' in currentPreview
                        ? currentPreview.error
                        : previewLine(currentPreview.basis)}
                </Typography>
              )}
            </Grid>
            <Grid size={12}>
              <Accordion disableGutters variant="outlined" slotProps={{ transition: { unmountOnExit: true } }}>
                <AccordionSummary data-testid="recommend-toggle">根据现场检查情况推荐违法行为</AccordionSummary>
                <AccordionDetails>
                  <RecommendPanel
                    initialText={draft.summary}
                    enterpriseId={draft.enterprise?.id}
                    on={lawDate}
                    chosenId={draft.violationId}
                    onChoose={(id) => set('violationId', id)}
                  />
                </AccordionDetails>
              </Accordion>
            </Grid>
            <Grid size={12}>
              <OfficerSelect
                officers={officers}
                value={draft.officerIds}
                onChange={(v) => set('officerIds', v)}
                error={errors.officerIds}
                disabled={pending}
              />
            </Grid>
            {requiredDate('discoveredOn', '发现日期', 'discovered-on')}
            {requiredDate('filedOn', '立案日期', 'filed-on')}
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField
                select
                label="案件来源"
                value={draft.source}
                disabled={pending}
                onChange={(e) => set('source', e.target.value)}
                error={Boolean(errors.source)}
                helperText={errors.source ?? ' '}
                slotProps={{ htmlInput: { 'data-testid': 'case-source' } }}
              >
                {caseSources.map((s) => (
                  <MenuItem key={s} value={s}>
                    {s}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField
                select
                fullWidth
                label="程序"
                value={draft.procedure}
                disabled={pending}
                onChange={(e) => set('procedure', e.target.value as OpenCaseDraft['procedure'])}
                helperText={draft.procedure === 'summary' ? '当场处罚：警告或罚款（公民200元、单位3000元以下）' : ' '}
                slotProps={{ htmlInput: { 'data-testid': 'case-procedure' } }}
              >
                <MenuItem value="ordinary">一般程序</MenuItem>
                <MenuItem value="summary">简易程序（当场处罚）</MenuItem>
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField
                select
                fullWidth
                label="当事人类型"
                value={draft.partyKind}
                disabled={pending}
                onChange={(e) => set('partyKind', e.target.value as OpenCaseDraft['partyKind'])}
                helperText=" "
              >
                <MenuItem value="organisation">法人或者其他组织</MenuItem>
                <MenuItem value="individual">公民</MenuItem>
              </TextField>
            </Grid>
            <Grid size={12}>
              <TextField
                label="案情摘要"
                required
                multiline
                minRows={3}
                value={draft.summary}
                disabled={pending}
                onChange={(e) => set('summary', e.target.value)}
                error={Boolean(errors.summary)}
                helperText={errors.summary ?? ' '}
                slotProps={{
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'case-summary', maxLength: 2000 },
                }}
              />
            </Grid>
          </Grid>
          {failure && (
            <Alert severity="error" data-testid="open-case-error" sx={{ mt: 1 }}>
              {failure}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 1.5 }}>
          <Button
            onClick={() => {
              setDraft(emptyDraft(user.officerId));
              setErrors({});
              setFailure(null);
              setListNote(null);
            }}
            disabled={pending}
            sx={{ mr: 'auto' }}
          >
            清空
          </Button>
          <Button onClick={close} disabled={pending}>
            取消
          </Button>
          <Button data-testid="open-case-submit" type="submit" variant="contained" loading={pending}>
            立案
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
