/** The `cases` projection table: one row per case, the full state as JSON plus list columns. */
import type { Db } from './db.js';
import type { CaseListRow, CaseState } from '#common/schemas/cases.js';
import { CaseRowStore, type CaseRowsOf } from './caseRows.js';

export interface CaseListQuery {
  query: string;
  state: 'all' | 'open' | 'closed';
  node?: string | undefined;
  offset: number;
  limit: number;
}

/** Which cases a caller sees (api/caseAccess.ts `caseScope`): the bureau's, or an officer's own. */
export interface CaseScopeFilter {
  bureauId: string;
  officerId?: string | null;
}

function scopeWhere(scope: CaseScopeFilter | undefined, where: string[], params: Record<string, unknown>): void {
  if (!scope) return;
  where.push('bureau_id = @scopeBureau');
  params.scopeBureau = scope.bureauId;
  if (scope.officerId !== undefined) {
    // No officer linked to the account: no case (the empty id matches no ",id," entry).
    where.push("instr(officer_ids, ',' || @scopeOfficer || ',') > 0");
    params.scopeOfficer = scope.officerId ?? '\u0000';
  }
}

interface ListRow {
  id: string;
  number: string;
  party_name: string;
  violation_name: string;
  node: string;
  filed_on: string;
  updated_at: string;
  closed: number;
}

const toListRow = (r: ListRow, nodeName: (node: string) => string): CaseListRow => ({
  id: r.id,
  number: r.number,
  partyName: r.party_name,
  violationName: r.violation_name,
  node: r.node,
  nodeName: nodeName(r.node),
  filedOn: r.filed_on,
  updatedAt: r.updated_at,
  closed: r.closed === 1,
});

export class CaseProjection {
  private readonly upsert;
  private readonly getOne;
  /** The deadlines and positions written with each case (store/caseRows.ts). */
  readonly rows: CaseRowStore;
  /** More derived data saved with each projection, in its transaction (the search index: core.ts). */
  private readonly savers: Array<(s: CaseState) => void> = [];

  /** `rowsOf` absent: no derived rows are written (a bare store in a test of the log alone). */
  constructor(
    private readonly db: Db,
    private readonly rowsOf?: CaseRowsOf,
  ) {
    this.rows = new CaseRowStore(db);
    this.upsert =
      db.prepare(`INSERT INTO cases (id, number, party_name, violation_name, node, filed_on, updated_at, closed, version, state, bureau_id, officer_ids)
      VALUES (@id, @number, @partyName, @violationName, @node, @filedOn, @updatedAt, @closed, @version, @state, @bureauId, @officerIds)
      ON CONFLICT(id) DO UPDATE SET number=excluded.number, party_name=excluded.party_name, violation_name=excluded.violation_name,
        node=excluded.node, filed_on=excluded.filed_on, updated_at=excluded.updated_at, closed=excluded.closed,
        version=excluded.version, state=excluded.state, bureau_id=excluded.bureau_id, officer_ids=excluded.officer_ids`);
    this.getOne = db.prepare('SELECT state FROM cases WHERE id = ?');
  }

  save(s: CaseState, updatedAt: string): void {
    const officerIds = `,${s.officers.map((o) => o.id).join(',')},`;
    this.upsert.run({
      id: s.id,
      number: s.number,
      partyName: s.party.name,
      violationName: s.violation.name,
      node: s.node,
      filedOn: s.filedOn,
      updatedAt,
      closed: s.closedOn ? 1 : 0,
      version: s.version,
      state: JSON.stringify(s),
      bureauId: s.bureauId,
      officerIds,
    });
    if (this.rowsOf) this.rows.replace(s, updatedAt, officerIds, this.rowsOf(s));
    for (const saver of this.savers) saver(s);
  }

  /** Registers derived data written with every projection, in the same transaction. */
  alsoOnSave(saver: (s: CaseState) => void): void {
    this.savers.push(saver);
  }

