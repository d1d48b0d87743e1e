/** One action: the button, and when blocked, why (rule and article) written beside it. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import Tooltip from '@mui/material/Tooltip';
import BlockIcon from '@mui/icons-material/Block';
import type { ActionView, BlockedBy } from '#common/schemas/cases';
import { isApproval, isRejection } from './actionKinds';

interface Props {
  action: ActionView;
  pending: boolean;
  onClick(): void;
}

/** A rule that bars the user, as the tooltip says it: the reason and its article. */
export const blockedText = (b: BlockedBy): string => `${b.message}（${b.article}）`;

export function ActionItem({ action, pending, onClick }: Props) {
  const color = isRejection(action) ? 'warning' : isApproval(action) ? 'success' : 'primary';
  return (
    <Box
      data-testid={`action-${action.id}`}
      sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: { xs: 'wrap', sm: 'nowrap' } }}
    >
      {/* a rule that bars this user (separation of duties) is the disabled button's tooltip; a span carries it. */}
      <Tooltip title={action.blockedBy ? blockedText(action.blockedBy) : ''} disableHoverListener={!action.blockedBy}>
        <Box
          component="span"
          sx={{ flexShrink: 0, display: 'inline-flex' }}
          data-testid={action.blockedBy ? `action-blocked-${action.id}` : undefined}
        >
          <Button
            data-testid={`action-button-${action.id}`}
            variant={isRejection(action) ? 'outlined' : 'contained'}
            color={color}
            disabled={!action.allowed}
            loading={pending}
            onClick={onClick}
            sx={{ minWidth: 148 }}
          >
            {action.name}
          </Button>
        </Box>
      </Tooltip>
      {!action.allowed && action.reasons.length > 0 && (
        <Box
          component="ul"
          data-testid={`action-reasons-${action.id}`}
          sx={{ m: 0, pl: 0, listStyle: 'none', pt: 0.5 }}
        >
          {action.reasons.map((r) => (
            <Box
              component="li"
              key={`${r.rule}:${r.message}`}
              sx={{ display: 'flex', gap: 0.75, alignItems: 'flex-start' }}
            >
              <BlockIcon sx={{ fontSize: 16, mt: '3px', color: 'text.disabled' }} />
              <Typography variant="body2" color="text.secondary">
                {r.message}
                {r.citation && (
                  <Typography component="span" variant="caption" color="text.disabled">
                    （{r.citation}）
                  </Typography>
                )}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}
