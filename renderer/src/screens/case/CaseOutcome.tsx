/** What the case came to: the fine decided, what was paid, when it was closed (the approvals are in 历史). */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { CaseView } from '#common/schemas/cases';
import { chineseDate } from '#renderer/util/dates';
import { formatYuan } from '#common/money';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2">{value}</Typography>
    </>
  );
}

export function CaseOutcome({ view }: { view: CaseView }) {
  const { state } = view;
  const paid = state.payments.reduce((s, p) => s + p.amount, 0);
  const decision = state.documents.find((d) => d.type === 'penalty-decision' && d.number);
  return (
    <Box
      data-testid="case-outcome"
      sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1 }}
    >
      {state.closedOn && <Row label="结案日期" value={chineseDate(state.closedOn)} />}
      {decision?.number && <Row label="处罚决定书" value={decision.number} />}
      {state.decision && <Row label="罚款金额" value={formatYuan(state.decision.fine)} />}
      {state.payments.length > 0 && (
        <Row
          label="缴款情况"
          value={`已缴 ${formatYuan(paid)}（${state.payments.map((p) => `${p.paidOn} 凭证${p.receiptNo}`).join('；')}）`}
        />
      )}
    </Box>
  );
}
