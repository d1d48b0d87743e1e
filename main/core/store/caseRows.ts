/**
 * Rows derived from a case's projection and written with it (migration 20261207T2140_work_queues):
 * its deadlines (`case_deadlines`) and where it stands (`case_positions`). What the rows hold is
 * computed above the store (application/caseRows.ts: procedure data, calendar); this module only
 * writes and reads them, so 到期提醒, the queues and the navigation's counts never parse a case's JSON.
 */
import type { Db } from './db.js';
import type { CaseState, DeadlineView } from '#common/schemas/cases.js';

export type DeadlineOwner = DeadlineView['owner'];

/** A deadline as stored: everything but today's status. */
export interface StoredDeadline {
  view: Omit<DeadlineView, 'status'>;
  trackName: string;
  met: boolean;
  /** Paused while suspended and the suspension still runs: the due date moves each day (read again then). */
  slides: boolean;
}

/** Where one track of a case (`main` or a track id) stands: `procedure@version#node`. */
export interface StoredPosition {
  track: string;
  position: string;
}

export interface CaseRows {
  deadlines: StoredDeadline[];
  positions: StoredPosition[];
}

/** Computes a case's rows; given to the store by the core (the store knows no procedure or calendar). */
export type CaseRowsOf = (state: CaseState) => CaseRows;

export const positionKey = (procedure: { id: string; version: string }, node: string): string =>
  `${procedure.id}@${procedure.version}#${node}`;

/** Which cases a read covers (application/caseAccess.ts `caseScope`). */
export interface RowScope {
  bureauId: string;
  officerId?: string | null;
}

function scopeSql(scope: RowScope, alias: string, params: Record<string, unknown>): string {
  params.scopeBureau = scope.bureauId;
  if (scope.officerId === undefined) return `${alias}.bureau_id = @scopeBureau`;
  // No officer linked to the account: no case (the empty id matches no ",id," entry).
  params.scopeOfficer = scope.officerId ?? '\u0000';
  return `${alias}.bureau_id = @scopeBureau AND instr(${alias}.officer_ids, ',' || @scopeOfficer || ',') > 0`;
}

export interface DeadlineRow {
  caseId: string;
  caseNumber: string;
  partyName: string;
  trackName: string;
  slides: boolean;
  view: Omit<DeadlineView, 'status'>;
}

export class CaseRowStore {
  private readonly clearDeadlines;
  private readonly clearPositions;
  private readonly insertDeadline;
  private readonly insertPosition;

  constructor(private readonly db: Db) {
    this.clearDeadlines = db.prepare('DELETE FROM case_deadlines WHERE case_id = ?');
    this.clearPositions = db.prepare('DELETE FROM case_positions WHERE case_id = ?');
    this.insertDeadline =
      db.prepare(`INSERT INTO case_deadlines (case_id, ord, track, deadline_id, owner, due_on, met, slides,
      bureau_id, officer_ids, closed, case_number, party_name, track_name, view)
      VALUES (@caseId, @ord, @track, @deadlineId, @owner, @dueOn, @met, @slides, @bureauId, @officerIds, @closed,
      @caseNumber, @partyName, @trackName, @view)`);
    this.insertPosition =
      db.prepare(`INSERT INTO case_positions (case_id, track, position, bureau_id, officer_ids, closed, updated_at)
      VALUES (@caseId, @track, @position, @bureauId, @officerIds, @closed, @updatedAt)`);
  }

  /** Replaces a case's rows; runs inside the caller's transaction (the projection's save). */
  replace(s: CaseState, updatedAt: string, officerIds: string, rows: CaseRows): void {
    this.clearDeadlines.run(s.id);
    this.clearPositions.run(s.id);
    const common = { caseId: s.id, bureauId: s.bureauId, officerIds, closed: s.closedOn ? 1 : 0 };
    for (const [ord, d] of rows.deadlines.entries()) {
      this.insertDeadline.run({
        ...common,
        ord,
        track: d.view.track,
        deadlineId: d.view.id,
        owner: d.view.owner,
        dueOn: d.view.dueOn,
        met: d.met ? 1 : 0,
        slides: d.slides ? 1 : 0,
        caseNumber: s.number,
        partyName: s.party.name,
        trackName: d.trackName,
        view: JSON.stringify(d.view),
      });
    }
    for (const p of rows.positions)
      this.insertPosition.run({ ...common, track: p.track, position: p.position, updatedAt });
  }

  /** Open cases' deadlines not met, due on or before `dueBy` (none: all), in due order. */
  openDeadlines(scope: RowScope, dueBy: string | null): DeadlineRow[] {
    const params: Record<string, unknown> = {};
    const where = [scopeSql(scope, 'd', params), 'd.met = 0', 'd.closed = 0'];
    if (dueBy !== null) {
      where.push('d.due_on <= @dueBy');
      params.dueBy = dueBy;
    }
    const rows = this.db
      .prepare(`SELECT d.case_id, d.case_number, d.party_name, d.track_name, d.slides, d.view FROM case_deadlines d
        WHERE ${where.join(' AND ')} ORDER BY d.due_on, d.case_number, d.case_id, d.ord`)
      .raw()
      .all(params) as Array<[string, string, string, string, number, string]>;
    return rows.map(([caseId, caseNumber, partyName, trackName, slides, view]) => ({
      caseId,
      caseNumber,
      partyName,
      trackName,
      slides: slides === 1,
      view: JSON.parse(view) as DeadlineRow['view'],
    }));
  }

