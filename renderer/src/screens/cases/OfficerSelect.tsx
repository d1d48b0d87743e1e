/** 承办人: at least two officers with valid enforcement certificates (行政处罚法第四十二条). */
import { useMemo } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Typography from '@mui/material/Typography';
import type { Officer } from '#common/schemas/reference';
import { todayIso } from '#renderer/util/dates';
import { requiredPickerInput } from './pickerInput';

interface Props {
  officers: Officer[];
  value: string[];
  onChange(ids: string[]): void;
  error?: string | undefined;
  disabled?: boolean;
}

export function OfficerSelect({ officers, value, onChange, error, disabled }: Props) {
  const today = todayIso();
  const expired = (o: Officer): boolean => o.certificateValidUntil < today;
  // The same array while the choice is the same: MUI's Autocomplete clears what is typed in its box
  // whenever its value changes identity, and the form re-renders at every draft save (500 ms), so a
  // new array each render wiped a name half typed to filter the list.
  const selected = useMemo(() => officers.filter((o) => value.includes(o.id)), [officers, value]);
  return (
    <Autocomplete
      multiple
      disableCloseOnSelect
      options={officers}
      value={selected}
      disabled={disabled}
      getOptionLabel={(o) => `${o.name}（${o.certificateNo}）`}
      getOptionDisabled={expired}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_, v) => onChange(v.map((o) => o.id))}
      noOptionsText="没有执法人员"
      renderOption={({ key, ...props }, o, { selected: isSelected }) => (
        <Box component="li" key={key} {...props}>
          <Checkbox size="small" checked={isSelected} sx={{ mr: 1, p: 0.5 }} />
          <Box>
            <Typography variant="body2">{o.name}</Typography>
            <Typography variant="caption" color={expired(o) ? 'error' : 'text.secondary'}>
              执法证号 {o.certificateNo} ·{' '}
              {expired(o) ? `证件已于${o.certificateValidUntil}过期` : `有效期至${o.certificateValidUntil}`}
            </Typography>
          </Box>
        </Box>
      )}
      renderInput={requiredPickerInput('承办人（至少两名持证执法人员）', error, ' ', 'officers-input')}
    />
  );
}
