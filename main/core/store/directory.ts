/** Bureau, users, officers and enterprises: the reference tables a workstation keeps locally. */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from './db.js';
import type { Enterprise, Officer } from '../../../common/schemas/reference.js';
import type { UserView } from '../../../common/schemas/session.js';
import type { Role } from '../../../common/roles.js';
import type { EnterpriseSummary } from '../../../common/schemas/enterprises.js';
import { EnterpriseStore } from './enterpriseStore.js';
import { EnterpriseSearch } from './enterpriseSearch.js';

export interface Bureau { id: string; name: string; abbreviation: string }
export interface UserRow extends UserView { bureauId: string }

export function hashPassword(password: string, salt = randomBytes(16)): string {
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

export function checkPassword(password: string, stored: string): boolean {
  const [, saltHex, hashHex] = stored.split('$');
  if (!saltHex || !hashHex) return false;
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), 32);
  return timingSafeEqual(actual, Buffer.from(hashHex, 'hex'));
}

type RawUser = { id: string; bureau_id: string; username: string; name: string; roles: string; officer_id: string | null; password_hash: string };
const toUser = (r: RawUser): UserRow => ({
  id: r.id, bureauId: r.bureau_id, username: r.username, name: r.name, roles: JSON.parse(r.roles) as Role[], officerId: r.officer_id,
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

  isEmpty(): boolean {
    return !this.db.prepare('SELECT 1 FROM bureaus LIMIT 1').get();
  }

  addBureau(b: Bureau): void {
    this.db.prepare('INSERT INTO bureaus (id, name, abbreviation) VALUES (@id, @name, @abbreviation)').run(b);
  }

  addOfficer(o: Officer, bureauId: string): void {
    this.db.prepare(`INSERT INTO officers (id, bureau_id, name, certificate_no, certificate_valid_until)
      VALUES (?, ?, ?, ?, ?)`).run(o.id, bureauId, o.name, o.certificateNo, o.certificateValidUntil);
  }

  addUser(u: { id: string; bureauId: string; username: string; name: string; roles: Role[]; officerId: string | null; password: string }): void {
    this.db.prepare(`INSERT INTO users (id, bureau_id, username, name, roles, password_hash, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(u.id, u.bureauId, u.username, u.name, JSON.stringify(u.roles), hashPassword(u.password), u.officerId);
  }

  authenticate(username: string, password: string): UserRow | null {
    const r = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as RawUser | undefined;
    if (!r || !checkPassword(password, r.password_hash)) return null;
    return toUser(r);
  }

  user(id: string): UserRow | null {
    const r = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as RawUser | undefined;
    return r ? toUser(r) : null;
  }

  userByUsername(username: string): UserRow | null {
    const r = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as RawUser | undefined;
    return r ? toUser(r) : null;
  }

  createSession(token: string, userId: string, at: string): void {
    this.db.prepare('INSERT INTO sessions (token, user_id, created_at) VALUES (?, ?, ?)').run(token, userId, at);
  }

  sessionUser(token: string): UserRow | null {
    const r = this.db.prepare('SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = ?').get(token) as RawUser | undefined;
    return r ? toUser(r) : null;
  }

  endSession(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token = ?').run(token);
  }

  officers(): Officer[] {
    return (this.db.prepare(`SELECT o.id, o.name, o.certificate_no AS certificateNo, o.certificate_valid_until AS certificateValidUntil,
      (SELECT u.id FROM users u WHERE u.officer_id = o.id) AS userId FROM officers o ORDER BY o.name`).all()) as Officer[];
  }

  /** Through the directory's store, so the record is searchable at once (issue 5). */
  addEnterprise(e: Enterprise): void {
    this.enterpriseStore ??= new EnterpriseStore(this.db);
    this.enterpriseStore.add(e);
  }

  enterprise(id: string): Enterprise | null {
    return (this.db.prepare(`SELECT id, name, uscc, legal_representative AS legalRepresentative, address, county FROM enterprises WHERE id = ?`)
      .get(id) as Enterprise | undefined) ?? null;
  }

  searchEnterprises(query: string, limit: number): EnterpriseSummary[] {
    this.enterpriseSearch ??= new EnterpriseSearch(this.db);
    return this.enterpriseSearch.search(query, limit);
  }
}
