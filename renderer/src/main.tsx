import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { z } from 'zod';
import { App } from './App';
import { NotifierProvider } from './app/notifier';
import { theme } from './app/theme';

// The shared schemas validate forms here too: their built-in messages in Chinese, and no JIT
// (zod's `new Function` probe would be a CSP violation under script-src 'self').
z.config({ ...z.locales.zhCN(), jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <NotifierProvider>
        <App />
      </NotifierProvider>
    </ThemeProvider>
  </StrictMode>,
);
