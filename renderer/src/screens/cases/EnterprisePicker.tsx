/** 当事人: searches the enterprise directory by name or 统一社会信用代码 as the clerk types. */
import { useEffect, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Enterprise } from '#common/schemas/reference';
import { send } from '../../api/send';
import { messageOf } from '../../api/errors';
import { useDebounced } from '../../hooks/useDebounced';

interface Props {
  value: Enterprise | null;
  onChange(e: Enterprise | null): void;
  error?: string | undefined;
  disabled?: boolean;
}

export function EnterprisePicker({ value, onChange, error, disabled }: Props) {
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<Enterprise[]>([]);
  const [loading, setLoading] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const query = useDebounced(input.trim(), 250);

  useEffect(() => {
    // Typing into the box after a pick shows the picked name: no new search for it.
    if (value && query === value.name) return;
    let live = true;
    setLoading(true);
    setOptions([]);
    send('enterprises.search', { query, limit: 20 })
      .then((r) => {
        if (live) {
          setOptions(r);
          setSearchError(null);
        }
      })
      .catch((e: unknown) => {
        if (live) setSearchError(messageOf(e));
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [query, value]);

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
      renderInput={(params) => (
        <TextField
          {...params}
          label="当事人（输入企业名称或统一社会信用代码）"
          required
          error={Boolean(error)}
          helperText={error ?? (value ? `${value.uscc} · ${value.address}` : ' ')}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'enterprise-input' },
          }}
        />
      )}
    />
  );
}
