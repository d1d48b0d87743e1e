/**
 * 附加程序: the tracks running alongside the main procedure (责令改正, 查封扣押 …), each with where it
 * stands, what it requires and its actions; and the tracks the user may start from here.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import type { CaseView, StartableTrack } from '#common/schemas/cases';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { useNotifier } from '#renderer/app/notifier';
import { useCanCall } from '#renderer/app/canCall';
import { mayEverStart } from './actions/mayEverDo';
import { Citation } from '#renderer/components/Citation';
import { ConfirmDialog } from '#renderer/components/ConfirmDialog';
import { Section } from '#renderer/components/Section';
import { RequirementsList } from './RequirementsList';
import { ActionsPanel } from './actions/ActionsPanel';
import { NodeDocuments } from './documents/NodeDocuments';
import type { TemplateInfo } from '#common/schemas/documents';

interface Props {
  view: CaseView;
  templates: TemplateInfo[];
  onView(view: CaseView): void;
  onReload(): Promise<void>;
}

export function TracksPanel({ view, templates, onView, onReload }: Props) {
  const notifier = useNotifier();
  const can = useCanCall();
  const [starting, setStarting] = useState<StartableTrack | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A track this user may never start (its attach names other roles) is not offered.
  const startable = can('cases.startTrack') ? view.startableTracks.filter(mayEverStart) : [];
  if (view.tracks.length === 0 && startable.length === 0) return null;

  const start = async (t: StartableTrack): Promise<void> => {
    setPending(true);
    setError(null);
    try {
      onView(
        await send('cases.startTrack', {
          caseId: view.state.id,
          procedure: t.procedure,
          expectedVersion: view.state.version,
        }),
      );
      setStarting(null);
      notifier.success(`已启动：${t.name}`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <Section
      title="附加程序"
      subtitle="与主程序并行：责令改正、查封扣押、按日连续处罚、限产停产、移送等"
      testId="tracks"
    >
      <Stack spacing={2} divider={<Divider />}>
        {view.tracks.map((t) => (
          <Box key={t.id} data-testid={`track-${t.id}`}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
              <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                {t.name}
              </Typography>
              <Chip
                size="small"
                label={t.nodeName}
                color={t.ended ? 'success' : 'primary'}
                variant={t.ended ? 'filled' : 'outlined'}
              />
              <Box sx={{ flex: 1 }} />
              <Citation text={t.nodeCitation} />
            </Stack>
            {!t.ended && <RequirementsList requirements={t.requirements} />}
            {!t.ended && t.documentTypes.length > 0 && (
              <Box sx={{ mt: 1 }}>
                <NodeDocuments
                  view={view}
                  templates={templates}
                  onGenerated={onReload}
                  documentTypes={t.documentTypes}
                  track={t.id}
                />
              </Box>
            )}
            <Box sx={{ mt: 1 }}>
              <ActionsPanel view={view} actions={t.actions} track={t.id} onView={onView} onStale={onReload} />
            </Box>
          </Box>
        ))}
        {startable.length > 0 && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="startable-tracks">
            {startable.map((t) => (
              <Tooltip key={t.procedure} title={t.allowed ? t.citation : t.reasons.map((r) => r.message).join('；')}>
                <span>
                  <Button
                    size="small"
                    variant="outlined"
                    startIcon={<AddIcon />}
                    disabled={!t.allowed}
                    onClick={() => {
                      setError(null);
                      setStarting(t);
                    }}
                    data-testid={`start-track-${t.procedure}`}
                  >
                    启动{t.name}
                  </Button>
                </span>
              </Tooltip>
            ))}
          </Stack>
        )}
      </Stack>
      {starting && (
        <ConfirmDialog
          title={`启动${starting.name}`}
          confirmLabel="确认启动"
          pending={pending}
          onConfirm={() => void start(starting)}
          onClose={() => {
            if (!pending) setStarting(null);
          }}
          testId="start-track-confirm"
        >
          <Typography variant="body2">
            将在本案中启动“{starting.name}”，与主程序并行办理。此操作将记入案件全过程记录。
          </Typography>
          <Citation text={starting.citation} />
          {error && (
            <Typography variant="body2" color="error" sx={{ mt: 1 }}>
              {error}
            </Typography>
          )}
        </ConfirmDialog>
      )}
    </Section>
  );
}
