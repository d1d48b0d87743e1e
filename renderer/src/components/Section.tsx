/** A titled card: the case page is built of these. */
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

interface Props {
  title: string;
  subtitle?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}

export function Section({ title, subtitle, action, children, testId }: Props) {
  return (
    <Paper sx={{ p: 2, height: '100%' }} data-testid={testId}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1.5 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
            {subtitle}
          </Typography>
        )}
        {!subtitle && <Box sx={{ flex: 1 }} />}
        {action}
      </Stack>
      {children}
    </Paper>
  );
}
