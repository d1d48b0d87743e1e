/** 要求: what the law requires at this node, ticked when met. */
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import type { CaseView } from '#common/schemas/cases';
import { Citation } from '#renderer/components/Citation';

export function RequirementsList({ requirements }: { requirements: CaseView['requirements'] }) {
  if (requirements.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        本环节没有待办要求。
      </Typography>
    );
  }
  return (
    <List dense disablePadding data-testid="requirements">
      {requirements.map((r) => (
        <ListItem key={r.text} disableGutters data-testid="requirement" data-done={r.done ? 'true' : 'false'}>
          <ListItemIcon sx={{ minWidth: 32 }}>
            {r.done ? (
              <CheckCircleIcon color="success" fontSize="small" titleAccess="已完成" />
            ) : (
              <RadioButtonUncheckedIcon color="disabled" fontSize="small" titleAccess="未完成" />
            )}
          </ListItemIcon>
          <ListItemText
            primary={r.text}
            secondary={<Citation text={r.citation} />}
            slotProps={{ primary: { sx: { color: r.done ? 'text.secondary' : 'text.primary' } } }}
          />
        </ListItem>
      ))}
    </List>
  );
}
