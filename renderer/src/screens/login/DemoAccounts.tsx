/** The demo bureau's accounts, shown only on a demo workstation: a click fills the form. */
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { AppInfo } from '#common/schemas/session';

type DemoUser = AppInfo['demoUsers'][number];

export function DemoAccounts({ users, onPick }: { users: DemoUser[]; onPick(u: DemoUser): void }) {
  return (
    <Box sx={{ mt: 3, borderTop: 1, borderColor: 'divider', pt: 2 }}>
      <Typography variant="subtitle2" color="text.secondary" gutterBottom>
        演示账号（点击填入）
      </Typography>
      <List dense disablePadding>
        {users.map((u) => (
          <ListItemButton
            key={u.username}
            data-testid={`demo-user-${u.username}`}
            onClick={() => onPick(u)}
            sx={{ borderRadius: 1 }}
          >
            <ListItemText primary={`${u.name} · ${u.role}`} secondary={`${u.username} / ${u.password}`} />
          </ListItemButton>
        ))}
      </List>
    </Box>
  );
}
