/** 合法性审查: the checklist before a decision or 结案 — each rule, pass or fail, its article and what it looked at. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutlined';
import type { LegalityReview } from '#common/schemas/cases';
import { Citation } from '#renderer/components/Citation';
import { Section } from '#renderer/components/Section';

export function LegalityPanel({ review }: { review: LegalityReview }) {
  const failed = review.checks.filter((c) => !c.passed).length;
  return (
    <Section title={review.point === 'decision' ? '合法性审查（决定前）' : '合法性审查（结案前）'} testId="legality">
      <Alert severity={failed ? 'error' : 'success'} sx={{ mb: 1.5 }} data-testid="legality-summary">
        {failed ? `${failed}项未通过：未通过的项目阻止提交，负责人可书面说明理由后决定继续办理。` : '各项均已通过。'}
      </Alert>
      <Stack spacing={1}>
        {review.checks.map((c) => (
          <Box
            key={c.id}
            data-testid={`legality-${c.id}`}
            data-passed={c.passed ? 'true' : 'false'}
            sx={{ display: 'flex', gap: 1 }}
          >
            {!c.applicable ? (
              <RemoveCircleOutlineIcon fontSize="small" color="disabled" titleAccess="不适用" />
            ) : c.passed ? (
              <CheckCircleIcon fontSize="small" color="success" titleAccess="通过" />
            ) : (
              <CancelIcon fontSize="small" color="error" titleAccess="未通过" />
            )}
            <Box sx={{ flex: 1 }}>
              <Typography
                variant="body2"
                sx={{ fontWeight: 500 }}
                color={c.applicable ? 'text.primary' : 'text.disabled'}
              >
                {c.name}
                {!c.applicable && '（不适用）'}
              </Typography>
              {c.message && (
                <Typography variant="body2" color={c.passed ? 'text.secondary' : 'error'}>
                  {c.message}
                </Typography>
              )}
              {c.evidence.length > 0 && (
                <Typography variant="caption" color="text.secondary" component="div">
                  依据材料：{c.evidence.join('；')}
                </Typography>
              )}
              <Citation text={c.citation} />
            </Box>
          </Box>
        ))}
      </Stack>
    </Section>
  );
}
