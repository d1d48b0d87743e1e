/**
 * 本局文书信息: what the bureau's notices and decisions print and only the bureau knows — the address
 * and telephone for a statement, defence or hearing request (告知书), the court for 行政诉讼 and where
 * a fine is paid (决定书). Until they are set, those documents are not generated. Checked here as the
 * core checks them (common/bureauInfo.ts), so a wrong value is named before it is sent.
 */
import { useEffect, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  bureauInfoKeys,
  bureauInfoLabels,
  bureauInfoProblems,
  hasPaymentRoute,
  type BureauInfo,
  type BureauInfoKey,
} from '#common/bureauInfo';
import type { SettingsView } from '#common/schemas/settings';
import { send } from '#renderer/api/send';
import { fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';
import { Section } from '#renderer/components/Section';

const hints: Record<BureauInfoKey, string> = {
  officeAddress: '告知书写明：当事人向此地址提出陈述、申辩或者听证申请',
  officePhone: '如 0855-7521234',
  litigationCourt: '本局所在地的基层人民法院，或经批准跨区域管辖行政案件的人民法院（行政诉讼法第十四条、第十八条）',
  paymentBank: '开户银行、户名、账号一并填写',
  paymentAccountName: '如：某某县财政局非税收入汇缴结算户',
  paymentAccountNo: '数字，可含空格',
  nonTaxPaymentCode: '使用非税收入电子缴款系统的，填写缴款码（可与银行账户二选一或都填）',
};
const wide: ReadonlySet<BureauInfoKey> = new Set(['officeAddress', 'litigationCourt', 'paymentAccountName']);

export function BureauInfoSection({
  info,
  canEdit,
  onChanged,
}: {
  info: BureauInfo;
  canEdit: boolean;
  onChanged(s: SettingsView): void;
}) {
  const notifier = useNotifier();
  const [values, setValues] = useState<BureauInfo>(info);
  const [errors, setErrors] = useState<Partial<Record<BureauInfoKey, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setValues(info), [info]);

  const changed = bureauInfoKeys.some((k) => values[k].trim() !== info[k]);
  const missing = [
    ...(!info.officeAddress || !info.officePhone ? ['本局地址和联系电话（告知书）'] : []),
    ...(!info.litigationCourt ? ['行政诉讼管辖法院（决定书）'] : []),
    ...(!hasPaymentRoute(info) ? ['罚款缴纳方式（决定书）'] : []),
  ];

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (saving) return;
    const trimmed = Object.fromEntries(bureauInfoKeys.map((k) => [k, values[k].trim()])) as BureauInfo;
    const problems = bureauInfoProblems(trimmed);
    setErrors(Object.fromEntries(problems.map((p) => [p.path, p.message])));
    setFailure(null);
    if (problems.length) return;
    setSaving(true);
    try {
      onChanged(await send('settings.update', { bureauInfo: trimmed }));
      notifier.success('已保存本局文书信息，此后生成的告知书、决定书使用新信息');
    } catch (err) {
      setErrors(fieldErrorsOf(err) as Partial<Record<BureauInfoKey, string>>);
      setFailure(messageOf(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section
      title="本局文书信息"
      subtitle="告知书、决定书必须写明的本局信息；未填写的，相应文书不能生成"
      testId="settings-bureau-info"
    >
      {missing.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1.5 }} data-testid="bureau-info-missing">
          尚未填写：{missing.join('、')}
        </Alert>
      )}
      <Grid container spacing={2} component="form" onSubmit={(e: FormEvent) => void save(e)} noValidate>
        {bureauInfoKeys.map((k) => (
          <Grid key={k} size={{ xs: 12, md: wide.has(k) ? 8 : 4 }}>
            <TextField
              fullWidth
              size="small"
              label={bureauInfoLabels[k]}
              value={values[k]}
              disabled={!canEdit || saving}
              onChange={(e) => {
                setValues((v) => ({ ...v, [k]: e.target.value }));
                setErrors((x) => ({ ...x, [k]: '' }));
              }}
              error={Boolean(errors[k])}
              helperText={errors[k] || hints[k]}
              slotProps={{ htmlInput: { 'data-testid': `bureau-info-${k}`, maxLength: 200 } }}
            />
          </Grid>
        ))}
        {canEdit && (
          <Grid size={12}>
            <Button
              type="submit"
              variant="outlined"
              loading={saving}
              disabled={!changed}
              data-testid="bureau-info-save"
            >
              保存
            </Button>
          </Grid>
        )}
      </Grid>
      {failure && (
        <Alert severity="error" sx={{ mt: 1.5 }} data-testid="bureau-info-error">
          {failure}
        </Alert>
      )}
      {!canEdit && (
        <Typography variant="caption" color="text.secondary">
          只有局负责人可以修改。
        </Typography>
      )}
    </Section>
  );
}
