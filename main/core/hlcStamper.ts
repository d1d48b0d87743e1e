/**
 * The core's ids and hybrid-logical-clock stamps. It resumes from the newest event on disk, ticks with
 * the core's clock for each local event, and receives the stamps of events pulled from the provincial
 * server (sync/integrate.ts), so that what this desk records after seeing another desk's event sorts
 * after it even when this PC's clock is behind. How far ahead a stamp may be is bounded by the server,
 * which refuses pushes stamped more than five minutes ahead of its own clock (server/sync/clock.ts).
 */
import { monotonicFactory } from 'ulid';
import { formatHlc, hlcReceive, hlcTick, parseHlc, type HlcState } from './domain/hlc.js';
import type { Clock } from './services.js';
import type { StampFn } from './store/caseStore.js';

export class HlcStamper {
  private state: HlcState;
  private readonly ulid = monotonicFactory();

  constructor(
    newestOnDisk: string | undefined,
    private readonly clock: Clock,
    private readonly device: string,
  ) {
    this.state = newestOnDisk ? parseHlc(newestOnDisk) : { wall: 0, counter: 0 };
  }

  readonly stamp: StampFn = () => {
    const now = this.clock.now();
    this.state = hlcTick(this.state, now.getTime());
    return { id: this.ulid(now.getTime()), hlc: formatHlc(this.state, this.device), at: now.toISOString() };
  };

  /** Another desk's stamp, seen in a pull: later local stamps sort after it. */
  receive(remote: string): void {
    const r = parseHlc(remote);
    if (!Number.isFinite(r.wall) || !Number.isFinite(r.counter)) return; // the chain check refuses such an event
    this.state = hlcReceive(this.state, r, this.clock.now().getTime());
  }
}
