/**
 * Renders a component for a test (vitest + jsdom, no testing library): inside a logged-in session with
 * the given roles and the app's notifier, as the app does. `cleanup` unmounts everything rendered.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Role } from '#common/roles';
import { SessionContext, type Session } from '../app/session';
import { NotifierProvider } from '../app/notifier';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: Array<{ root: Root; host: HTMLElement }> = [];

export function renderWithSession(node: ReactNode, roles: Role[] = ['officer']): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted.push({ root, host });
  const session = {
    info: {} as Session['info'],
    setUser: () => {},
    logout: () => {},
    logoutWithNotice: () => {},
    user: { id: 'u1', username: 'u', name: '张伟', roles, officerId: 'off-01', mustChangePassword: false },
  } satisfies Session;
  act(() =>
    root.render(
      <SessionContext.Provider value={session}>
        <NotifierProvider>{node}</NotifierProvider>
      </SessionContext.Provider>,
    ),
  );
  return host;
}

export function cleanup(): void {
  for (const { root, host } of mounted.splice(0)) {
    act(() => root.unmount());
    host.remove();
  }
}

export const byTestId = <T extends HTMLElement = HTMLElement>(el: HTMLElement, id: string): T | null =>
  el.querySelector<T>(`[data-testid="${id}"]`);
