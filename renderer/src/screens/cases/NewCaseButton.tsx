/** The 立案 button of the lists, with its shortcut (Alt+N) in the tooltip and working while no dialog is open. */
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import AddIcon from '@mui/icons-material/Add';
import { newCaseHint, useNewCaseShortcut } from './newCaseKey';

export function NewCaseButton({ onOpen, dialogOpen }: { onOpen(): void; dialogOpen: boolean }) {
  useNewCaseShortcut(onOpen, !dialogOpen);
  return (
    <Tooltip title={newCaseHint}>
      <Button
        data-testid="open-case"
        variant="contained"
        startIcon={<AddIcon />}
        onClick={onOpen}
        aria-keyshortcuts="Alt+N"
      >
        立案
      </Button>
    </Tooltip>
  );
}
