/** The top of a reference screen (企业名录, 法律法规): its title with an import button, and its search box. */
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import UploadFileIcon from '@mui/icons-material/UploadFile';

interface TitleProps {
  title: string;
  /** The import button, shown only to those who may import. */
  importAction?: { label: string; testId: string; onClick: () => void };
}

export function TitleWithImport({ title, importAction }: TitleProps) {
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
        {title}
      </Typography>
      {importAction && (
        <Button
          data-testid={importAction.testId}
          variant="contained"
          startIcon={<UploadFileIcon />}
          onClick={importAction.onClick}
        >
          {importAction.label}
        </Button>
      )}
    </Stack>
  );
}

interface SearchProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  testId: string;
  ariaLabel: string;
  autoFocus?: boolean;
}

export function SearchBox({ value, onChange, placeholder, testId, ariaLabel, autoFocus }: SearchProps) {
  return (
    <Paper sx={{ p: 1.5 }}>
      <TextField
        fullWidth
        autoFocus={autoFocus}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        slotProps={{
          htmlInput: { 'data-testid': testId, 'aria-label': ariaLabel, maxLength: 100 },
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
  );
}
