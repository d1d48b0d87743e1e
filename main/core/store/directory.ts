/** Bureau, users, officers and enterprises: the reference tables a workstation keeps locally. */
import type { Db } from './db.js';
import { hashPassword } from './passwords.js';
import type { Enterprise, Officer } from '#common/schemas/reference.js';
import type { UserView } from '#common/schemas/session.js';
import type { Role } from '#common/roles.js';
import type { EnterpriseSummary } from '#common/schemas/enterprises.js';
import { EnterpriseStore } from './enterpriseStore.js';
import { EnterpriseSearch, type OwnCounty } from './enterpriseSearch.js';

export interface Bureau {
  id: string;
  name: string;
  abbreviation: string;
}
export interface UserRow extends UserView {
  bureauId: string;
}

export type RawUser = {
  id: string;
  bureau_id: string;
  username: string;
  name: string;
  roles: string;
  officer_id: string | null;
  password_hash: string;
  must_change_password: number;
  password_changed_at: string | null;
  /** 停用 (用户管理); absent before the migration 20261207T1710_users_disabled. */
  disabled_at?: string | null;
};
export const toUser = (r: RawUser): UserRow => ({
  id: r.id,
  bureauId: r.bureau_id,
  username: r.username,
  name: r.name,
  roles: JSON.parse(r.roles) as Role[],
  officerId: r.officer_id,
  mustChangePassword: r.must_change_password === 1,
});

export class Directory {
  private enterpriseStore: EnterpriseStore | undefined;
  private enterpriseSearch: EnterpriseSearch | undefined;

  constructor(private readonly db: Db) {}

  bureau(): Bureau {
    const b = this.db.prepare('SELECT id, name, abbreviation FROM bureaus LIMIT 1').get() as Bureau | undefined;
    if (!b) throw new Error('no bureau configured');
    return b;
  }

  /** The bureau's county (GB/T 2260 code chosen at setup); null where none was recorded. */
  bureauCountyCode(): string | null {
    const r = this.db.prepare('SELECT county FROM bureaus LIMIT 1').get() as { county: string | null } | undefined;
    return r?.county || null;
  }

  /** Where the party is registered: county name and, from an import, its code ('' when unknown). */
  enterpriseCounty(id: string): { county: string; countyCode: string } | null {
    return (
      (this.db.prepare('SELECT county, county_code AS countyCode FROM enterprises WHERE id = ?').get(id) as
        | { county: string; countyCode: string }
        | undefined) ?? null
    );
  }

  isEmpty(): boolean {
    return !this.db.prepare('SELECT 1 FROM bureaus LIMIT 1').get();
  }

  /** `county`: the GB/T 2260 code chosen at the first-run setup. */
  addBureau(b: Bureau & { county?: string }): void {
    this.db
      .prepare('INSERT INTO bureaus (id, name, abbreviation, county) VALUES (?, ?, ?, ?)')
      .run(b.id, b.name, b.abbreviation, b.county ?? null);
  }

  addOfficer(o: Officer, bureauId: string): void {
    this.db
      .prepare(`INSERT INTO officers (id, bureau_id, name, certificate_no, certificate_valid_until)
      VALUES (?, ?, ?, ?, ?)`)
      .run(o.id, bureauId, o.name, o.certificateNo, o.certificateValidUntil);
  }

  /** Passwords (scrypt) and sessions are Accounts' (store/accounts.ts); this only creates the row. */
  addUser(u: {
    id: string;
    bureauId: string;
    username: string;
    name: string;
    roles: Role[];
    officerId: string | null;
    password: string;
    /** Already hashed (store/passwords.ts) by the caller; else `password` is hashed here. */
    passwordHash?: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO users (id, bureau_id, username, name, roles, password_hash, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        u.id,
        u.bureauId,
        u.username,
        u.name,
        JSON.stringify(u.roles),
        u.passwordHash ?? hashPassword(u.password),
        u.officerId,
      );
  }

  user(id: string): UserRow | null {
    const r = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as RawUser | undefined;
    return r ? toUser(r) : null;
  }

  userByUsername(username: string): UserRow | null {
    const r = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as RawUser | undefined;
    return r ? toUser(r) : null;
  }

  /**
   * The officers a case can be opened with. not one whose account is disabled, nor one whose
   * account now holds no case role (only 系统管理员); the rows stay, for the cases that name them.
   */
  officers(): Officer[] {
    return this.db
      .prepare(`SELECT o.id, o.name, o.certificate_no AS certificateNo, o.certificate_valid_until AS certificateValidUntil,
      (SELECT u.id FROM users u WHERE u.officer_id = o.id) AS userId FROM officers o
      WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.officer_id = o.id AND (u.disabled_at IS NOT NULL
        OR NOT EXISTS (SELECT 1 FROM json_each(u.roles) r WHERE r.value IN ('officer', 'reviewer', 'head'))))
      ORDER BY o.name`)
      .all() as Officer[];
  }

  /** Through the directory's store, so the record is searchable at once. */
  addEnterprise(e: Enterprise): void {
    this.enterpriseStore ??= new EnterpriseStore(this.db);
    this.enterpriseStore.add(e);
  }

  enterprise(id: string): Enterprise | null {
    return (
      (this.db
        .prepare(
          `SELECT id, name, uscc, legal_representative AS legalRepresentative, address, county FROM enterprises WHERE id = ?`,
        )
        .get(id) as Enterprise | undefined) ?? null
    );
  }

  /** `own`: the bureau's county, whose enterprises come first. */
  searchEnterprises(query: string, limit: number, own?: OwnCounty): EnterpriseSummary[] {
    this.enterpriseSearch ??= new EnterpriseSearch(this.db);
    return this.enterpriseSearch.search(query, limit, own);
  }
}
