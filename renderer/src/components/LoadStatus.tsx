/** What a screen shows while its data loads, or when loading failed: a bar, or the error with 重试. */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';

/** An error the user can act on: 重试 runs the load again. */
export function RetryAlert({ message, onRetry }: { message: string; onRetry: () => unknown }) {
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" onClick={() => void onRetry()}>
          重试
        </Button>
      }
    >
      {message}
    </Alert>
  );
}

interface Props {
  loaded: boolean;
  error: string | null | undefined;
  onRetry: () => unknown;
}

/** The progress bar until the data is there (unless loading failed), and the failure with 重试. */
export function LoadStatus({ loaded, error, onRetry }: Props) {
  return (
    <>
      {!loaded && !error && <LinearProgress />}
      {error && <RetryAlert message={error} onRetry={onRetry} />}
    </>
  );
}
