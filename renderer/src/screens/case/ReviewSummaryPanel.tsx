/**
 * 审查摘要: what the reviewer or head approves, without opening a PDF — the 调查报告's facts, the
 * evidence on file, the applied provision, the proposed penalty, the 裁量 choices and calculation,
 * and each item of the legality checklist with its result. All from the core's `cases.reviewSummary`
 * (the case's record); the page shows it only where the core gives one (审查, 法制审核, 审批).
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { ReviewSummary } from '#common/schemas/reviewSummary';
import { formatYuan } from '#common/money';
import { useOp } from '#renderer/hooks/useOp';
import { Section } from '#renderer/components/Section';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '6.5em 1fr', gap: 1.5 }} data-testid={testId}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Box sx={{ minWidth: 0 }}>{children}</Box>
    </Box>
  );
}

const text = (t: string) => (
  <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
    {t}
  </Typography>
);

function checkResult(c: ReviewSummary['legality']['checks'][number]): string {
  return !c.applicable ? '不适用' : c.passed ? '通过' : '未通过';
}

export function ReviewSummaryView({ summary: s }: { summary: ReviewSummary }) {
  const failed = s.legality.checks.filter((c) => !c.passed).length;
  const d = s.penalty.decision;
  return (
    <Section title="审查摘要" subtitle={`${s.nodeName}：审查以下内容，均取自案件记录`} testId="review-summary">
      <Stack spacing={1.25}>
        <Row label="违法事实" testId="summary-facts">
          {text(s.facts)}
        </Row>
        <Row label="证据清单" testId="summary-evidence">
          {s.evidence.length === 0 ? (
            text('尚无证据材料')
          ) : (
            <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
              {s.evidence.map((e) => (
                <Typography component="li" variant="body2" key={e.id}>
                  {e.kind}
                  {e.description && `：${e.description}`}
                  {e.on && `（${e.on}）`}
                </Typography>
              ))}
            </Box>
          )}
        </Row>
        <Row label="法律依据" testId="summary-basis">
          {text(`违法行为：${s.legalBasis.violation}`)}
          {s.legalBasis.breached.length > 0 && text(`违反：${s.legalBasis.breached.join('、')}`)}
          {text(`处罚依据：${s.legalBasis.penaltyProvision}（${s.legalBasis.bandText}）`)}
          {s.legalBasis.statement && text(s.legalBasis.statement)}
          {s.legalBasis.undecided && (
            <Typography variant="body2" color="warning.main">
              {s.legalBasis.undecided}
            </Typography>
          )}
        </Row>
        <Row label="拟处罚" testId="summary-penalty">
          {text(`拟罚款${formatYuan(s.penalty.proposedFine)}`)}
          {s.penalty.noticedFine !== null && text(`告知书告知罚款${formatYuan(s.penalty.noticedFine)}`)}
          {d && text(`决定：${d.kind}${d.fine > 0 ? `，罚款${formatYuan(d.fine)}` : ''}${d.warning ? '，警告' : ''}`)}
          {s.penalty.reasoning && text(`裁量理由：${s.penalty.reasoning}`)}
        </Row>
        <Row label="裁量计算" testId="summary-discretion">
          {s.discretion
            ? text(`${s.discretion.explanation}（裁量基准${s.discretion.benchmarkVersion}版）`)
            : text('未使用裁量计算，罚款数额以裁量理由为据')}
        </Row>
        <Row label="合法性审查" testId="summary-legality">
          <Alert severity={failed ? 'error' : 'success'} sx={{ py: 0, mb: 0.5 }}>
            {failed ? `${failed}项未通过` : '各项均已通过'}
          </Alert>
          <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none' }}>
            {s.legality.checks.map((c) => (
              <Typography
                component="li"
                variant="body2"
                key={c.id}
                data-testid={`summary-check-${c.id}`}
                data-result={checkResult(c)}
                color={!c.applicable ? 'text.disabled' : c.passed ? 'text.primary' : 'error'}
              >
                {checkResult(c)}　{c.name}
                {c.message && !c.passed ? `：${c.message}` : ''}
              </Typography>
            ))}
          </Box>
        </Row>
      </Stack>
    </Section>
  );
}

/** Asks the core for the summary of this case version; nothing where the core gives none. */
export function ReviewSummaryPanel({ caseId, version }: { caseId: string; version: number }) {
  const { data } = useOp('cases.reviewSummary', { caseId }, { refresh: version });
  return data ? <ReviewSummaryView summary={data} /> : null;
}
