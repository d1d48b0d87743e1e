/**
 * An event's hash and the check of a case's hash chain: pure (no database), so the provincial
 * server re-checks what a workstation pushes with exactly this code (server/sync/checkEvents.ts).
 */
import type { CaseEvent } from '../domain/events.js';
import { canonicalJson, genesisHash, sha256Hex } from './hashing.js';

export function eventHash(e: Omit<CaseEvent, 'hash'>): string {
  const { id, caseId, seq, type, payload, actorId, actorName, device, hlc, at, prevHash } = e;
  return sha256Hex(canonicalJson({ id, caseId, seq, type, payload, actorId, actorName, device, hlc, at, prevHash }));
}

/** Checks a case's chain: every hash recomputes and links to its predecessor. */
export function verifyChain(events: CaseEvent[]): { valid: boolean; brokenAt: number | null } {
  let prev = genesisHash;
  for (const e of events) {
    const { hash, ...rest } = e;
    if (e.prevHash !== prev || eventHash(rest) !== hash) return { valid: false, brokenAt: e.seq };
    prev = hash;
  }
  return { valid: true, brokenAt: null };
}
