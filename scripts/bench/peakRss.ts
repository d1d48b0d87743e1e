/**
 * This process's peak resident memory, in bytes. Not `process.resourceUsage().maxRSS` alone: on Linux a
 * child started by fork + exec keeps in it the parent's resident size at the fork (exec records the old
 * address space's high-water mark), so a bench child spawned by a big parent counted the parent's memory
 * as its own — the ledger server read 322 MB "before the first export" in a full `npm run bench`, 162 MB
 * alone (a child of a 400 MB parent: maxRSS 404 MB, VmHWM 39 MB). VmHWM is this address space's own.
 */
import { readFileSync } from 'node:fs';

export function peakRssBytes(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // Not Linux: the process's own figure, which elsewhere does not inherit the parent's.
  }
  return process.resourceUsage().maxRSS * 1024;
}
