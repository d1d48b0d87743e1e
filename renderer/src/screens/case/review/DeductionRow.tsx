/** One deduction of the 案卷评查: what was found, its points, article and page, and the answer to it (认可 / 有异议, with a reason). */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ReviewDeduction, ReviewResponse } from '#common/schemas/fileReview';
import { Citation } from '#renderer/components/Citation';

export function DeductionRow({
  deduction: d,
  answer,
  canAnswer,
  pending,
  onAnswer,
}: {
  deduction: ReviewDeduction;
  answer: ReviewResponse | undefined;
  canAnswer: boolean;
  pending: boolean;
  onAnswer(verdict: 'accept' | 'dispute', reason: string): Promise<boolean>;
}) {
  const [verdict, setVerdict] = useState<'accept' | 'dispute' | null>(null);
  const [reason, setReason] = useState('');
  const submit = async (): Promise<void> => {
    if (verdict && (await onAnswer(verdict, reason))) {
      setVerdict(null);
      setReason('');
    }
  };
  return (
    <Box data-testid={`review-deduction-${d.id}`} sx={{ borderLeft: 3, borderColor: 'warning.main', pl: 1 }}>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {d.checks}（扣{d.points}分）
      </Typography>
      <Typography variant="body2" color="error">
        {d.message}
      </Typography>
      {d.page && (
        <Typography variant="caption" color="text.secondary" component="div">
          见{d.page}
        </Typography>
      )}
      <Citation text={d.basis} />
      {answer && (
        <Typography variant="caption" component="div" data-testid={`review-answer-${d.id}`}>
          {answer.verdict === 'accept' ? '认可' : '有异议'}：{answer.reason}（{answer.byName}）
        </Typography>
      )}
      {canAnswer && !verdict && (
        <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
          <Button size="small" onClick={() => setVerdict('accept')} data-testid={`review-accept-${d.id}`}>
            认可
          </Button>
          <Button
            size="small"
            color="warning"
            onClick={() => setVerdict('dispute')}
            data-testid={`review-dispute-${d.id}`}
          >
            有异议
          </Button>
        </Stack>
      )}
      {verdict && (
        <Stack direction="row" spacing={1} sx={{ mt: 0.5, alignItems: 'flex-start' }}>
          <TextField
            size="small"
            fullWidth
            multiline
            label={verdict === 'accept' ? '认可的理由' : '异议的理由'}
            value={reason}
            disabled={pending}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': `review-reason-${d.id}`, maxLength: 1000 } }}
          />
          <Button variant="contained" size="small" disabled={pending || !reason.trim()} onClick={() => void submit()}>
            提交
          </Button>
          <Button size="small" disabled={pending} onClick={() => setVerdict(null)}>
            取消
          </Button>
        </Stack>
      )}
    </Box>
  );
}
