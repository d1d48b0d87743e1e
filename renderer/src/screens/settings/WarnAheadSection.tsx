/** 期限提醒: how many working days before a statutory period ends it shows as 即将到期 (到期提醒, case pages). */
import { useEffect, useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { SettingsView } from '#common/schemas/settings';
import { send } from '#renderer/api/send';
import { fieldErrorsOf, messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';
import { InlineSettingForm } from '#renderer/components/InlineSettingForm';
import { Section } from '#renderer/components/Section';

const rangeMessage = '提前提醒的工作日数应为0至30的整数';

export function WarnAheadSection({
  days,
  canEdit,
  onChanged,
}: {
  days: number;
  canEdit: boolean;
  onChanged(s: SettingsView): void;
}) {
  const notifier = useNotifier();
  const [value, setValue] = useState(String(days));
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => setValue(String(days)), [days]);

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (saving) return;
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 30) {
      setError(rangeMessage);
      return;
    }
    setError('');
    setSaving(true);
    try {
      onChanged(await send('settings.update', { warnAheadWorkingDays: n }));
      notifier.success(`已设置：期限届满前${n}个工作日提醒`);
    } catch (err) {
      setError(fieldErrorsOf(err).warnAheadWorkingDays ?? messageOf(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section
      title="期限提醒"
      subtitle="期限届满前多少个工作日起在“到期提醒”和案件页中标为即将到期"
      testId="settings-deadlines"
    >
      {canEdit ? (
        <InlineSettingForm
          label="提前提醒（工作日）"
          value={value}
          disabled={saving}
          onChange={(v) => {
            setValue(v);
            setError('');
          }}
          onSubmit={(e) => void save(e)}
          error={error}
          hint="0至30"
          testId="settings-warn-ahead"
          width={200}
          inputMode="numeric"
        >
          <Button
            type="submit"
            variant="outlined"
            loading={saving}
            disabled={value === String(days)}
            data-testid="settings-warn-ahead-save"
            sx={{ height: 40 }}
          >
            保存
          </Button>
        </InlineSettingForm>
      ) : (
        <Typography variant="body2" data-testid="settings-warn-ahead-value">
          期限届满前{days}个工作日提醒
        </Typography>
      )}
    </Section>
  );
}
