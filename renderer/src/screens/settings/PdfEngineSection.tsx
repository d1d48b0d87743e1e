/**
 * 打印与PDF: which engine turns DOCX into the PDF that is previewed, printed, sealed and bound; each
 * choice with whether this PC has it and one line on what it is; 试打印 converts a sample document.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import PrintOutlinedIcon from '@mui/icons-material/PrintOutlined';
import {
  pdfEngineLabels,
  pdfEngineNames,
  type PdfEnginePreferenceView,
  type SettingsView,
} from '#common/schemas/settings';
import type { OpOutput } from '#common/operations';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';
import { Section } from '#renderer/components/Section';

const choices: PdfEnginePreferenceView[] = ['auto', ...pdfEngineNames];

type Trial = { ok: true; result: OpOutput<'pdf.test'> } | { ok: false; message: string };

/** Said to a head as what it means for him; the variable's name is for whoever installed the PC (docs/architecture.md). */
function lockText(s: SettingsView): string {
  const by = s.pdfEngineLockedBy === 'ANJUAN_PDF_ENGINE' ? '本机的运行配置' : '程序的启动方式';
  return `当前由${by}指定使用“${pdfEngineLabels[s.pdfEngineInUse].label}”，此处的选择在取消该指定后生效；如需更改，请联系安装本机的系统管理员。`;
}

export function PdfEngineSection({
  settings,
  canEdit,
  onChanged,
}: {
  settings: SettingsView;
  canEdit: boolean;
  onChanged(s: SettingsView): void;
}) {
  const notifier = useNotifier();
  const [choice, setChoice] = useState<PdfEnginePreferenceView>(settings.pdfEngine);
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [trial, setTrial] = useState<Trial | null>(null);
  useEffect(() => setChoice(settings.pdfEngine), [settings.pdfEngine]);

  const available = new Set<string>(settings.pdfEngines.map((e) => e.name));
  const usable = (c: PdfEnginePreferenceView): boolean => c === 'auto' || available.has(c);

  const save = async (): Promise<void> => {
    setSaving(true);
    try {
      const s = await send('settings.update', { pdfEngine: choice });
      onChanged(s);
      notifier.success(
        `已设置PDF引擎：${pdfEngineLabels[choice].label}${s.pdfEngineLockedBy ? '（当前被另行指定，暂不生效）' : '，自下一份文书起使用'}`,
      );
    } catch (e) {
      notifier.error(e);
    } finally {
      setSaving(false);
    }
  };

  const test = async (): Promise<void> => {
    setTesting(true);
    setTrial(null);
    try {
      // A head may try the engine selected here before saving it; otherwise the engine in use.
      const engine = canEdit && choice !== settings.pdfEngineInUse ? choice : undefined;
      setTrial({ ok: true, result: await send('pdf.test', engine ? { engine } : {}) });
    } catch (e) {
      setTrial({ ok: false, message: messageOf(e) });
    } finally {
      setTesting(false);
    }
  };

  const active = settings.pdfEngineActive ? `，正在运行：${pdfEngineLabels[settings.pdfEngineActive].label}` : '';
  return (
    <Section
      title="打印与PDF"
      subtitle="文书的预览、打印、定稿盖章和组卷都用这里选定的引擎把DOCX转换为PDF"
      testId="settings-pdf"
    >
      {settings.pdfEngineLockedBy && (
        <Alert severity="warning" sx={{ mb: 1.5 }} data-testid="pdf-engine-locked">
          {lockText(settings)}
        </Alert>
      )}
      <RadioGroup
        aria-label="PDF引擎"
        value={choice}
        onChange={(_, v) => {
          setChoice(v as PdfEnginePreferenceView);
          setTrial(null);
        }}
        data-testid="pdf-engine-choices"
      >
        {choices.map((c) => (
          <FormControlLabel
            key={c}
            value={c}
            disabled={!canEdit || !usable(c) || saving}
            control={<Radio slotProps={{ input: { 'data-testid': `pdf-engine-${c}` } as never }} />}
            sx={{ alignItems: 'flex-start', mb: 0.75, '& .MuiRadio-root': { pt: 0.5 } }}
            label={
              <Box>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography variant="body1">{pdfEngineLabels[c].label}</Typography>
                  {c !== 'auto' && (
                    <Chip
                      size="small"
                      variant="outlined"
                      color={usable(c) ? 'success' : 'default'}
                      label={usable(c) ? '本机可用' : '本机不可用'}
                    />
                  )}
                  {c === settings.pdfEngine && <Chip size="small" color="primary" label="已选定" />}
                </Stack>
                <Typography variant="caption" color="text.secondary">
                  {pdfEngineLabels[c].explanation}
                </Typography>
              </Box>
            }
          />
        ))}
      </RadioGroup>
      <Typography variant="body2" color="text.secondary" data-testid="pdf-engine-in-use" sx={{ mb: 1.5 }}>
        当前使用：{pdfEngineLabels[settings.pdfEngineInUse].label}
        {active}
      </Typography>
      <Stack direction="row" spacing={1}>
        {canEdit && (
          <Button
            variant="contained"
            loading={saving}
            disabled={choice === settings.pdfEngine || testing}
            onClick={() => void save()}
            data-testid="pdf-engine-save"
          >
            保存
          </Button>
        )}
        <Button
          variant="outlined"
          startIcon={<PrintOutlinedIcon />}
          loading={testing}
          disabled={saving}
          onClick={() => void test()}
          data-testid="pdf-test"
        >
          试打印
        </Button>
      </Stack>
      {testing && <LinearProgress sx={{ mt: 1.5 }} />}
      {trial && (
        <Alert severity={trial.ok ? 'success' : 'error'} sx={{ mt: 1.5 }} data-testid="pdf-test-result" role="status">
          {trial.ok
            ? `试打印成功：${pdfEngineLabels[trial.result.engine].label}将样例文书（送达回证）转换为${trial.result.pages}页PDF，用时${(trial.result.ms / 1000).toFixed(1)}秒`
            : `试打印失败：${trial.message}`}
        </Alert>
      )}
    </Section>
  );
}