  /** How many open cases' deadlines not met fall due on or before `dueBy`, by owner; sliding ones apart. */
  countDue(scope: RowScope, dueBy: string): { owner: DeadlineOwner; n: number }[] {
    const params: Record<string, unknown> = { dueBy };
    const rows = this.db
      .prepare(`SELECT d.owner, COUNT(*) AS n FROM case_deadlines d
        WHERE ${scopeSql(scope, 'd', params)} AND d.met = 0 AND d.closed = 0 AND d.due_on <= @dueBy GROUP BY d.owner`)
      .all(params) as Array<{ owner: DeadlineOwner; n: number }>;
    return rows;
  }

  /** Cases whose due date moves while they are suspended (few): the reader evaluates them again. */
  slidingCases(scope: RowScope): string[] {
    const params: Record<string, unknown> = {};
    return (
      this.db
        .prepare(`SELECT DISTINCT d.case_id FROM case_deadlines d
          WHERE ${scopeSql(scope, 'd', params)} AND d.met = 0 AND d.closed = 0 AND d.slides = 1`)
        .raw()
        .all(params) as Array<[string]>
    ).map(([id]) => id);
  }

  /** Open cases standing at one of `positions` (newest change first): ids of a page, and how many in all. */
  casesAt(positions: string[], scope: RowScope, offset: number, limit: number): { total: number; ids: string[] } {
    if (positions.length === 0) return { total: 0, ids: [] };
    const params: Record<string, unknown> = { positions: JSON.stringify(positions) };
    const where = `p.position IN (SELECT value FROM json_each(@positions)) AND ${scopeSql(scope, 'p', params)} AND p.closed = 0`;
    const total = (
      this.db.prepare(`SELECT COUNT(DISTINCT p.case_id) AS n FROM case_positions p WHERE ${where}`).get(params) as {
        n: number;
      }
    ).n;
    const ids = (
      this.db
        .prepare(`SELECT p.case_id, MAX(p.updated_at) AS u FROM case_positions p WHERE ${where}
          GROUP BY p.case_id ORDER BY u DESC, p.case_id LIMIT @limit OFFSET @offset`)
        .raw()
        .all({ ...params, limit, offset }) as Array<[string, string]>
    ).map(([id]) => id);
    return { total, ids };
  }

  /** How many open cases stand at one of `positions`. */
  countAt(positions: string[], scope: RowScope): number {
    return this.casesAt(positions, scope, 0, 0).total;
  }

  /** The positions of some cases, by case. */
  positionsOf(caseIds: string[]): Map<string, StoredPosition[]> {
    const out = new Map<string, StoredPosition[]>();
    if (caseIds.length === 0) return out;
    const rows = this.db
      .prepare(`SELECT case_id, track, position FROM case_positions WHERE case_id IN (SELECT value FROM json_each(?))
        ORDER BY case_id, track`)
      .raw()
      .all(JSON.stringify(caseIds)) as Array<[string, string, string]>;
    for (const [caseId, track, position] of rows) {
      const list = out.get(caseId) ?? [];
      list.push({ track, position });
      out.set(caseId, list);
    }
    return out;
  }

  /** The deadlines not met of some cases, by case, in due order. */
  pendingDeadlinesOf(caseIds: string[]): Map<string, DeadlineRow[]> {
    const out = new Map<string, DeadlineRow[]>();
    if (caseIds.length === 0) return out;
    const rows = this.db
      .prepare(`SELECT case_id, case_number, party_name, track_name, slides, view FROM case_deadlines
        WHERE case_id IN (SELECT value FROM json_each(?)) AND met = 0 ORDER BY case_id, due_on, ord`)
      .raw()
      .all(JSON.stringify(caseIds)) as Array<[string, string, string, string, number, string]>;
    for (const [caseId, caseNumber, partyName, trackName, slides, view] of rows) {
      const list = out.get(caseId) ?? [];
      list.push({
        caseId,
        caseNumber,
        partyName,
        trackName,
        slides: slides === 1,
        view: JSON.parse(view) as DeadlineRow['view'],
      });
      out.set(caseId, list);
    }
    return out;
  }

  /** Every case's rows, for a check against a full recompute (tests) — unordered input, ordered output. */
  allDeadlines(): Array<{
    caseId: string;
    ord: number;
    met: boolean;
    slides: boolean;
    trackName: string;
    view: string;
  }> {
    return (
      this.db
        .prepare('SELECT case_id, ord, met, slides, track_name, view FROM case_deadlines ORDER BY case_id, ord')
        .all() as Array<{ case_id: string; ord: number; met: number; slides: number; track_name: string; view: string }>
    ).map((r) => ({
      caseId: r.case_id,
      ord: r.ord,
      met: r.met === 1,
      slides: r.slides === 1,
      trackName: r.track_name,
      view: r.view,
    }));
  }
}
