/** The buttons of an import dialog: 取消 and 开始导入 before the run, 关闭 once its report is shown. */
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';

interface Props {
  /** The run is over and its report is shown. */
  done: boolean;
  running: boolean;
  /** Something to import has been chosen. */
  ready: boolean;
  onStart: () => void;
  onClose: () => void;
  /** Prefix of the test ids: `${testId}-start`, `${testId}-close`. */
  testId: string;
}

export function ImportActions({ done, running, ready, onStart, onClose, testId }: Props) {
  return (
    <DialogActions>
      {done ? (
        <Button onClick={onClose} data-testid={`${testId}-close`}>
          关闭
        </Button>
      ) : (
        <>
          <Button onClick={onClose} disabled={running}>
            取消
          </Button>
          <Button variant="contained" onClick={onStart} disabled={!ready || running} data-testid={`${testId}-start`}>
            开始导入
          </Button>
        </>
      )}
    </DialogActions>
  );
}
