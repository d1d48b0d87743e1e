/** The documents this node issues, each with 生成 (or 重新生成 once made). */
import { useEffect, useState } from 'react';
import { documentDraftForm } from '#common/schemas/drafts';
import { takeDraftForm } from '#renderer/app/pendingForm';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckIcon from '@mui/icons-material/Check';
import NoteAddOutlinedIcon from '@mui/icons-material/NoteAddOutlined';
import type { CaseView, DocumentRecord } from '#common/schemas/cases';
import type { TemplateInfo } from '#common/schemas/documents';
import { useNotifier } from '#renderer/app/notifier';
import { GenerateDocumentDialog } from './GenerateDocumentDialog';

interface Props {
  view: CaseView;
  templates: TemplateInfo[];
  onGenerated(): Promise<void>;
  /** The documents of a track's current node; the main node's by default. */
  documentTypes?: CaseView['documentTypes'];
  track?: string;
}

export function NodeDocuments({ view, templates, onGenerated, documentTypes = view.documentTypes, track }: Props) {
  const notifier = useNotifier();
  const [generating, setGenerating] = useState<TemplateInfo | null>(null);
  // 我的草稿 → 打开: the document whose generation form holds the draft opens here (templates loaded).
  useEffect(() => {
    for (const t of documentTypes) {
      const template = templates.find((x) => x.id === t.type);
      if (template && takeDraftForm(view.state.id, documentDraftForm(t.type, track))) {
        setGenerating(template);
        return;
      }
    }
  }, [documentTypes, templates, view.state.id, track]);

  const done = (doc: DocumentRecord): void => {
    setGenerating(null);
    notifier.success(`已生成${doc.name}${doc.number ? `（${doc.number}）` : ''}`);
    void onGenerated();
  };

  if (documentTypes.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        本环节不制作文书。
      </Typography>
    );
  }
  return (
    <>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="node-documents">
        {documentTypes.map((t) => {
          const template = templates.find((x) => x.id === t.type);
          return (
            <Box
              key={t.type}
              data-testid={`doctype-${t.type}`}
              sx={{
                display: 'flex',
                alignItems: 'center',
                gap: 1,
                border: 1,
                borderColor: 'divider',
                borderRadius: 1,
                pl: 1.5,
                pr: 0.5,
                py: 0.5,
              }}
            >
              <Typography variant="body2">{t.name}</Typography>
              {!t.hasTemplate && <Chip size="small" variant="outlined" label="模板待补充" />}
              {t.generated && (
                <Chip size="small" color="success" variant="outlined" icon={<CheckIcon />} label="已生成" />
              )}
              <Button
                size="small"
                variant={t.generated ? 'text' : 'contained'}
                startIcon={<NoteAddOutlinedIcon />}
                disabled={!template}
                onClick={() => template && setGenerating(template)}
                data-testid={`generate-${t.type}${track ? `-${track}` : ''}`}
              >
                {t.generated ? '重新生成' : '生成'}
              </Button>
            </Box>
          );
        })}
      </Stack>
      {generating && (
        <GenerateDocumentDialog
          template={generating}
          view={view}
          track={track}
          onClose={() => setGenerating(null)}
          onGenerated={done}
        />
      )}
    </>
  );
}
