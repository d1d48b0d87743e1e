/** 期限: each statutory period with its due date, status and article. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DeadlineView } from '#common/schemas/cases';
import { Citation } from '#renderer/components/Citation';
import { Section } from '#renderer/components/Section';
import { chineseDate } from '#renderer/util/dates';

const statusUi: Record<
  DeadlineView['status'],
  { label: string; color: 'default' | 'success' | 'warning' | 'error' | 'info' }
> = {
  running: { label: '正常', color: 'info' },
  dueSoon: { label: '即将到期', color: 'warning' },
  overdue: { label: '已逾期', color: 'error' },
  met: { label: '已完成', color: 'success' },
};

const periodText = (length: number, unit: DeadlineView['unit']): string =>
  `${length}${unit === 'workingDays' ? '个工作日' : unit === 'months' ? '个月' : '日'}`;
/** “6个月”, or “6个月届满后3个月” for a period counted from the end of another (强制法 art. 53). */
export const unitText = (d: Pick<DeadlineView, 'length' | 'unit' | 'then'>): string =>
  `${periodText(d.length, d.unit)}${d.then ? `届满后${periodText(d.then.length, d.then.unit)}` : ''}`;

export function DeadlinesPanel({
  deadlines,
  trackNames = {},
}: {
  deadlines: DeadlineView[];
  trackNames?: Record<string, string>;
}) {
  const incomplete = deadlines.some((d) => d.calendarIncomplete && d.status !== 'met');
  return (
    <Section title="期限" testId="deadlines">
      {incomplete && (
        <Alert severity="warning" sx={{ mb: 1.5 }} data-testid="calendar-incomplete">
          期限所跨年份的国务院办公厅节假日安排通知尚未导入：以下期限已按《全国年节及纪念日放假办法》推算法定节假日，但连休和调休上班日未知，请人工核对。
        </Alert>
      )}
      {deadlines.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          暂无进行中的法定期限。
        </Typography>
      )}
      <Stack spacing={1.5} divider={<Box sx={{ borderTop: 1, borderColor: 'divider' }} />}>
        {deadlines.map((d) => (
          <Box key={`${d.track}:${d.id}`} data-testid={`deadline-${d.id}`} data-status={d.status}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="body2" sx={{ flex: 1, fontWeight: 500 }}>
                {d.track !== 'main' && trackNames[d.track] ? `【${trackNames[d.track]}】` : ''}
                {d.name}
              </Typography>
              <Chip
                size="small"
                label={statusUi[d.status].label}
                color={statusUi[d.status].color}
                variant={d.status === 'running' ? 'outlined' : 'filled'}
              />
            </Stack>
            <Typography variant="body2" color={d.status === 'overdue' ? 'error' : 'text.primary'}>
              {d.status === 'met' ? '截止' : '应于'} {chineseDate(d.dueOn)}
              {d.status === 'met' ? '' : '前'}
              {d.calendarIncomplete && (
                <Typography component="span" variant="caption" color="warning.main">
                  （已计法定节假日，调休未知）
                </Typography>
              )}
            </Typography>
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
              自{chineseDate(d.startOn)}起{unitText(d)}
              {d.extensions > 0 ? `，已批准延长${d.extensions}次` : ''}
            </Typography>
            <Citation text={d.citation} />
          </Box>
        ))}
      </Stack>
    </Section>
  );
}
