/**
 * Account rules, pure: the lockout back-off and session expiry. Times are arguments
 * (milliseconds since the epoch), never read from a clock here.
 *
 * The figures are constants with their reasons. GB/T 22239-2019 (等保 2.0) 8.1.4.1 asks for
 * "登录失败处理功能，应配置并启用结束会话、限制非法登录次数和当登录连接超时自动退出等相关措施"
 * without fixing numbers; these are ours.
 */

/**
 * Five failures in a row lock the username. Five lets a clerk mistype a few times (caps lock, the
 * wrong input method) without being stopped, and keeps guessing to a handful of tries a minute.
 */
export const maxFailures = 5;
/** The first lock lasts one minute; each further lock doubles it: 1, 2, 4, 8, 16, 32, 60, 60 … */
export const firstLockMs = 60_000;
/**
 * Capped at one hour: an attacker at the desk can lock a colleague out, so the lock must end on
 * its own in a working morning; an administrator's reset ends it at once.
 */
export const maxLockMs = 60 * 60_000;

/**
 * A session ends after 8 hours without a request: a day's work, including a long hearing or a read
 * of a case file without touching the PC, keeps its login; a PC left on overnight does not.
 */
export const sessionIdleMs = 8 * 3600_000;
/**
 * And at the latest 24 hours after the login, however busy: a login never outlives the day, and a
 * token copied from a PC (or a screen left open and kept awake) is worthless the next morning.
 */
export const sessionAbsoluteMs = 24 * 3600_000;
/** The last-seen time is written at most once a minute: not a write per request. */
export const sessionTouchMs = 60_000;

export interface Throttle {
  /** Failures since the last success or the last lock. */
  failures: number;
  /** Locks so far (since the last success or an administrator's reset): the back-off's exponent. */
  lockouts: number;
  /** While locked: until when (ms since the epoch). */
  lockedUntil: number | null;
}

export const freshThrottle: Throttle = { failures: 0, lockouts: 0, lockedUntil: null };

/** Milliseconds left of a lock at `now`, or 0 when not locked. */
export function lockRemaining(t: Throttle, now: number): number {
  return t.lockedUntil !== null && t.lockedUntil > now ? t.lockedUntil - now : 0;
}

export function lockDuration(lockouts: number): number {
  return Math.min(firstLockMs * 2 ** Math.max(0, lockouts - 1), maxLockMs);
}

/** The state after one more failure at `now`; `locked` when this failure started a lock. */
export function afterFailure(t: Throttle, now: number): { next: Throttle; locked: boolean } {
  const failures = t.failures + 1;
  if (failures < maxFailures)
    return { next: { ...t, failures, lockedUntil: lockRemaining(t, now) ? t.lockedUntil : null }, locked: false };
  const lockouts = t.lockouts + 1;
  return { next: { failures: 0, lockouts, lockedUntil: now + lockDuration(lockouts) }, locked: true };
}

/** “3分20秒”, “2分钟”, “45秒”, “1小时”: the time left of a lock, for the message. */
export function durationText(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h ? `${h}小时` : ''}${m ? (sec ? `${m}分` : `${m}分钟`) : ''}${sec ? `${sec}秒` : ''}`;
}

export function lockedMessage(remainingMs: number): string {
  return `登录失败次数过多（连续${maxFailures}次），账号已暂时锁定，请${durationText(remainingMs)}后再试；如需立即解锁，请联系系统管理员重置密码`;
}

export type SessionEnd = 'idle' | 'absolute';

/** Whether a session created at `createdAt` and last used at `lastSeenAt` has ended at `now`. */
export function sessionEnded(createdAt: number, lastSeenAt: number, now: number): SessionEnd | null {
  if (now - createdAt >= sessionAbsoluteMs) return 'absolute';
  if (now - lastSeenAt >= sessionIdleMs) return 'idle';
  return null;
}

export const sessionEndedMessage: Record<SessionEnd, string> = {
  idle: `登录已超时（连续${sessionIdleMs / 3600_000}小时未操作），请重新登录`,
  absolute: `登录已满${sessionAbsoluteMs / 3600_000}小时，请重新登录`,
};