  /** Every case's id (a background rebuild of derived data reads them one by one). */
  ids(): string[] {
    return (this.db.prepare('SELECT id FROM cases ORDER BY id').raw().all() as Array<[string]>).map(([id]) => id);
  }

  /**
   * Writes every case's derived rows again from its projection (a new calendar year moves due
   * dates; an older database gets them at start). No event is read. Returns the number of cases.
   */
  rederiveAll(): number {
    const rowsOf = this.rowsOf;
    if (!rowsOf) return 0;
    const all = this.db.prepare('SELECT state, updated_at FROM cases').raw().all() as Array<[string, string]>;
    this.db.transaction(() => {
      for (const [json, updatedAt] of all) {
        const s = JSON.parse(json) as CaseState;
        this.rows.replace(s, updatedAt, `,${s.officers.map((o) => o.id).join(',')},`, rowsOf(s));
      }
    })();
    return all.length;
  }

  /** The list rows of some cases, in the order of `ids` (a queue's page). */
  listRows(ids: string[], nodeName: (node: string) => string): CaseListRow[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT id, number, party_name, violation_name, node, filed_on, updated_at, closed FROM cases
        WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as ListRow[];
    const byId = new Map(rows.map((r) => [r.id, toListRow(r, nodeName)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  get(id: string): CaseState | null {
    const r = this.getOne.get(id) as { state: string } | undefined;
    return r ? (JSON.parse(r.state) as CaseState) : null;
  }

  /**
   * `scope` (api/caseAccess.ts): only the bureau's cases, and with `officerId` only those the
   * officer is listed on; null: none. Absent: every case (internal callers).
   */
  list(
    q: CaseListQuery,
    nodeName: (node: string) => string,
    scope?: CaseScopeFilter | null,
  ): { total: number; rows: CaseListRow[] } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (scope === null) return { total: 0, rows: [] };
    scopeWhere(scope, where, params);
    if (q.state === 'open') where.push('closed = 0');
    if (q.state === 'closed') where.push('closed = 1');
    if (q.node) {
      where.push('node = @node');
      params.node = q.node;
    }
    if (q.query.trim()) {
      where.push("(number LIKE @q ESCAPE '\\' OR party_name LIKE @q ESCAPE '\\')");
      params.q = `%${q.query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM cases ${w}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT id, number, party_name, violation_name, node, filed_on, updated_at, closed FROM cases ${w}
      ORDER BY updated_at DESC, id LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: q.limit, offset: q.offset }) as ListRow[];
    return { total, rows: rows.map((r) => toListRow(r, nodeName)) };
  }
  /**
   * the cross-case reads (到期提醒, an enterprise's page, prior violations) take the same
   * scope as the list; absent: every case. `enterpriseId` and `open` narrow it.
   */
  states(
    f: { enterpriseId?: string; open?: boolean },
    scope?: CaseScopeFilter | null,
  ): Array<{ state: CaseState; updatedAt: string }> {
    if (scope === null) return [];
    const { w, params } = this.filter(f, scope);
    return (
      this.db.prepare(`SELECT state, updated_at FROM cases ${w} ORDER BY filed_on DESC, id`).all(params) as Array<{
        state: string;
        updated_at: string;
      }>
    ).map((r) => ({ state: JSON.parse(r.state) as CaseState, updatedAt: r.updated_at }));
  }

  /** How many cases the filter holds (unscoped): what lies beyond a caller's scope is counted, never shown. */
  count(f: { enterpriseId?: string; open?: boolean }): number {
    const { w, params } = this.filter(f, undefined);
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM cases ${w}`).get(params) as { n: number }).n;
  }

  private filter(
    f: { enterpriseId?: string; open?: boolean },
    scope: CaseScopeFilter | undefined,
  ): { w: string; params: Record<string, unknown> } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    scopeWhere(scope, where, params);
    if (f.enterpriseId !== undefined) {
      where.push('enterprise_id = @enterpriseId');
      params.enterpriseId = f.enterpriseId;
    }
    if (f.open) where.push('closed = 0');
    return { w: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }
}
