import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { z } from 'zod';
import { App } from './App';
import { NotifierProvider } from './app/notifier';
import { reducedMotionQuery, reducedMotionTheme, theme } from './app/theme';

// The shared schemas validate forms here too: their built-in messages in Chinese, and no JIT
// (zod's `new Function` probe would be a CSP violation under script-src 'self').
z.config({ ...z.locales.zhCN(), jitless: true });

/** The theme follows the PC's animation setting, also when it changes while the app is open. */
function Themed({ children }: { children: ReactNode }) {
  const reduced = useMediaQuery(reducedMotionQuery, { noSsr: true });
  return <ThemeProvider theme={reduced ? reducedMotionTheme : theme}>{children}</ThemeProvider>;
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <Themed>
      <CssBaseline />
      <NotifierProvider>
        <App />
      </NotifierProvider>
    </Themed>
  </StrictMode>,
);
