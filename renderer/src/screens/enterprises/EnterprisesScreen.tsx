/**
 * 企业名录: search the directory by name, 统一社会信用代码, 法定代表人, address or pinyin initials;
 * a row opens the enterprise's page. Reviewers and heads import the province's file here.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useCanCall } from '#renderer/app/canCall';
import { navigate } from '#renderer/app/route';
import { useDebounced } from '#renderer/hooks/useDebounced';
import { useOp } from '#renderer/hooks/useOp';
import { EnterpriseTable } from './EnterpriseTable';
import { EnterpriseImportDialog } from './EnterpriseImportDialog';
import { SearchBox, TitleWithImport } from '#renderer/components/SearchHeader';

const pageSize = 50;

export function EnterprisesScreen() {
  const can = useCanCall();
  const [query, setQuery] = useState('');
  const [importing, setImporting] = useState(false);
  const debounced = useDebounced(query.trim(), 250);
  const search = useOp('enterprises.search', { query: debounced, limit: pageSize });
  const { loading, error } = search;
  const rows = search.data ?? [];

  const canImport = can('enterprises.import');
  return (
    <Stack spacing={2} data-testid="enterprises-page">
      <TitleWithImport
        title="企业名录"
        importAction={
          canImport
            ? { label: '导入企业名录', testId: 'enterprises-import', onClick: () => setImporting(true) }
            : undefined
        }
      />
      <SearchBox
        autoFocus
        placeholder="输入企业名称、统一社会信用代码、法定代表人、地址或拼音首字母（如 xyhg）"
        value={query}
        onChange={setQuery}
        testId="enterprises-search"
        ariaLabel="检索企业"
      />
      {error && <Alert severity="error">{error}</Alert>}
      <EnterpriseTable
        rows={rows}
        loading={loading || query.trim() !== debounced}
        caption={
          debounced
            ? rows.length >= pageSize
              ? `显示最相关的前${pageSize}家，请输入更多文字缩小范围`
              : `共找到${rows.length}家`
            : `按名称排列的前${pageSize}家`
        }
        onOpen={(e) => navigate({ name: 'enterprise', id: e.id })}
      />
      {importing && (
        <EnterpriseImportDialog onClose={() => setImporting(false)} onImported={() => void search.reload()} />
      )}
    </Stack>
  );
}
