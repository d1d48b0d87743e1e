/**
 * 违法行为: from the discretion benchmark, the types resting on the law of the act's day (the caller
 * fetches them for that day). Searchable by name, code (FD-1107), category or article (1107, 第三十一条),
 * grouped by category; the chosen one shows the articles breached, the penalty article and the band.
 */
import { useMemo } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ViolationType } from '#common/schemas/reference';
import { articleText, articlesText } from '#renderer/util/articles';
import { bandText } from '#renderer/util/fineBand';
import { byCategory, searchText, violationMatches } from './violationSearch';

interface Props {
  violations: ViolationType[];
  value: string;
  onChange(id: string): void;
  error?: string | undefined;
  disabled?: boolean;
  /** The list is being fetched for another day. */
  loading?: boolean;
}

export function ViolationSelect({ violations, value, onChange, error, disabled, loading = false }: Props) {
  const options = useMemo(() => byCategory(violations), [violations]);
  const texts = useMemo(() => new Map(options.map((v) => [v.id, searchText(v)])), [options]);
  const chosen = options.find((v) => v.id === value) ?? null;
  return (
    <Box>
      <Autocomplete
        value={chosen}
        options={options}
        loading={loading}
        disabled={disabled}
        groupBy={(v) => v.category}
        getOptionLabel={(v) => v.name}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        filterOptions={(list, { inputValue }) => list.filter((v) => violationMatches(v, inputValue, texts.get(v.id)))}
        onChange={(_, v) => onChange(v?.id ?? '')}
        noOptionsText="没有相符的违法行为类型"
        loadingText="正在载入违法行为类型…"
        renderOption={({ key, ...props }, v) => (
          <Box component="li" key={key} {...props} data-testid={`violation-${v.id}`}>
            <Box>
              <Typography variant="body2">{v.name}</Typography>
              <Typography variant="caption" color="text.secondary">
                {v.code ? `${v.code} · ` : ''}依据{articleText(v.penaltyArticle)} · {bandText(v.band)}
              </Typography>
            </Box>
          </Box>
        )}
        slotProps={{ paper: { sx: { minWidth: 560 } }, listbox: { sx: { maxHeight: 420 } } }}
        renderInput={(params) => (
          <TextField
            {...params}
            label="违法行为"
            required
            placeholder="输入名称、编号（如 FD-1107）或条文序号（如 1107）检索"
            error={Boolean(error)}
            helperText={error ?? `共 ${violations.length} 类，按违法行为发生之日施行的法律列出`}
            slotProps={{
              ...params.slotProps,
              htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'violation-select' },
            }}
          />
        )}
      />
      {chosen && (
        <Box data-testid="violation-detail" sx={{ mt: 1, mb: 1, p: 1.5, bgcolor: 'action.hover', borderRadius: 1 }}>
          <Typography variant="body2">
            <b>违反条款：</b>
            {articlesText(chosen.breached)}
          </Typography>
          <Typography variant="body2">
            <b>处罚依据：</b>
            {articleText(chosen.penaltyArticle)}
          </Typography>
          <Typography variant="body2">
            <b>处罚幅度：</b>
            {bandText(chosen.band)}
            {chosen.aggravated && `；${chosen.aggravated.when}的，${bandText(chosen.aggravated.band)}`}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {chosen.code ? `${chosen.code} · ${chosen.category} · ` : ''}
            {chosen.penaltyText}
          </Typography>
        </Box>
      )}
    </Box>
  );
}
