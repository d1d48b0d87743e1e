/** Who is logged in, and the workstation's identity (bureau, demo accounts) from app.info. */
import { createContext, useContext } from 'react';
import type { AppInfo, UserView } from '#common/schemas/session';

export interface Session {
  info: AppInfo;
  user: UserView;
  /** After 修改密码: the user as the core now sees them. */
  setUser(user: UserView): void;
  logout(): void;
  /** Logs out and says why on the login screen (a restore replaced the database, so its sessions). */
  logoutWithNotice(notice: string): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a logged-in app');
  return s;
}

export function hasRole(user: UserView, ...roles: UserView['roles']): boolean {
  return user.roles.some((r) => roles.includes(r));
}
