/**
 * 法律法规: the laws loaded (with their versions), the articles of one, full-text search, and the
 * import of statute texts (Markdown). The texts are not shipped with the program; until they are
 * imported, cases cite articles by number and say the text is not loaded.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useOp } from '#renderer/hooks/useOp';
import { useNotifier } from '#renderer/app/notifier';
import { useCanCall } from '#renderer/app/canCall';
import { useDebounced } from '#renderer/hooks/useDebounced';
import { LawList } from './LawList';
import { LawText } from './LawText';
import { LawSearchResults } from './LawSearchResults';
import { LawImportDialog } from './LawImportDialog';
import { SearchBox, TitleWithImport } from '#renderer/components/SearchHeader';

export function LawsScreen({ law, article }: { law: string | null; article: number | null }) {
  const can = useCanCall();
  const notifier = useNotifier();
  const { data: laws, reload } = useOp('laws.list', {}, { onError: notifier.error });
  const [query, setQuery] = useState('');
  const [importing, setImporting] = useState(false);
  const debounced = useDebounced(query.trim(), 300);

  const canImport = can('laws.import');
  const selected = laws?.find((l) => l.id === law) ?? null;

  return (
    <Stack spacing={2} data-testid="laws-page">
      <TitleWithImport
        title="法律法规"
        importAction={
          canImport ? { label: '导入法律文本', testId: 'laws-import', onClick: () => setImporting(true) } : undefined
        }
      />
      <SearchBox
        placeholder="检索条文，如：排污许可证、逃避监管、化工（多个词用空格分隔）"
        value={query}
        onChange={setQuery}
        testId="laws-search"
        ariaLabel="检索条文"
      />
      {laws && laws.length === 0 && (
        <Alert severity="info" data-testid="laws-empty">
          法律法规库为空。法律文本不随程序提供：
          {canImport
            ? '请点击“导入法律文本”，选择 Markdown 格式（.md）的法律文件。'
            : '请联系法制审核人员或负责人导入。'}
          在导入之前，案件和文书按条文序号引用法律，并标明“条文未载入”。
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 3 }}>
          <LawList laws={laws ?? []} selected={law} />
        </Grid>
        <Grid size={{ xs: 12, md: 9 }}>
          {debounced ? (
            <LawSearchResults query={debounced} onOpen={() => setQuery('')} />
          ) : selected ? (
            <LawText key={selected.id} law={selected} article={article} />
          ) : law && laws ? (
            <Alert severity="warning" data-testid="law-not-loaded">
              法律法规库中没有《{law}》：条文未载入。
            </Alert>
          ) : (
            laws &&
            laws.length > 0 && (
              <Typography color="text.secondary" sx={{ p: 2 }}>
                请在左侧选择一部法律，或在上方检索条文。
              </Typography>
            )
          )}
        </Grid>
      </Grid>
      {importing && <LawImportDialog onClose={() => setImporting(false)} onImported={reload} />}
    </Stack>
  );
}
