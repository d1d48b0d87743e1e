/**
 * 用户管理: what the 系统管理员 does with accounts besides a password reset — add a user
 * (with a temporary password the user must change at the first login), change roles, disable and
 * enable. Accounts are never deleted: the user's id and name stand in case histories and the audit
 * log. Each change, and each refusal of a password, is written to `auth_audit`.
 *
 * Rules (common/userRules.ts, docs/security.md “用户管理”): a 办案人员 names his 执法证 (处罚法 art. 42);
 * an administrator holds no case role (三员分立); at least one active administrator remains.
 */
import { ulid } from 'ulid';
import type { Db } from './db.js';
import type { Accounts } from './accounts.js';
import type { RawUser, UserRow } from './directory.js';
import { hashPassword } from './passwords.js';
import { AppError, errorCodes } from '#common/errors.js';
import { passwordProblems } from '#common/passwordPolicy.js';
import { roleNames, type Role } from '#common/roles.js';
import { accountRoleProblems } from '#common/userRules.js';
import type { AccountRow } from '#common/schemas/accounts.js';

export interface NewUser {
  username: string;
  name: string;
  roles: Role[];
  temporaryPassword: string;
  certificateNo?: string | undefined;
  certificateValidUntil?: string | undefined;
}
export interface RoleChange {
  userId: string;
  roles: Role[];
  certificateNo?: string | undefined;
  certificateValidUntil?: string | undefined;
}

const rolesText = (roles: readonly Role[]): string => roles.map((r) => roleNames[r]).join('、');

function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path: field, message }]);
}

export class UserAdmin {
  constructor(
    private readonly db: Db,
    private readonly accounts: Accounts,
  ) {}

  private raw(userId: string): RawUser {
    const raw = this.db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as RawUser | undefined;
    if (!raw) throw new AppError('NOT_FOUND', '找不到该用户');
    return raw;
  }

  private row(userId: string): AccountRow {
    return this.accounts.list(userId)[0]!;
  }

  private activeAdmins(): number {
    return (
      this.db
        .prepare(`SELECT COUNT(*) AS n FROM users u WHERE u.disabled_at IS NULL
      AND EXISTS (SELECT 1 FROM json_each(u.roles) r WHERE r.value = 'admin')`)
        .get() as { n: number }
    ).n;
  }

  /** The last active administrator keeps the role and the account: else nobody could manage accounts again. */
  private refuseLastAdmin(raw: RawUser, what: string): void {
    const isAdmin = (JSON.parse(raw.roles) as Role[]).includes('admin');
    if (isAdmin && !raw.disabled_at && this.activeAdmins() <= 1) {
      throw new AppError(
        'LAST_ADMIN',
        `${raw.name}是唯一在用的系统管理员，不能${what}；请先为另一位用户设置系统管理员角色`,
      );
    }
  }

  private refuseProblems(problems: Record<string, string>): void {
    const [field, message] = Object.entries(problems)[0] ?? [];
    if (field && message)
      throw new AppError(
        'VALIDATION',
        message,
        Object.entries(problems).map(([path, m]) => ({ path, message: m })),
      );
  }

  private refuseTakenCertificate(certificateNo: string, exceptOfficerId: string | null): void {
    const taken = this.db
      .prepare('SELECT o.id, o.name FROM officers o WHERE o.certificate_no = ? AND o.id IS NOT ?')
      .get(certificateNo, exceptOfficerId) as { id: string; name: string } | undefined;
    if (taken) throw fieldError('certificateNo', `执法证号${certificateNo}已登记在执法人员${taken.name}名下`);
  }

