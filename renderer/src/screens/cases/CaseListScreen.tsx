/** 案件列表: state filter, search by 案号/当事人, 50 rows a page, 立案, 校验/导入电子档案包. */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import { useNotifier } from '#renderer/app/notifier';
import { useCanCall } from '#renderer/app/canCall';
import { useSession } from '#renderer/app/session';
import { primaryQueue } from '#renderer/app/queueLabels';
import { navigate } from '#renderer/app/route';
import { takeDraftForm } from '#renderer/app/pendingForm';
import { openCaseDraftForm } from '#common/schemas/drafts';
import { useDebounced } from '#renderer/hooks/useDebounced';
import { useOp } from '#renderer/hooks/useOp';
import { CaseTable } from './CaseTable';
import { NewCaseButton } from './NewCaseButton'; // 立案, Alt+N
import { OpenCaseAndGo } from './OpenCaseAndGo';
import { PackageDialog } from '../archive/PackageDialog'; // 校验/导入电子档案包

type StateFilter = 'all' | 'open' | 'closed';
const pageSize = 50;

/**
 * What an empty list says. The case list shows a user the cases of his roles: an officer his own, a
 * reviewer and a head the bureau's, anyone else none (the core's caseScope) — exactly the users with no
 * work queue (primaryQueue), such as the administrator, who must not read an empty list as “no cases”.
 */
export function emptyText({
  filtered,
  seesCases,
  canOpen,
}: {
  filtered: boolean;
  seesCases: boolean;
  canOpen: boolean;
}): string {
  if (!seesCases) return '您的账号不查看案件：案件只对承办人员、法制审核人员和负责人可见。';
  if (filtered) return '没有符合条件的案件';
  return canOpen ? '暂无案件。点击右上角“立案”办理第一件案件。' : '暂无案件。';
}

export function CaseListScreen() {
  const { user } = useSession();
  const can = useCanCall();
  const notifier = useNotifier();
  const [filter, setFilter] = useState<StateFilter>('all');
  const [query, setQuery] = useState('');
  // The page belongs to one filter + query: a new search starts again at the first page.
  const [paging, setPaging] = useState({ key: '', page: 0 });
  // 我的草稿 → 打开 on a 立案 draft lands here with the dialog open (it restores the draft).
  const [opening, setOpening] = useState(() => can('cases.open') && takeDraftForm(null, openCaseDraftForm));
  const [packages, setPackages] = useState(false);
  const debouncedQuery = useDebounced(query.trim(), 300);
  const key = `${filter}|${debouncedQuery}`;
  const page = paging.key === key ? paging.page : 0;
  const setPage = (p: number): void => setPaging({ key, page: p });

  const { data, loading } = useOp(
    'cases.list',
    { state: filter, query: debouncedQuery, offset: page * pageSize, limit: pageSize },
    { onError: notifier.error },
  );

  const canOpen = can('cases.open');

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          案件列表
        </Typography>
        {can('dossier.verifyPackage') && (
          <Button data-testid="open-packages" onClick={() => setPackages(true)}>
            校验/导入电子档案包
          </Button>
        )}
        {canOpen && <NewCaseButton onOpen={() => setOpening(true)} dialogOpen={opening} />}
      </Stack>
      <Paper sx={{ p: 1.5 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={filter}
            onChange={(_, v: StateFilter | null) => v && setFilter(v)}
            aria-label="案件状态"
          >
            <ToggleButton value="all" data-testid="filter-all">
              全部
            </ToggleButton>
            <ToggleButton value="open" data-testid="filter-open">
              办理中
            </ToggleButton>
            <ToggleButton value="closed" data-testid="filter-closed">
              已结案
            </ToggleButton>
          </ToggleButtonGroup>
          <TextField
            placeholder="按案号或当事人检索"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            sx={{ maxWidth: 360 }}
            slotProps={{
              htmlInput: { 'data-testid': 'case-search', 'aria-label': '检索案件' },
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon fontSize="small" />
                  </InputAdornment>
                ),
              },
            }}
          />
          <Box sx={{ flex: 1 }} />
          {data && (
            <Typography variant="body2" color="text.secondary">
              共 {data.total} 件
            </Typography>
          )}
        </Stack>
      </Paper>
      <CaseTable
        rows={data?.rows ?? []}
        total={data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={loading}
        onPage={setPage}
        onOpen={(row) => navigate({ name: 'case', caseId: row.id, tab: 'documents' })}
        emptyText={emptyText({
          filtered: filter !== 'all' || debouncedQuery !== '',
          seesCases: primaryQueue(user.roles) !== null,
          canOpen,
        })}
      />
      {opening && <OpenCaseAndGo onClose={() => setOpening(false)} />}
      {packages && <PackageDialog onClose={() => setPackages(false)} />}
    </Stack>
  );
}
