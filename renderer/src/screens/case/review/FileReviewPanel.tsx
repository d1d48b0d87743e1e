/**
 * 案卷评查 on the case page, before 归档: run the automatic review of the file (review.run), read each of the
 * eight areas' score and every deduction with its article and page, and answer each (review.respond). The
 * result is filed in the 副卷 at the next 组卷. Shown once the case is closed, bound or already reviewed.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { CaseView } from '#common/schemas/cases';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { useCanCall } from '#renderer/app/canCall';
import { useNotifier } from '#renderer/app/notifier';
import { Section } from '#renderer/components/Section';
import { DeductionRow } from './DeductionRow';

export function FileReviewPanel({ view, onReload }: { view: CaseView; onReload(): Promise<void> }) {
  const can = useCanCall();
  const notifier = useNotifier();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = view.state;
  const review = s.fileReview;
  if (!review && !s.closedOn && !s.dossier) return null;
  const caseId = s.id;

  const run = async (): Promise<void> => {
    setPending(true);
    setError(null);
    try {
      const r = await send('review.run', { caseId });
      notifier.success(`评查完成：得分${r.result.score}（满分${r.result.max}）`);
      await onReload();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPending(false);
    }
  };
  const answer = async (deductionId: string, verdict: 'accept' | 'dispute', reason: string): Promise<boolean> => {
    setPending(true);
    setError(null);
    try {
      await send('review.respond', { caseId, deductionId, verdict, reason });
      await onReload();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    } finally {
      setPending(false);
    }
  };

  const answers = new Map((review?.responses ?? []).map((r) => [r.deductionId, r]));
  const lost = review?.result.deductions.filter((d) => d.points > 0) ?? [];
  return (
    <Section title="案卷评查" testId="file-review">
      <Stack spacing={1.5}>
        {can('review.run') && (
          <Box>
            <Button
              variant="outlined"
              size="small"
              disabled={pending}
              onClick={() => void run()}
              data-testid="review-run"
            >
              {review ? '重新评查' : '评查案卷'}
            </Button>
          </Box>
        )}
        {pending && <LinearProgress />}
        {error && <Alert severity="error">{error}</Alert>}
        {!review && (
          <Typography variant="body2">
            尚未评查。评查按八个方面对最近一次组卷的案卷评分，结果在下次组卷时归入副卷。
          </Typography>
        )}
        {review && (
          <>
            <Alert severity={lost.length ? 'warning' : 'success'} data-testid="review-score">
              得分 {review.result.score}／{review.result.max}（{review.result.ranOn}评查，{lost.length}项扣分）
            </Alert>
            {!review.result.weightsVerified && (
              <Typography variant="caption" color="text.secondary">
                各项目分值和扣分标准为本系统拟定，未经与评查指南原文核对。
              </Typography>
            )}
            <Box component="table" sx={{ width: '100%', fontSize: 14, borderCollapse: 'collapse' }}>
              <tbody>
                {review.result.areas.map((a) => (
                  <tr key={a.id} data-testid={`review-area-${a.id}`}>
                    <td>{a.name}</td>
                    <Box
                      component="td"
                      sx={{ textAlign: 'right', color: a.score < a.points ? 'error.main' : undefined }}
                    >
                      {a.score}／{a.points}
                    </Box>
                  </tr>
                ))}
              </tbody>
            </Box>
            {lost.map((d) => (
              <DeductionRow
                key={d.id}
                deduction={d}
                answer={answers.get(d.id)}
                canAnswer={can('review.respond')}
                pending={pending}
                onAnswer={(verdict, reason) => answer(d.id, verdict, reason)}
              />
            ))}
          </>
        )}
      </Stack>
    </Section>
  );
}
