/**
 * Hybrid logical clock (Kulkarni et al.): timestamps that follow wall time but never go backwards
 * and order events across workstations even when their clocks disagree. Pure: the caller passes
 * the physical time in and keeps the returned state.
 */
export interface HlcState {
  wall: number;
  counter: number;
}

export function hlcTick(prev: HlcState, physicalMs: number): HlcState {
  if (physicalMs > prev.wall) return { wall: physicalMs, counter: 0 };
  return { wall: prev.wall, counter: prev.counter + 1 };
}

/** Merge a timestamp received from elsewhere (sync) so later local events sort after it. */
export function hlcReceive(prev: HlcState, remote: HlcState, physicalMs: number): HlcState {
  const wall = Math.max(prev.wall, remote.wall, physicalMs);
  if (wall === prev.wall && wall === remote.wall) return { wall, counter: Math.max(prev.counter, remote.counter) + 1 };
  if (wall === prev.wall) return { wall, counter: prev.counter + 1 };
  if (wall === remote.wall) return { wall, counter: remote.counter + 1 };
  return { wall, counter: 0 };
}

/** Fixed-width so that string order is time order. */
export function formatHlc(s: HlcState, node: string): string {
  return `${s.wall.toString().padStart(15, '0')}-${s.counter.toString(36).padStart(5, '0')}-${node}`;
}

export function parseHlc(text: string): HlcState {
  const [wall, counter] = text.split('-');
  return { wall: Number(wall), counter: parseInt(counter ?? '0', 36) };
}
