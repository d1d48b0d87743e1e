/**
 * The app bar's navigation as data: a new screen is one entry here. Each entry names its route, its
 * icon, the operation the screen reads (shown only when the user may call it — `canCall`, the same
 * list `dispatch` enforces) and where its count badge comes from. `MainNav` draws them in this order.
 */
import type { SvgIconComponent } from '@mui/icons-material';
import AlarmIcon from '@mui/icons-material/Alarm';
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import BusinessIcon from '@mui/icons-material/Business';
import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import GavelIcon from '@mui/icons-material/Gavel';
import ManageAccountsOutlinedIcon from '@mui/icons-material/ManageAccountsOutlined';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import type { OpName } from '#common/operations';
import type { Role } from '#common/roles';
import { primaryQueue, tabLabel } from '#renderer/app/queueLabels';
import type { Route } from '#renderer/app/route';

/** Where a badge's number comes from (useNavCounts). */
export type NavCount = 'work' | 'deadlines' | 'notices';

export interface NavItem {
  /** `data-testid` is `nav-<id>`, its badge `nav-<id>-count`. */
  id: string;
  /** The button's text; a function of the user's roles may answer null: no button for this user. */
  label: string | ((roles: readonly Role[]) => string | null);
  route: Route;
  icon?: SvgIconComponent;
  /** Shown only to a user who may call this operation. */
  op?: OpName;
  count?: { source: NavCount; color: 'secondary' | 'error' };
}

export const mainNav: readonly NavItem[] = [
  // The user's first queue (待我审批 / 待我审核 / 我的案件); a user with none of those roles has none.
  {
    id: 'work',
    label: (roles) => {
      const first = primaryQueue(roles);
      return first && tabLabel(first);
    },
    route: { name: 'work' },
    icon: AssignmentIndOutlinedIcon,
    count: { source: 'work', color: 'secondary' },
  },
  // The bureau's own deadlines needing attention: a party's period is not the bureau's task.
  {
    id: 'deadlines',
    label: '到期提醒',
    route: { name: 'deadlines' },
    icon: AlarmIcon,
    count: { source: 'deadlines', color: 'error' },
  },
  { id: 'laws', label: '法律法规', route: { name: 'laws', law: null, article: null }, icon: GavelIcon },
  // 现场检查任务 received from the province (双随机).
  {
    id: 'field-tasks',
    label: '现场检查',
    route: { name: 'fieldTasks' },
    icon: FactCheckOutlinedIcon,
    op: 'fieldTasks.list',
  },
  // From the province and the prefecture, with the unread count.
  {
    id: 'notices',
    label: '通知公告',
    route: { name: 'notices' },
    icon: CampaignOutlinedIcon,
    op: 'notices.list',
    count: { source: 'notices', color: 'secondary' },
  },
  { id: 'enterprises', label: '企业名录', route: { name: 'enterprises' }, icon: BusinessIcon },
  // PDF engine, seal, 期限提醒.
  { id: 'settings', label: '本局设置', route: { name: 'settings' }, icon: SettingsOutlinedIcon },
  // 案卷评查得分 of the bureau's archived cases (负责人).
  { id: 'review-scores', label: '评查得分', route: { name: 'reviewScores' }, op: 'review.scores' },
  // Users, password resets, the audit log (系统管理员).
  {
    id: 'accounts',
    label: '账号与审计',
    route: { name: 'accounts' },
    icon: ManageAccountsOutlinedIcon,
    op: 'users.list',
  },
];

/** Beside the user's name: the forms this user began and has not submitted. */
export const userNav: readonly NavItem[] = [{ id: 'drafts', label: '我的草稿', route: { name: 'drafts' } }];

/** The label an entry shows this user, or null when it is not for him. */
export function navLabel(item: NavItem, roles: readonly Role[], can: (op: OpName) => boolean): string | null {
  if (item.op && !can(item.op)) return null;
  return typeof item.label === 'string' ? item.label : item.label(roles);
}
