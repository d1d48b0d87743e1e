/** 当事人: searches the enterprise directory by name or 统一社会信用代码 as the clerk types. */
import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Enterprise } from '#common/schemas/reference';
import { useDebounced } from '#renderer/hooks/useDebounced';
import { useOp } from '#renderer/hooks/useOp';
import { requiredPickerInput } from './pickerInput';

interface Props {
  value: Enterprise | null;
  onChange(e: Enterprise | null): void;
  error?: string | undefined;
  disabled?: boolean;
}

export function EnterprisePicker({ value, onChange, error, disabled }: Props) {
  const [input, setInput] = useState('');
  const query = useDebounced(input.trim(), 250);
  // Typing into the box after a pick shows the picked name: no new search for it.
  const search = useOp('enterprises.search', value && query === value.name ? null : { query, limit: 20 });
  const { loading, error: searchError } = search;
  const options = loading ? [] : (search.data ?? []);

  // While the clerk is still typing, the list answers an older query: show "检索中" instead.
  const stale = input.trim() !== query && !(value && input === value.name);
  const shown = stale ? [] : options;
  return (
    <Autocomplete
      value={value}
      options={value && !shown.some((o) => o.id === value.id) ? [value, ...shown] : shown}
      loading={loading || stale}
      disabled={disabled}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(o) => o.name}
      onChange={(_, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_, v) => setInput(v)}
      noOptionsText={searchError ?? '企业名录中没有匹配的企业'}
      loadingText="检索中…"
      renderOption={({ key, ...props }, o) => (
        <Box component="li" key={key} {...props}>
          <Box>
            <Typography variant="body2">{o.name}</Typography>
            <Typography variant="caption" color="text.secondary">
              {o.uscc} · 法定代表人 {o.legalRepresentative} · {o.county}
            </Typography>
          </Box>
        </Box>
      )}
      renderInput={requiredPickerInput(
        '当事人（输入企业名称或统一社会信用代码）',
        error,
        value ? `${value.uscc} · ${value.address}` : ' ',
        'enterprise-input',
      )}
    />
  );
}
