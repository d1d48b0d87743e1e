/**
 * 检索 (#/search/<words>): one search box across the cases this user may see — 案号, 当事人 and its
 * 统一社会信用代码, 案情, the text of each document, evidence captions, OCR'd scans. Filters narrow
 * it; ↑/↓ move through the hits and Enter opens the selected one at its document or evidence item.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import { navigate } from '#renderer/app/route';
import { useDebounced } from '#renderer/hooks/useDebounced';
import { useOp } from '#renderer/hooks/useOp';
import { SearchFilters, filterInput, noFilters, type Filters } from './SearchFilters';
import { SearchResults, hitHref } from './SearchResults';
import { moveSelection } from './searchKeys';

const pageSize = 20;

export function SearchScreen({ q }: { q: string }) {
  const [text, setText] = useState(q);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [selected, setSelected] = useState(-1);
  const [shown, setShown] = useState(pageSize);
  // The app bar's box sends a new query through the hash.
  useEffect(() => setText(q), [q]);
  const query = useDebounced(text.trim(), 250);
  const { data: officers } = useOp('officers.list', {});
  const { data: violations } = useOp('violations.list', {});
  const { data, error, loading } = useOp(
    'search.query',
    query ? { text: query, offset: 0, limit: shown, ...filterInput(filters) } : null,
  );
  // A new search starts at the top.
  const key = `${query}|${JSON.stringify(filters)}`;
  useEffect(() => {
    setSelected(-1);
    setShown(pageSize);
  }, [key]);
  const rows = query ? (data?.rows ?? []) : [];

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    const next = moveSelection(e.key, selected, rows.length);
    if (next !== null) {
      e.preventDefault();
      setSelected(next);
      document.getElementById(`search-hit-${next}`)?.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    if (e.key === 'Enter') {
      const hit = rows[Math.max(0, selected)];
      if (hit) window.location.hash = hitHref(hit);
      else if (text.trim()) navigate({ name: 'search', q: text.trim() });
    }
  };

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        检索
      </Typography>
      <Paper sx={{ p: 1.5 }}>
        <Stack spacing={1.5}>
          <TextField
            fullWidth
            autoFocus
            placeholder="案号、当事人、统一社会信用代码、文书正文、证据说明……多个词用空格分开"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            slotProps={{
              htmlInput: {
                'data-testid': 'search-input',
                'aria-label': '检索词',
                maxLength: 100,
                role: 'combobox',
                'aria-expanded': rows.length > 0,
                'aria-controls': 'search-results',
                'aria-activedescendant': selected >= 0 ? `search-hit-${selected}` : undefined,
              },
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon fontSize="small" />
                  </InputAdornment>
                ),
              },
            }}
          />
          <SearchFilters
            value={filters}
            onChange={setFilters}
            officers={officers ?? []}
            violations={violations ?? []}
          />
        </Stack>
      </Paper>
      <Paper id="search-results">
        <Box sx={{ height: 3 }}>{loading && <LinearProgress sx={{ height: 3 }} />}</Box>
        {error ? (
          <Alert severity="error" data-testid="search-error" sx={{ m: 2 }}>
            {error}
          </Alert>
        ) : !query ? (
          <Typography color="text.secondary" sx={{ p: 2 }} data-testid="search-empty">
            输入要找的词：案号、当事人名称或统一社会信用代码、文书里的一句话、证据说明。只检索您有权查看的案件。
          </Typography>
        ) : data && data.rows.length === 0 ? (
          <Typography color="text.secondary" sx={{ p: 2 }} data-testid="search-none">
            没有找到含“{query}”的案件、文书或证据
            {filterInput(filters) && Object.keys(filterInput(filters)).length ? '（已按筛选条件缩小范围）' : ''}
          </Typography>
        ) : data ? (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }} data-testid="search-total">
              {data.capped ? `找到${data.total}条以上` : `找到${data.total}条`}
              {data.order === 'recent' ? '：结果较多，按类别和时间排列，可加词或筛选以缩小范围' : '，按相关程度排列'}
            </Typography>
            <SearchResults rows={rows} selected={selected} onSelect={setSelected} />
            {data.rows.length < data.total && shown < 200 && (
              <Box sx={{ p: 1, textAlign: 'center' }}>
                <Button onClick={() => setShown((n) => Math.min(200, n + pageSize))} data-testid="search-more">
                  显示更多
                </Button>
              </Box>
            )}
          </>
        ) : null}
      </Paper>
    </Stack>
  );
}
