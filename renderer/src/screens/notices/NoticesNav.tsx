/** The navigation's 通知公告 button with the caller's unread count (asked again on every change of screen). */
import { useEffect } from 'react';
import Badge from '@mui/material/Badge';
import Button from '@mui/material/Button';
import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';
import { hrefOf, useRoute } from '#renderer/app/route';
import { useOp } from '#renderer/hooks/useOp';

const readEvent = 'anjuan:notice-read';

/** Tells the navigation a notice was just read here (the count changes without a change of screen). */
export function noticeRead(): void {
  window.dispatchEvent(new Event(readEvent));
}

export function NoticesNav() {
  const route = useRoute();
  const { data, reload } = useOp('notices.unread', {}, { refresh: route });
  useEffect(() => {
    const again = () => void reload();
    window.addEventListener(readEvent, again);
    return () => window.removeEventListener(readEvent, again);
  }, [reload]);
  return (
    <Button data-testid="nav-notices" color="inherit" size="small" href={hrefOf({ name: 'notices' })}>
      <CampaignOutlinedIcon fontSize="small" sx={{ mr: 0.5 }} />
      <Badge
        data-testid="nav-notices-count"
        color="secondary"
        badgeContent={data?.unread ?? 0}
        max={999}
        sx={{ '& .MuiBadge-badge': { fontSize: 12, right: -6 } }}
      >
        通知公告
      </Badge>
    </Button>
  );
}
