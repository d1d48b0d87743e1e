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
  /**
   * Blocked only by the legality review, and this user is a head who may override it: the button stays
   * pressable (the core then asks for the written reason), with the reasons still written beside it.
   */
  mayOverride?: boolean;
  onClick(): void;
}

/** A rule that bars the user, as the tooltip says it: the reason and its article. */
export const blockedText = (b: BlockedBy): string => `${b.message}（${b.article}）`;

export function ActionItem({ action, pending, mayOverride = false, onClick }: Props) {
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
            disabled={!action.allowed && !mayOverride}
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
          {mayOverride && (
            <Typography
              component="li"
              variant="body2"
              color="warning.main"
              sx={{ mt: 0.5 }}
              data-testid={`action-override-${action.id}`}
            >
              法制审核意见未通过。作为负责人，您可以写明理由后越过上述意见继续办理，理由记入案件全过程记录。
            </Typography>
          )}
        </Box>
      )}
    </Box>
  );
}
