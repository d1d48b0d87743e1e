/**
 * Writes to a case: events appended and the projection updated in one SQLite transaction, so a
 * crash (even kill -9) leaves either the whole action or none of it.
 */
import type { Db } from './db.js';
import type { CaseState } from '#common/schemas/cases.js';
import { AppError } from '#common/errors.js';
import type { CaseEvent, CaseEventBody } from '../domain/events.js';
import { applyEvent, replay } from '../domain/caseReducer.js';
import { CaseProjection } from './caseProjection.js';
import type { CaseRowsOf } from './caseRows.js';
import { EventLog, type EventMeta } from './eventLog.js';

export type StampFn = () => { id: string; hlc: string; at: string };

export interface Actor {
  id: string;
  name: string;
  device: string;
}

export class CaseStore {
  readonly log: EventLog;
  readonly projection: CaseProjection;

  /** `rowsOf`: the deadlines and positions saved with each projection (store/caseRows.ts). */
  constructor(
    readonly db: Db,
    private readonly stamp: StampFn,
    rowsOf?: CaseRowsOf,
  ) {
    this.log = new EventLog(db);
    this.projection = new CaseProjection(db, rowsOf);
  }

  get(caseId: string): CaseState {
    const s = this.projection.get(caseId);
    if (!s) throw new AppError('NOT_FOUND', '案件不存在');
    return s;
  }

  /**
   * Appends events to a case and saves its new projection. `build` runs inside the transaction
   * with the current state, so checks and numbering see exactly what is committed.
   */
  write(
    caseId: string,
    actor: Actor,
    build: (state: CaseState | null) => CaseEventBody[],
    expectedVersion?: number,
  ): { state: CaseState; events: CaseEvent[] } {
    return this.db
      .transaction(() => {
        const current = this.projection.get(caseId);
        if (expectedVersion !== undefined && current && current.version !== expectedVersion)
          throw new AppError('STALE_VERSION');
        const bodies = build(current);
        let state = current;
        const events: CaseEvent[] = [];
        for (const body of bodies) {
          const st = this.stamp();
          const meta: EventMeta = {
            id: st.id,
            caseId,
            actorId: actor.id,
            actorName: actor.name,
            device: actor.device,
            hlc: st.hlc,
            at: st.at,
          };
          const e = this.log.append(body, meta);
          state = applyEvent(state, e);
          events.push(e);
        }
        if (!state) throw new AppError('INTERNAL', '没有写入任何事件');
        this.projection.save(state, events.at(-1)?.at ?? state.openedAt);
        return { state, events };
        // IMMEDIATE takes the write lock at BEGIN, where SQLite's busy timeout applies; a deferred
        // transaction that reads first and then writes can fail at once with SQLITE_BUSY when another
        // connection (or WAL recovery after a crash) holds the lock.
      })
      .immediate();
  }

  /** Rebuilds every projection from the log (after an import, a repair, or to check the store). */
  rebuildAll(): number {
    const byCase = new Map<string, CaseEvent[]>();
    for (const e of this.log.all()) {
      const list = byCase.get(e.caseId) ?? [];
      list.push(e);
      byCase.set(e.caseId, list);
    }
    this.db.transaction(() => {
      for (const [, events] of byCase) {
        const s = replay(events);
        if (s) this.projection.save(s, events.at(-1)!.at);
      }
    })();
    return byCase.size;
  }
}
