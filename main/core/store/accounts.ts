/**
 * Accounts: logins with lockout and equal timing, hashed session tokens with idle and
 * absolute expiry, password change and an administrator's reset under the policy
 * (common/passwordPolicy.ts), the first-run setup, and the audit log of all of it.
 *
 * Time comes from the clock given here (the real time in the app: `authClock` in createCore), not
 * the workstation's case date, which tests and the e2e specs move by weeks.
 */
import type { Db } from './db.js';
import { toUser, type RawUser, type UserRow } from './directory.js';
import { checkPassword, dummyHash, hashPassword, newToken, tokenHash } from './passwords.js';
import { AppError, errorCodes } from '#common/errors.js';
import { passwordProblems } from '#common/passwordPolicy.js';
import type { AccountRow, AuditEvent, AuditOutcome, AuditRow } from '#common/schemas/accounts.js';
import {
  afterFailure,
  freshThrottle,
  lockedMessage,
  lockRemaining,
  maxFailures,
  sessionAbsoluteMs,
  sessionEnded,
  sessionEndedMessage,
  sessionIdleMs,
  sessionTouchMs,
  durationText,
  type SessionEnd,
  type Throttle,
} from '../domain/accountRules.js';

export interface AuthClock {
  now(): Date;
}

export interface SetupRequest {
  bureauName: string;
  abbreviation: string;
  county: string;
  username: string;
  name: string;
  password: string;
}

type ThrottleRow = { username: string; failures: number; lockouts: number; locked_until: string | null };
type SessionRow = RawUser & { token_hash: string; created_at: string; last_seen_at: string };

const iso = (ms: number): string => new Date(ms).toISOString();

export class Accounts {
  private setUp = false;

  constructor(
    private readonly db: Db,
    private readonly clock: AuthClock,
    private readonly device: string,
  ) {}

  private now(): number {
    return this.clock.now().getTime();
  }

  /** A bureau exists (set up, or the demo). Cached once true: a workstation is never un-set-up. */
  isSetUp(): boolean {
    if (!this.setUp) this.setUp = Boolean(this.db.prepare('SELECT 1 FROM bureaus LIMIT 1').get());
    return this.setUp;
  }

  // ── the audit log ────────────────────────────────────────────────────────────────────────────

  record(
    event: AuditEvent,
    outcome: AuditOutcome,
    e: { username: string; userId?: string | null; actorId?: string | null; detail: string },
  ): void {
    this.db
      .prepare(
        `INSERT INTO auth_audit (at, event, outcome, username, user_id, actor_id, device, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        iso(this.now()),
        event,
        outcome,
        e.username.slice(0, 64),
        e.userId ?? null,
        e.actorId ?? null,
        this.device,
        e.detail,
      );
  }

  audit(q: { offset: number; limit: number; username?: string | undefined; event?: AuditEvent | undefined }): {
    total: number;
    rows: AuditRow[];
  } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.username) {
      where.push('a.username = ?');
      args.push(q.username);
    }
    if (q.event) {
      where.push('a.event = ?');
      args.push(q.event);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM auth_audit a ${clause}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT a.id, a.at, a.event, a.outcome, a.username, a.user_id AS userId, u.name AS actorName, a.device, a.detail
      FROM auth_audit a LEFT JOIN users u ON u.id = a.actor_id ${clause} ORDER BY a.id DESC LIMIT ? OFFSET ?`)
      .all(...args, q.limit, q.offset) as AuditRow[];
    return { total, rows };
  }

  // ── lockout ──────────────────────────────────────────────────────────────────────────────────

  private throttle(username: string): Throttle {
    const r = this.db.prepare('SELECT * FROM login_throttle WHERE username = ?').get(username) as
      | ThrottleRow
      | undefined;
    return r
      ? { failures: r.failures, lockouts: r.lockouts, lockedUntil: r.locked_until ? Date.parse(r.locked_until) : null }
      : freshThrottle;
  }

