/**
 * 案件页: where the case stands (header, phases), what the law requires next and which actions are
 * lawful now (with the reasons for the others), the deadlines, and the tabs for 文书 / 证据 /
 * 卷宗 / 历史. Every change re-renders from the CaseView the core returns.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { TemplateInfo } from '#common/schemas/documents';
import { useEffect } from 'react';
import { useNotifier } from '#renderer/app/notifier';
import { dropDraftForm, pendingDraftForm } from '#renderer/app/pendingForm';
import { navigate, type CaseTab } from '#renderer/app/route';
import { useOp } from '#renderer/hooks/useOp';
import { CaseHeader } from './CaseHeader';
import { PhaseStepper } from './PhaseStepper';
import { WorkPanel } from './WorkPanel';
import { DeadlinesPanel } from './DeadlinesPanel';
import { CaseLawPanel } from './CaseLawPanel'; // cited articles
import { LegalBasisPanel } from './LegalBasisPanel'; // the law of the act's date (从旧兼从轻)
import { LegalityPanel } from './LegalityPanel';
import { ReviewSummaryPanel } from './ReviewSummaryPanel'; // what the reviewer approves
import { TracksPanel } from './TracksPanel';
import { DocumentsPanel } from './documents/DocumentsPanel';
import { EvidencePanel } from './evidence/EvidencePanel';
import { DossierPanel } from './dossier/DossierPanel';
import { HistoryPanel } from './HistoryPanel';
import { FileReviewPanel } from './review/FileReviewPanel'; // 案卷评查 before 归档
import { useCaseView } from './useCaseView';
import { CaseSyncConflicts } from './CaseSyncConflicts'; // this desk's actions another desk's work overtook
import { CaseFieldTask } from './CaseFieldTask'; // the 现场检查任务 the case came from

const noTemplates: TemplateInfo[] = [];
const tabLabels: Record<CaseTab, string> = { documents: '文书', evidence: '证据', dossier: '卷宗', history: '历史' };

/** `focus`: the document or evidence item a search hit opens at (#/cases/<id>/<tab>/<item id>). */
export function CasePage({ caseId, tab, focus }: { caseId: string; tab: CaseTab; focus?: string }) {
  const { view, error, set, reload } = useCaseView(caseId);
  const notifier = useNotifier();
  const templates = useOp('templates.list', {}, { onError: notifier.error }).data ?? noTemplates;
  // 我的草稿 → 打开: the panels below (their effects run first) opened the form if it is offered now.
  const loaded = Boolean(view) && templates.length > 0;
  useEffect(() => {
    const p = pendingDraftForm();
    if (!loaded || !p || p.caseId !== caseId) return;
    dropDraftForm();
    notifier.info('该草稿所属的表单在案件当前阶段不能办理；草稿仍保留，可在“我的草稿”中丢弃。');
  }, [loaded, caseId, notifier]);

  if (error && !view) {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" onClick={() => navigate({ name: 'cases' })}>
            返回列表
          </Button>
        }
      >
        {error}
      </Alert>
    );
  }
  if (!view)
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', py: 10 }}>
        <CircularProgress />
      </Box>
    );

  return (
    <Stack spacing={2} data-testid="case-page">
      <CaseHeader view={view} />
      <CaseSyncConflicts view={view} />
      <CaseFieldTask caseId={caseId} />
      <Paper sx={{ px: 2, py: 2.5 }}>
        <PhaseStepper phases={view.phases} nodeName={view.nodeName} />
      </Paper>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 8 }}>
          <Stack spacing={2}>
            <ReviewSummaryPanel caseId={caseId} version={view.state.version} />
            <WorkPanel view={view} templates={templates} onView={set} onReload={reload} />
            <TracksPanel view={view} templates={templates} onView={set} onReload={reload} />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Stack spacing={2}>
            {view.legality && <LegalityPanel review={view.legality} />}
            <FileReviewPanel view={view} onReload={reload} />
            <DeadlinesPanel
              deadlines={view.deadlines}
              trackNames={Object.fromEntries(view.tracks.map((t) => [t.id, t.name]))}
            />
            <LegalBasisPanel view={view} onView={set} />
            <CaseLawPanel view={view} />
          </Stack>
        </Grid>
      </Grid>
      <Paper>
        <Tabs
          value={tab}
          onChange={(_, t: CaseTab) => navigate({ name: 'case', caseId, tab: t })}
          sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
        >
          {(Object.keys(tabLabels) as CaseTab[]).map((t) => (
            <Tab key={t} value={t} label={tabLabels[t]} data-testid={`tab-${t}`} />
          ))}
        </Tabs>
        <Box sx={{ p: 2 }}>
          {tab === 'documents' && <DocumentsPanel view={view} onChanged={() => void reload()} focus={focus} />}
          {tab === 'evidence' && <EvidencePanel view={view} onChanged={reload} focus={focus} />}
          {tab === 'dossier' && <DossierPanel view={view} onChanged={reload} />}
          {tab === 'history' && <HistoryPanel caseId={caseId} version={view.state.version} />}
        </Box>
      </Paper>
    </Stack>
  );
}
