/**
 * Keeps this desk's stock of 案号/文号 (docs/decisions.md "Number blocks"): at each sync, for the 案号 and
 * every numbered document type of the current year (and, in January, of the year before, for a case
 * filed on a December date), a kind with fewer than `refillBelow` numbers left gets the server's next
 * block. A desk's first request for a sequence declares the numbers its own counter gave before it was
 * enrolled, so those stay its own.
 */
import { numberBlockOutput } from '#common/sync/numbers.js';
import { SyncBlocks } from '#core/store/syncBlocks.js';
import type { SyncHttp } from './http.js';
import type { SyncParts } from './integrate.js';

export const refillBelow = 20;
export const blockSize = 50;

/** The sequences a desk keeps in stock on `today` (YYYY-MM-DD). */
export function stockedSequences(
  numberedTypes: Iterable<string>,
  today: string,
): Array<{ kind: string; year: number }> {
  const year = Number(today.slice(0, 4));
  const years = today.slice(5, 7) === '01' ? [year, year - 1] : [year];
  const kinds = ['case', ...[...numberedTypes].sort()];
  return years.flatMap((y) => kinds.map((kind) => ({ kind, year: y })));
}

/** Returns how many blocks were reserved. */
export async function refillBlocks(parts: SyncParts, http: SyncHttp, now: () => string): Promise<number> {
  const s = parts.services;
  const blocks = new SyncBlocks(s.db);
  const today = s.clock.now().toISOString().slice(0, 10);
  let got = 0;
  for (const { kind, year } of stockedSequences(s.numberedTypes, today)) {
    if (blocks.remaining(kind, year) >= refillBelow) continue;
    const usedBefore = blocks.heldBefore(kind, year) ? 0 : blocks.localLast(s.bureau().id, kind, year);
    const b = await http.request('POST', '/api/sync/number-block', numberBlockOutput, {
      kind,
      year,
      size: blockSize,
      ...(usedBefore ? { usedBefore } : {}),
    });
    s.db
      .transaction(() => {
        // Numbers the desk gave before enrolment: recorded as a block already spent.
        if (b.claimed) blocks.add(kind, year, b.claimed.start, b.claimed.end, now(), b.claimed.end + 1);
        blocks.add(kind, year, b.start, b.end, now());
      })
      .immediate();
    got++;
  }
  return got;
}
