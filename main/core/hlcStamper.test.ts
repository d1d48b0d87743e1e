import { describe, expect, it } from 'vitest';
import { parseHlc } from './domain/hlc.js';
import { HlcStamper } from './hlcStamper.js';

const at = (iso: string) => ({ now: () => new Date(iso) });

describe('HlcStamper', () => {
  it('after receiving another desk’s later stamp, this desk’s next stamp sorts after it though its clock is behind', () => {
    const behind = new HlcStamper(undefined, at('2026-12-07T01:00:00Z'), 'ws-a');
    const before = behind.stamp().hlc;
    const remote = new HlcStamper(undefined, at('2026-12-07T03:00:00Z'), 'ws-b').stamp().hlc;
    expect(before < remote).toBe(true);
    behind.receive(remote);
    const after = behind.stamp().hlc;
    expect(after > remote).toBe(true);
    expect(parseHlc(after).wall).toBe(parseHlc(remote).wall);
  });

  it('an older remote stamp changes nothing but the counter; a malformed one is ignored', () => {
    const s = new HlcStamper(undefined, at('2026-12-07T03:00:00Z'), 'ws-a');
    const first = s.stamp().hlc;
    s.receive(new HlcStamper(undefined, at('2026-12-07T01:00:00Z'), 'ws-b').stamp().hlc);
    s.receive('garbage');
    const next = s.stamp().hlc;
    expect(next > first).toBe(true);
    expect(parseHlc(next).wall).toBe(parseHlc(first).wall);
  });

  it('resumes from the newest stamp on disk', () => {
    const disk = new HlcStamper(undefined, at('2026-12-08T00:00:00Z'), 'ws-b').stamp().hlc;
    const restarted = new HlcStamper(disk, at('2026-12-07T00:00:00Z'), 'ws-a');
    expect(restarted.stamp().hlc > disk).toBe(true);
  });
});
