/** The current node: its name and article, what the law requires, its documents and the actions. */
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { CaseView } from '../../../../common/schemas/cases';
import type { TemplateInfo } from '../../../../common/schemas/documents';
import { Citation } from '../../components/Citation';
import { Section } from '../../components/Section';
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
  return <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>{children}</Typography>;
}

export function WorkPanel({ view, templates, onView, onReload }: Props) {
  const closed = view.state.node === 'closed';
  return (
    <Section title={`当前环节：${view.nodeName}`} subtitle={<Citation text={view.nodeCitation} />} testId="work-panel">
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
