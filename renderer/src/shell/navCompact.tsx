/**
 * The app bar on a 1366 px office screen: with every label it would not fit on one line, so below xl
 * (1536 px) a button that has an icon shows only the icon, its label becoming its tooltip (and staying
 * its accessible name and text).
 */
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import useMediaQuery from '@mui/material/useMediaQuery';
import { theme } from '#renderer/app/theme';

/** True where the bar has room for every label. */
export function useWideBar(): boolean {
  // The app's own theme, not the context's: the bar is also drawn in tests without a ThemeProvider.
  return useMediaQuery(theme.breakpoints.up('xl'));
}

/** A button's label, hidden below xl when the button has an icon to show instead. */
export function NavLabel({ children, hide = true }: { children: ReactNode; hide?: boolean }) {
  return (
    <Box component="span" sx={hide ? { display: { xs: 'none', xl: 'inline' } } : undefined}>
      {children}
    </Box>
  );
}

/** The button's props that keep it one icon wide and on one line. */
export const compactButton = {
  minWidth: 0,
  flexShrink: 0,
  whiteSpace: 'nowrap',
  '& .MuiButton-startIcon': { mr: { xs: 0, xl: 1 }, ml: { xs: 0, xl: -0.5 } },
} as const;
