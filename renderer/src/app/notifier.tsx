/** One snackbar for the whole app: successes briefly, errors until read (or 10 s). */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { messageOf } from '../api/errors';

type Severity = 'success' | 'error' | 'info' | 'warning';
interface Note {
  id: number;
  message: string;
  severity: Severity;
}

interface Notifier {
  success(message: string): void;
  info(message: string): void;
  error(e: unknown): void;
}

/**
 * In the bottom-right corner and no wider than the case page's side column (a third of the width), so a
 * toast never covers the main column, where an action's blocking reasons are written beside its button.
 */
const toastWidth = 'calc(33vw - 40px)';

const NotifierContext = createContext<Notifier | null>(null);

export function useNotifier(): Notifier {
  const n = useContext(NotifierContext);
  if (!n) throw new Error('useNotifier outside NotifierProvider');
  return n;
}

export function NotifierProvider({ children }: { children: ReactNode }) {
  const [note, setNote] = useState<Note | null>(null);
  const show = useCallback((message: string, severity: Severity) => setNote({ id: Date.now(), message, severity }), []);
  const api = useMemo<Notifier>(
    () => ({
      success: (m) => show(m, 'success'),
      info: (m) => show(m, 'info'),
      error: (e) => show(typeof e === 'string' ? e : messageOf(e), 'error'),
    }),
    [show],
  );
  const close = (_: unknown, reason?: string): void => {
    if (reason !== 'clickaway') setNote(null);
  };
  return (
    <NotifierContext.Provider value={api}>
      {children}
      <Snackbar
        key={note?.id}
        open={note !== null}
        autoHideDuration={note?.severity === 'error' ? 10_000 : 4_000}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      >
        <Alert
          data-testid="snackbar"
          severity={note?.severity ?? 'info'}
          variant="filled"
          onClose={() => setNote(null)}
          sx={{ maxWidth: { xs: 720, md: toastWidth } }}
        >
          {note?.message}
        </Alert>
      </Snackbar>
    </NotifierContext.Provider>
  );
}
