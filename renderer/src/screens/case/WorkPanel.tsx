/** The current node: its name and article, what the law requires, its documents and the actions. */
import Alert from '@mui/material/Alert';
import Divider from '@mui/material/Divider';
import { formatYuan } from '#common/money';
import Typography from '@mui/material/Typography';
import type { CaseView } from '#common/schemas/cases';
import type { TemplateInfo } from '#common/schemas/documents';
import { Citation } from '#renderer/components/Citation';
import { Section } from '#renderer/components/Section';
import { RequirementsList } from './RequirementsList';
import { ActionsPanel } from './actions/ActionsPanel';
import { NodeDocuments } from './documents/NodeDocuments';
import { CaseOutcome } from './CaseOutcome';

interface Props {
  view: CaseView;
  templates: TemplateInfo[];
  onView(view: CaseView): void;
  /** Fetch the view again: after a document was made, or when the case changed meanwhile. */
  onReload(): Promise<void>;
}

function Heading({ children }: { children: string }) {
  return (
    <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
      {children}
    </Typography>
  );
}

export function WorkPanel({ view, templates, onView, onReload }: Props) {
  const closed = Boolean(view.state.closedOn);
  return (
    <Section title={`当前环节：${view.nodeName}`} subtitle={<Citation text={view.nodeCitation} />} testId="work-panel">
      {view.suspended && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="suspended">
          案件已中止。中止期间不计入办案期限；中止原因消除后由负责人恢复办理。
        </Alert>
      )}
      {view.surcharge && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="surcharge">
          当事人逾期未缴纳罚款{view.surcharge.days}日，依法每日按罚款数额的3%加处罚款，现为
          {formatYuan(view.surcharge.amount)}
          {view.surcharge.cappedAtFine ? '（已达罚款数额，不再增加）' : ''}。（行政处罚法第七十二条第一款）
        </Alert>
      )}
      {closed && (
        <>
          <CaseOutcome view={view} />
          <Divider sx={{ my: 2 }} />
        </>
      )}
      {!closed && (
        <>
          <Heading>要求</Heading>
          <RequirementsList requirements={view.requirements} />
          <Divider sx={{ my: 2 }} />
          <Heading>本环节文书</Heading>
          <NodeDocuments view={view} templates={templates} onGenerated={onReload} />
          <Divider sx={{ my: 2 }} />
        </>
      )}
      <Heading>可执行的操作</Heading>
      <ActionsPanel view={view} onView={onView} onStale={onReload} />
    </Section>
  );
}
