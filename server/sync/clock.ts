/**
 * Bounded clock drift: a workstation whose clock runs ahead would stamp events "in the future" and, once
 * merged, drag every other device's hybrid logical clock along (Actual Budget's users lost sync to one
 * far-future stamp). The server refuses a push whose stamps lie more than the bound ahead of its own
 * clock, and says by how much the PC is off. A clock that is behind is harmless: the HLC absorbs it.
 */
import { parseHlc } from '#core/domain/hlc.js';
import { durationText } from '#core/domain/accountRules.js';
import type { WireEvent } from '#common/sync/events.js';

export const maxClockAheadMs = 5 * 60_000;

/** How far the furthest stamp (HLC wall time, or the event's `at`) lies ahead of `nowMs`; 0 when none. Pure. */
export function aheadBy(events: readonly WireEvent[], nowMs: number): number {
  let ahead = 0;
  for (const e of events) {
    const at = Date.parse(e.at);
    const wall = parseHlc(e.hlc).wall;
    ahead = Math.max(ahead, wall - nowMs, Number.isNaN(at) ? 0 : at - nowMs);
  }
  return ahead;
}

export function driftMessage(aheadMs: number, boundMs: number): string {
  return `本机时钟比服务器快约${durationText(aheadMs)}，超过允许的${durationText(boundMs)}；请校准电脑的日期和时间后再同步`;
}
