/**
 * The app bar's navigation buttons, drawn from `navItems.ts`, with their counts: one queues.counts and
 * one notices.unread call, asked again on every change of screen (and when a notice is read here).
 */
import Badge from '@mui/material/Badge';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import type { QueueCounts } from '#common/schemas/queues';
import type { Role } from '#common/roles';
import { useOp } from '#renderer/hooks/useOp';
import { primaryQueue } from '#renderer/app/queueLabels';
import { useUnreadNotices } from '#renderer/screens/notices/NoticesNav';
import { mainNav, navLabel, userNav, type NavCount, type NavItem } from './navItems';
import { hrefOf, useRoute } from '#renderer/app/route';
import { useSession } from '#renderer/app/session';
import { useCanCall } from '#renderer/app/canCall';
import { compactButton, NavLabel, useWideBar } from './navCompact';

function workCount(c: QueueCounts | undefined, roles: readonly Role[]): number {
  const tab = primaryQueue(roles);
  if (!c || !tab) return 0;
  return tab.kind === 'mine' ? (c.mine ?? 0) : (c.awaiting.find((a) => a.role === tab.role)?.total ?? 0);
}

function useNavCounts(): Record<NavCount, number> {
  const { user } = useSession();
  const can = useCanCall();
  const route = useRoute();
  const { data } = useOp('queues.counts', {}, { refresh: route });
  const notices = useUnreadNotices(can('notices.list'));
  return { work: workCount(data, user.roles), deadlines: data?.deadlines.bureau ?? 0, notices };
}

// The badge keeps the theme's type size: nothing in the workstation is under 13 px.
const badge = { '& .MuiBadge-badge': { right: -6 } };

/**
 * Below xl the label is hidden, so the badge hangs from the icon's edge and half of it lies outside the
 * button, against the next icon: the button is widened by that overhang (the badge is ~12 px plus
 * ~7.5 px a digit at 13 px, centred 6 px right of the anchor; the button's own 5 px padding already
 * counts) and a 6 px gap.
 */
export function badgeRoom(count: number, max = 999): number {
  const digits = (count > max ? `${max}+` : String(count)).length;
  const width = Math.max(20, 12 + 7.5 * digits);
  return Math.ceil(width / 2 + 6 - 5 + 6);
}

function NavButton({ item, label, count }: { item: NavItem; label: string; count: number | null }) {
  const Icon = item.icon;
  const wide = useWideBar();
  // Below xl only the icon shows (navCompact.tsx); the label is then the tooltip.
  const text = <NavLabel hide={Boolean(Icon)}>{label}</NavLabel>;
  return (
    <Tooltip title={wide || !Icon ? '' : label}>
      <Button
        data-testid={`nav-${item.id}`}
        color="inherit"
        size="small"
        aria-label={label}
        href={hrefOf(item.route)}
        startIcon={Icon && <Icon />}
        sx={compactButton}
      >
        {count === null || !item.count ? (
          text
        ) : (
          <Badge
            data-testid={`nav-${item.id}-count`}
            color={item.count.color}
            badgeContent={count}
            max={999}
            sx={{ ...badge, mr: wide || !Icon || count === 0 ? 0 : `${badgeRoom(count)}px` }}
          >
            {text}
          </Badge>
        )}
      </Button>
    </Tooltip>
  );
}

function NavList({ items, counts }: { items: readonly NavItem[]; counts?: Record<NavCount, number> }) {
  const { user } = useSession();
  const can = useCanCall();
  return items.map((item) => {
    const label = navLabel(item, user.roles, can);
    if (label === null) return null;
    return (
      <NavButton
        key={item.id}
        item={item}
        label={label}
        count={item.count && counts ? counts[item.count.source] : null}
      />
    );
  });
}

/** The screens, left in the bar. */
export function MainNav() {
  return <NavList items={mainNav} counts={useNavCounts()} />;
}

/** The user's own pages, beside his name (no counts). */
export function UserNav() {
  return <NavList items={userNav} />;
}
