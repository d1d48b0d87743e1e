/** 筛选: 立案年度, 办理状态, 违法行为类型, 承办人, 当事人 — each narrows the hits; empty means any. */
import Autocomplete from '@mui/material/Autocomplete';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Officer, ViolationType } from '#common/schemas/reference';

export interface Filters {
  year: string;
  state: '' | 'open' | 'closed';
  violationId: string;
  officerId: string;
  party: string;
}

export const noFilters: Filters = { year: '', state: '', violationId: '', officerId: '', party: '' };

/** The filters as search.query takes them (empty ones left out). */
export function filterInput(f: Filters): {
  year?: number;
  state?: 'open' | 'closed';
  violationId?: string;
  officerId?: string;
  party?: string;
} {
  return {
    ...(f.year ? { year: Number(f.year) } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...(f.violationId ? { violationId: f.violationId } : {}),
    ...(f.officerId ? { officerId: f.officerId } : {}),
    ...(f.party.trim() ? { party: f.party.trim() } : {}),
  };
}

export function yearsUpTo(thisYear: number, from = 2020): number[] {
  return Array.from({ length: Math.max(1, thisYear - from + 1) }, (_, i) => thisYear - i);
}

export function SearchFilters({
  value,
  onChange,
  officers,
  violations,
}: {
  value: Filters;
  onChange(f: Filters): void;
  officers: Officer[];
  violations: ViolationType[];
}) {
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} data-testid="search-filters">
      <TextField
        select
        size="small"
        label="立案年度"
        value={value.year}
        onChange={(e) => set({ year: e.target.value })}
        sx={{ minWidth: 120 }}
        slotProps={{ htmlInput: { 'data-testid': 'search-filter-year' } }}
      >
        <MenuItem value="">全部</MenuItem>
        {yearsUpTo(new Date().getFullYear()).map((y) => (
          <MenuItem key={y} value={String(y)}>
            {y}年
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label="办理状态"
        value={value.state}
        onChange={(e) => set({ state: e.target.value as Filters['state'] })}
        sx={{ minWidth: 120 }}
        slotProps={{ htmlInput: { 'data-testid': 'search-filter-state' } }}
      >
        <MenuItem value="">全部</MenuItem>
        <MenuItem value="open">办理中</MenuItem>
        <MenuItem value="closed">已结案</MenuItem>
      </TextField>
      <Autocomplete
        size="small"
        options={violations}
        value={violations.find((v) => v.id === value.violationId) ?? null}
        getOptionLabel={(v) => v.name}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        onChange={(_, v) => set({ violationId: v?.id ?? '' })}
        noOptionsText="没有该类型"
        sx={{ minWidth: 240, flex: 1 }}
        renderInput={(params) => <TextField {...params} label="违法行为类型" />}
      />
      <TextField
        select
        size="small"
        label="承办人"
        value={value.officerId}
        onChange={(e) => set({ officerId: e.target.value })}
        sx={{ minWidth: 120 }}
        slotProps={{ htmlInput: { 'data-testid': 'search-filter-officer' } }}
      >
        <MenuItem value="">全部</MenuItem>
        {officers.map((o) => (
          <MenuItem key={o.id} value={o.id}>
            {o.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        label="当事人"
        value={value.party}
        onChange={(e) => set({ party: e.target.value })}
        slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'search-filter-party' } }}
      />
    </Stack>
  );
}
