/**
 * 企业名录: search the directory by name, 统一社会信用代码, 法定代表人, address or pinyin initials;
 * a row opens the enterprise's page. Reviewers and heads import the province's file here.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useCanCall } from '#renderer/app/canCall';
import { navigate } from '#renderer/app/route';
import { useDebounced } from '#renderer/hooks/useDebounced';
import { useOp } from '#renderer/hooks/useOp';
import { EnterpriseTable } from './EnterpriseTable';
import { EnterpriseImportDialog } from './EnterpriseImportDialog';

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
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          企业名录
        </Typography>
        {canImport && (
          <Button
            data-testid="enterprises-import"
            variant="contained"
            startIcon={<UploadFileIcon />}
            onClick={() => setImporting(true)}
          >
            导入企业名录
          </Button>
        )}
      </Stack>
      <Paper sx={{ p: 1.5 }}>
        <TextField
          fullWidth
          autoFocus
          placeholder="输入企业名称、统一社会信用代码、法定代表人、地址或拼音首字母（如 xyhg）"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          slotProps={{
            htmlInput: { 'data-testid': 'enterprises-search', 'aria-label': '检索企业', maxLength: 100 },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
      </Paper>
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
