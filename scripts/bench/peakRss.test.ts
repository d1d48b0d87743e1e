/**
 * A bench child's peak memory is its own: spawned by a parent holding 300 MB, the child reads far less
 * through peakRssBytes(), while Node's maxRSS in the same child carries the parent's (Linux).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { appRoot } from '#core/paths.js';

const mb = 1024 * 1024;
const onLinux = process.platform === 'linux';
if (!onLinux) console.log('peakRss.test skipped: VmHWM and the inherited maxRSS are Linux facts');

describe('peakRssBytes', () => {
  it.runIf(onLinux)("reports the child's own peak, not the parent's at the fork", () => {
    const held = Buffer.alloc(300 * mb, 1); // touched: resident in this (the parent) process
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('./scripts/bench/peakRss.ts').then((m) => console.log(JSON.stringify({ own: m.peakRssBytes(), node: process.resourceUsage().maxRSS * 1024 })))",
      ],
      { cwd: appRoot(), encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const { own, node } = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { own: number; node: number };
    expect(held.length).toBe(300 * mb);
    expect(node).toBeGreaterThan(300 * mb); // what the bench children used to report
    expect(own).toBeGreaterThan(10 * mb);
    expect(own).toBeLessThan(200 * mb);
  });
});
