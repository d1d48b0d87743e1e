/**
 * The session token from `session.login`: kept in memory and in sessionStorage, so that a reload
 * of the page keeps the user logged in but closing the window (or the app) does not.
 */
export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

const key = 'anjuan.session';

export function createTokenStore(storage: Storage | null): TokenStore {
  let token: string | null = null;
  try {
    token = storage?.getItem(key) ?? null;
  } catch {
    token = null; // storage disabled: memory only
  }
  return {
    get: () => token,
    set(next) {
      token = next;
      try {
        if (next) storage?.setItem(key, next);
        else storage?.removeItem(key);
      } catch {
        /* memory only */
      }
    },
  };
}
