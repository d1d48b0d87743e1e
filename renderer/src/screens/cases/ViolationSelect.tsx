/** 违法行为: from the discretion benchmark, with the articles breached and the fine band. */
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import type { ViolationType } from '../../../../common/schemas/reference';
import { articleText, articlesText } from '../../util/articles';
import { bandText } from '../../util/fineBand';

interface Props {
  violations: ViolationType[];
  value: string;
  onChange(id: string): void;
  error?: string | undefined;
  disabled?: boolean;
}

export function ViolationSelect({ violations, value, onChange, error, disabled }: Props) {
  const chosen = violations.find((v) => v.id === value);
  return (
    <Box>
      <TextField
        select
        label="违法行为"
        required
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        error={Boolean(error)}
        helperText={error ?? ' '}
        slotProps={{
          htmlInput: { 'data-testid': 'violation-select' },
          select: { MenuProps: { slotProps: { paper: { sx: { maxWidth: 720 } } } } },
        }}
      >
        {violations.map((v) => (
          <MenuItem key={v.id} value={v.id} data-testid={`violation-${v.id}`} sx={{ whiteSpace: 'normal', display: 'block' }}>
            <Typography variant="body2">{v.name}</Typography>
            <Typography variant="caption" color="text.secondary">
              违反{articlesText(v.breached)}；依据{articleText(v.penaltyArticle)}
            </Typography>
          </MenuItem>
        ))}
      </TextField>
      {chosen && (
        <Box data-testid="violation-detail" sx={{ mt: -1, mb: 1, p: 1.5, bgcolor: 'action.hover', borderRadius: 1 }}>
          <Typography variant="body2"><b>违反条款：</b>{articlesText(chosen.breached)}</Typography>
          <Typography variant="body2"><b>处罚依据：</b>{articleText(chosen.penaltyArticle)}</Typography>
          <Typography variant="body2"><b>处罚幅度：</b>{bandText(chosen.band)}</Typography>
          <Typography variant="caption" color="text.secondary">{chosen.penaltyText}</Typography>
        </Box>
      )}
    </Box>
  );
}
