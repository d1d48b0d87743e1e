/**
 * What the core's services know of the sync client (sync/client.ts), as types only: `services.ts` names
 * this, not the class, so the services do not import the client and through it the whole sync and
 * application graph that imports the services back. Beside `services.ts`, not in sync/: sync/ is a
 * transport above the use cases, and the services point into none of it.
 */
import type { SyncStatus } from '#common/schemas/sync.js';
import type { SyncEvents } from '#core/store/syncEvents.js';
import type { SyncRecords } from '#core/store/syncRecords.js';
import type { SyncStore } from '#core/store/syncStore.js';

export interface EnrolRequest {
  serverUrl: string;
  code: string;
  deviceName: string;
}

export interface RoundOutcome {
  ok: boolean;
  error: string | null;
  pushed: number;
  pulled: number;
  reapplied: number;
  conflicts: number;
}

/** The sync client (sync/client.ts) as the rest of the core uses it. */
export interface SyncPort {
  readonly store: SyncStore;
  readonly events: SyncEvents;
  readonly records: SyncRecords;
  status(): SyncStatus;
  enrol(req: EnrolRequest, by: string): Promise<void>;
  /** Starts a round in the background unless one runs; answers at once. */
  startNow(): { started: boolean; status: SyncStatus };
  round(): Promise<RoundOutcome>;
  /** Resolves when no round runs. */
  idle(): Promise<void>;
  /** Rounds on a schedule (the web host, the desktop app). */
  start(): void;
  close(): Promise<void>;
}