  private saveThrottle(username: string, t: Throttle): void {
    this.db
      .prepare(`INSERT INTO login_throttle (username, failures, lockouts, locked_until, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(username) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts, locked_until = excluded.locked_until, updated_at = excluded.updated_at`)
      .run(username, t.failures, t.lockouts, t.lockedUntil === null ? null : iso(t.lockedUntil), iso(this.now()));
  }

  private clearThrottle(username: string): void {
    this.db.prepare('DELETE FROM login_throttle WHERE username = ?').run(username);
  }

  /** Refuses while `username` is locked (nothing is hashed, nothing counted). */
  private refuseIfLocked(username: string, event: AuditEvent, userId: string | null): void {
    const left = lockRemaining(this.throttle(username), this.now());
    if (!left) return;
    this.record(event, 'locked', { username, userId, detail: `账号锁定中，拒绝（剩余${durationText(left)}）` });
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(left), { retryAfterSeconds: Math.ceil(left / 1000) });
  }

  /** Counts a failure; throws ACCOUNT_LOCKED when it started a lock, else `otherwise`. */
  private fail(username: string, event: AuditEvent, userId: string | null, detail: string, otherwise: AppError): never {
    const now = this.now();
    const { next, locked } = this.db
      .transaction(() => {
        const r = afterFailure(this.throttle(username), now);
        this.saveThrottle(username, r.next);
        this.record(event, 'failed', {
          username,
          userId,
          detail: `${detail}（连续失败第${r.locked ? maxFailures : r.next.failures}次）`,
        });
        if (r.locked)
          this.record('lockout', 'locked', {
            username,
            userId,
            detail: `连续${maxFailures}次失败，锁定${durationText(r.next.lockedUntil! - now)}（第${r.next.lockouts}次锁定）`,
          });
        return r;
      })
      .immediate();
    if (locked) {
      const left = next.lockedUntil! - now;
      throw new AppError('ACCOUNT_LOCKED', lockedMessage(left), { retryAfterSeconds: Math.ceil(left / 1000) });
    }
    throw otherwise;
  }

  // ── login and sessions ───────────────────────────────────────────────────────────────────────

  /**
   * A known name with a wrong password and an unknown name take the same path: one scrypt (an
   * unknown name against `dummyHash`), one failure counted under the name as typed, one audit row,
   * and the same error code and message.
   */
  login(username: string, password: string): { token: string; user: UserRow } {
    const raw = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as RawUser | undefined;
    this.refuseIfLocked(username, 'login', raw?.id ?? null);
    const ok = checkPassword(password, raw?.password_hash ?? dummyHash) && raw !== undefined;
    if (!ok || !raw)
      this.fail(
        username,
        'login',
        raw?.id ?? null,
        raw ? '用户名或密码错误' : '用户名或密码错误（无此用户）',
        new AppError('BAD_CREDENTIALS'),
      );
    // 停用 (用户管理): told only to whoever knows the password, so it reveals nothing to a guesser.
    if (raw.disabled_at) {
      this.record('login', 'refused', { username, userId: raw.id, detail: '账号已停用，拒绝登录' });
      throw new AppError('ACCOUNT_DISABLED');
    }
    const token = newToken();
    const now = this.now();
    this.db
      .transaction(() => {
        this.clearThrottle(username);
        // Housekeeping: ended sessions go at each login.
        this.db
          .prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?')
          .run(iso(now - sessionIdleMs), iso(now - sessionAbsoluteMs));
        this.db
          .prepare(
            'INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, device) VALUES (?, ?, ?, ?, ?)',
          )
          .run(tokenHash(token), raw.id, iso(now), iso(now), this.device);
        this.record('login', 'ok', {
          username,
          userId: raw.id,
          detail: raw.must_change_password ? '登录成功（须先修改密码）' : '登录成功',
        });
      })
      .immediate();
    return { token, user: toUser(raw) };
  }

  /** The user of a live session; an ended one is deleted and says why. */
  session(token: string | null): { user: UserRow | null; ended: SessionEnd | null } {
    if (!token) return { user: null, ended: null };
    const hash = tokenHash(token);
    const r = this.db
      .prepare(
        'SELECT s.token_hash, s.created_at, s.last_seen_at, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?',
      )
      .get(hash) as SessionRow | undefined;
    if (!r) return { user: null, ended: null };
    // Disabling ends the sessions; this holds should one survive (a copy of the database, a race).
    if (r.disabled_at) {
      this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
      return { user: null, ended: null };
    }
    const now = this.now();
    const lastSeen = Date.parse(r.last_seen_at);
    const ended = sessionEnded(Date.parse(r.created_at), lastSeen, now);
    if (ended) {
      this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
      this.record('logout', 'ok', {
        username: r.username,
        userId: r.id,
        detail: sessionEndedMessage[ended].replace(/，请重新登录$/, ''),
      });
      return { user: null, ended };
    }
    if (now - lastSeen >= sessionTouchMs)
      this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(iso(now), hash);
    return { user: toUser(r), ended: null };
  }

  logout(token: string, user: UserRow | null): void {
    const n = this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token)).changes;
    if (n && user) this.record('logout', 'ok', { username: user.username, userId: user.id, detail: '退出登录' });
  }

  // ── passwords ────────────────────────────────────────────────────────────────────────────────

  private refuseWeak(
    password: string,
    username: string,
    event: AuditEvent,
    audit: { userId: string | null; actorId?: string | null },
    extra: string[] = [],
  ): void {
    const problems = [...extra, ...passwordProblems(password, username)];
    if (!problems.length) return;
    this.record(event, 'refused', { username, ...audit, detail: `新密码不符合要求：${problems.join('；')}` });
    throw new AppError('WEAK_PASSWORD', `${errorCodes.WEAK_PASSWORD}：${problems.join('；')}`, {
      field: 'newPassword',
      problems,
    });
  }

  /** Any user, with the old password; other sessions of the user end, this one stays. */
  changePassword(user: UserRow, token: string | null, oldPassword: string, newPassword: string): UserRow {
    this.refuseIfLocked(user.username, 'passwordChange', user.id);
    const raw = this.db.prepare('SELECT * FROM users WHERE id = ?').get(user.id) as RawUser;
    if (!checkPassword(oldPassword, raw.password_hash)) {
      this.fail(
        user.username,
        'passwordChange',
        user.id,
        '原密码不正确',
        new AppError('BAD_CREDENTIALS', '原密码不正确', { field: 'oldPassword' }),
      );
    }
    this.refuseWeak(
      newPassword,
      user.username,
      'passwordChange',
      { userId: user.id },
      newPassword === oldPassword ? ['新密码不能与原密码相同'] : [],
    );
    const hash = hashPassword(newPassword);
    const now = iso(this.now());
    this.db
      .transaction(() => {
        this.db
          .prepare('UPDATE users SET password_hash = ?, must_change_password = 0, password_changed_at = ? WHERE id = ?')
          .run(hash, now, user.id);
        this.db
          .prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash != ?')
          .run(user.id, token ? tokenHash(token) : '');
        this.clearThrottle(user.username);
        this.record('passwordChange', 'ok', {
          username: user.username,
          userId: user.id,
          detail: raw.must_change_password ? '修改密码（重置后首次登录）' : '修改密码',
        });
      })
      .immediate();
    return { ...user, mustChangePassword: false };
  }

  /**
   * An administrator gives a user a temporary password (under the policy) that must be changed at
   * the next login; the user's sessions end and a lock on the name is lifted.
   */
  resetPassword(admin: UserRow, userId: string, temporaryPassword: string): void {
    const raw = this.db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as RawUser | undefined;
    if (!raw) throw new AppError('NOT_FOUND', '找不到该用户');
    if (raw.id === admin.id) throw new AppError('VALIDATION', '不能重置自己的密码，请使用“修改密码”（须输入原密码）');
    this.refuseWeak(temporaryPassword, raw.username, 'passwordReset', { userId: raw.id, actorId: admin.id });
    const hash = hashPassword(temporaryPassword);
    const now = iso(this.now());
    this.db
      .transaction(() => {
        this.db
          .prepare('UPDATE users SET password_hash = ?, must_change_password = 1, password_changed_at = ? WHERE id = ?')
          .run(hash, now, raw.id);
        this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(raw.id);
        this.clearThrottle(raw.username);
        this.record('passwordReset', 'ok', {
          username: raw.username,
          userId: raw.id,
          actorId: admin.id,
          detail: '管理员重置密码，用户下次登录须修改',
        });
      })
      .immediate();
  }

  /** Every account, or the one `userId` names (用户管理 answers with the row it changed). */
  list(userId?: string): AccountRow[] {
    const now = this.now();
    const rows = this.db
      .prepare(`SELECT u.*, t.failures, t.lockouts, t.locked_until, o.certificate_no, o.certificate_valid_until,
        (SELECT MAX(a.at) FROM auth_audit a WHERE a.user_id = u.id AND a.event = 'login' AND a.outcome = 'ok') AS last_login_at
      FROM users u LEFT JOIN login_throttle t ON t.username = u.username LEFT JOIN officers o ON o.id = u.officer_id
      ${userId === undefined ? '' : 'WHERE u.id = @userId'} ORDER BY u.username`)
      .all(userId === undefined ? {} : { userId }) as Array<
      RawUser &
        ThrottleRow & {
          last_login_at: string | null;
          certificate_no: string | null;
          certificate_valid_until: string | null;
        }
    >;
    return rows.map((r) => {
      const locked = r.locked_until && Date.parse(r.locked_until) > now ? r.locked_until : null;
      const { bureauId: _b, ...u } = toUser(r);
      return {
        ...u,
        lockedUntil: locked,
        failures: r.failures ?? 0,
        lastLoginAt: r.last_login_at,
        passwordChangedAt: r.password_changed_at,
        disabledAt: r.disabled_at ?? null,
        certificateNo: r.certificate_no,
        certificateValidUntil: r.certificate_valid_until,
      };
    });
  }

  /** The real time (authClock), for what 用户管理 stamps (store/userAdmin.ts). */
  instant(): string {
    return iso(this.now());
  }

  // ── first-run setup ──────────────────────────────────────────────────────────────────────────

  /** Once, on a workstation without a bureau: the bureau and its administrator. */
  setup(req: SetupRequest): {
    bureau: { id: string; name: string; abbreviation: string; county: string };
    username: string;
  } {
    const refuse = (): never => {
      this.record('setup', 'refused', { username: req.username, detail: '已完成初始设置，拒绝再次设置' });
      throw new AppError('ALREADY_SET_UP');
    };
    if (this.isSetUp()) refuse();
    this.refuseWeak(req.password, req.username, 'setup', { userId: null });
    const hash = hashPassword(req.password);
    const now = iso(this.now());
    const bureau = {
      id: `bureau-${req.county}`,
      name: req.bureauName,
      abbreviation: req.abbreviation,
      county: req.county,
    };
    const userId = 'user-admin';
    this.db
      .transaction(() => {
        // Checked again inside the write transaction: two setups at once, one wins.
        if (this.db.prepare('SELECT 1 FROM bureaus LIMIT 1').get()) refuse();
        this.db
          .prepare('INSERT INTO bureaus (id, name, abbreviation, county) VALUES (?, ?, ?, ?)')
          .run(bureau.id, bureau.name, bureau.abbreviation, bureau.county);
        this.db
          .prepare(`INSERT INTO users (id, bureau_id, username, name, roles, password_hash, officer_id, must_change_password, password_changed_at)
        VALUES (?, ?, ?, ?, ?, ?, NULL, 0, ?)`)
          .run(userId, bureau.id, req.username, req.name, JSON.stringify(['admin']), hash, now);
        this.db
          .prepare(
            "INSERT INTO meta (key, value) VALUES ('setupAt', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
          )
          .run(now);
        this.record('setup', 'ok', {
          username: req.username,
          userId,
          detail: `初始设置：${bureau.name}（${bureau.abbreviation}，区县${bureau.county}），系统管理员${req.name}`,
        });
      })
      .immediate();
    this.setUp = true;
    return { bureau, username: req.username };
  }
}