  private addOfficer(bureauId: string, name: string, certificateNo: string, validUntil: string): string {
    this.refuseTakenCertificate(certificateNo, null);
    const id = `off-${ulid().toLowerCase()}`;
    this.db
      .prepare(
        'INSERT INTO officers (id, bureau_id, name, certificate_no, certificate_valid_until) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, bureauId, name, certificateNo, validUntil);
    return id;
  }

  /** `today`: the workstation's date, against which a certificate must still run. */
  create(admin: UserRow, u: NewUser, today: string): AccountRow {
    const roles = [...new Set(u.roles)];
    const username = u.username.trim();
    const name = u.name.trim();
    this.refuseProblems(accountRoleProblems({ ...u, roles }, true, today));
    if (this.db.prepare('SELECT 1 FROM users WHERE lower(username) = lower(?)').get(username)) {
      throw fieldError('username', `用户名“${username}”已被使用，请换一个`);
    }
    const problems = passwordProblems(u.temporaryPassword, username);
    if (problems.length) {
      this.accounts.record('userCreate', 'refused', {
        username,
        actorId: admin.id,
        detail: `临时密码不符合要求：${problems.join('；')}`,
      });
      throw new AppError('WEAK_PASSWORD', `${errorCodes.WEAK_PASSWORD}：${problems.join('；')}`, {
        field: 'temporaryPassword',
        problems,
      });
    }
    const certificateNo = u.certificateNo?.trim();
    const withCertificate = Boolean(certificateNo && u.certificateValidUntil);
    if (!withCertificate && (certificateNo || u.certificateValidUntil)) {
      throw fieldError(certificateNo ? 'certificateValidUntil' : 'certificateNo', '执法证号和有效期须同时填写');
    }
    if (withCertificate && !roles.includes('officer'))
      this.refuseProblems(
        accountRoleProblems(
          { roles: ['officer'], certificateNo, certificateValidUntil: u.certificateValidUntil },
          true,
          today,
        ),
      );
    const hash = hashPassword(u.temporaryPassword);
    const id = `user-${ulid().toLowerCase()}`;
    this.db
      .transaction(() => {
        const officerId = withCertificate
          ? this.addOfficer(admin.bureauId, name, certificateNo!, u.certificateValidUntil!)
          : null;
        this.db
          .prepare(`INSERT INTO users (id, bureau_id, username, name, roles, password_hash, officer_id, must_change_password, password_changed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`)
          .run(id, admin.bureauId, username, name, JSON.stringify(roles), hash, officerId, this.accounts.instant());
        this.accounts.record('userCreate', 'ok', {
          username,
          userId: id,
          actorId: admin.id,
          detail: `新建用户${name}（${rolesText(roles)}${withCertificate ? `，执法证号${certificateNo}，有效期至${u.certificateValidUntil}` : ''}），首次登录须修改密码`,
        });
      })
      .immediate();
    return this.row(id);
  }

  /** New roles take effect at the user's next request (the session reads them from the account). */
  setRoles(admin: UserRow, c: RoleChange, today: string): AccountRow {
    const raw = this.raw(c.userId);
    const roles = [...new Set(c.roles)];
    const certificateNo = c.certificateNo?.trim();
    const givesCertificate = Boolean(certificateNo || c.certificateValidUntil);
    if (givesCertificate && !(certificateNo && c.certificateValidUntil)) {
      throw fieldError(certificateNo ? 'certificateValidUntil' : 'certificateNo', '执法证号和有效期须同时填写');
    }
    if (givesCertificate && !roles.includes('officer'))
      this.refuseProblems(
        accountRoleProblems(
          { roles: ['officer'], certificateNo, certificateValidUntil: c.certificateValidUntil },
          true,
          today,
        ),
      );
    this.refuseProblems(
      accountRoleProblems({ ...c, roles }, roles.includes('officer') && (!raw.officer_id || givesCertificate), today),
    );
    const before = JSON.parse(raw.roles) as Role[];
    if (before.includes('admin') && !roles.includes('admin')) this.refuseLastAdmin(raw, '取消其系统管理员角色');
    this.db
      .transaction(() => {
        let officerId = raw.officer_id;
        const certificate =
          certificateNo && c.certificateValidUntil ? { no: certificateNo, until: c.certificateValidUntil } : null;
        if (certificate && officerId) {
          // A renewed certificate: cases keep the one they were opened with (their state holds a copy).
          this.refuseTakenCertificate(certificate.no, officerId);
          this.db
            .prepare('UPDATE officers SET certificate_no = ?, certificate_valid_until = ? WHERE id = ?')
            .run(certificate.no, certificate.until, officerId);
        } else if (certificate) {
          officerId = this.addOfficer(raw.bureau_id, raw.name, certificate.no, certificate.until);
        }
        this.db
          .prepare('UPDATE users SET roles = ?, officer_id = ? WHERE id = ?')
          .run(JSON.stringify(roles), officerId, raw.id);
        this.accounts.record('userRoles', 'ok', {
          username: raw.username,
          userId: raw.id,
          actorId: admin.id,
          detail: `角色：${rolesText(before)} → ${rolesText(roles)}${certificate ? `；执法证号${certificate.no}，有效期至${certificate.until}` : ''}`,
        });
      })
      .immediate();
    return this.row(raw.id);
  }

  /** Never a delete: the account stays, cannot log in, and its sessions end now. */
  disable(admin: UserRow, userId: string): AccountRow {
    const raw = this.raw(userId);
    if (raw.id === admin.id) throw new AppError('VALIDATION', '不能停用自己的账号');
    if (raw.disabled_at) return this.row(raw.id);
    this.refuseLastAdmin(raw, '停用');
    this.db
      .transaction(() => {
        this.db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(this.accounts.instant(), raw.id);
        this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(raw.id);
        this.accounts.record('userDisable', 'ok', {
          username: raw.username,
          userId: raw.id,
          actorId: admin.id,
          detail: `停用账号${raw.name}，其登录已结束`,
        });
      })
      .immediate();
    return this.row(raw.id);
  }

  enable(admin: UserRow, userId: string): AccountRow {
    const raw = this.raw(userId);
    if (!raw.disabled_at) return this.row(raw.id);
    this.db
      .transaction(() => {
        this.db.prepare('UPDATE users SET disabled_at = NULL WHERE id = ?').run(raw.id);
        this.accounts.record('userEnable', 'ok', {
          username: raw.username,
          userId: raw.id,
          actorId: admin.id,
          detail: `重新启用账号${raw.name}`,
        });
      })
      .immediate();
    return this.row(raw.id);
  }
}
