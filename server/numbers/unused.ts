/**
 * Reserved but unused 案号/文号 of a year (docs/decisions.md, "Number blocks"): the blocks the server
 * reserved for each device of the bureaus, minus every number pushed in those bureaus (a 立案's 案号, a
 * document's 文号 — whichever desk gave it: a regenerated document keeps its number). Reported, never
 * filled: no other desk is ever given these numbers.
 */
import { parseNumber, sequenceKey } from '#common/sync/numbers.js';
import type { NumberRange, UnusedBlock, UnusedNumbersOutput } from '#common/sync/unusedNumbers.js';
import type { ServerContext } from '../http/context.js';

/** The numbers of start…end not in `used`, as ranges in order. */
export function unusedRanges(start: number, end: number, used: ReadonlySet<number>): NumberRange[] {
  const out: NumberRange[] = [];
  let open: NumberRange | null = null;
  for (let n = start; n <= end; n++) {
    if (used.has(n)) {
      open = null;
    } else if (open) {
      open.end = n;
    } else {
      open = { start: n, end: n };
      out.push(open);
    }
  }
  return out;
}

export async function unusedNumbers(
  ctx: ServerContext,
  bureauIds: readonly string[],
  year: number,
): Promise<UnusedNumbersOutput> {
  const blocks = (
    await ctx.pool.query<{
      bureau_id: string;
      sequence_key: string;
      start_no: number;
      end_no: number;
      device_id: string;
      name: string;
      revoked_at: Date | null;
      reserved_at: Date;
    }>(
      `SELECT b.bureau_id, b.sequence_key, b.start_no, b.end_no, b.device_id, d.name, d.revoked_at, b.reserved_at
         FROM number_blocks b JOIN devices d ON d.id = b.device_id
        WHERE b.bureau_id = ANY($1) AND b.sequence_key LIKE $2
        ORDER BY b.bureau_id, b.sequence_key, b.start_no`,
      [bureauIds, `${year}/%`],
    )
  ).rows;
  const given = (
    await ctx.pool.query<{ bureau_id: string; kind: string | null; number: string }>(
      `SELECT bureau_id, CASE WHEN type = 'case.opened' THEN 'case' ELSE payload->>'type' END AS kind, payload->>'number' AS number
         FROM case_events
        WHERE bureau_id = ANY($1) AND type IN ('case.opened', 'document.generated') AND payload->>'number' LIKE $2`,
      [bureauIds, `%〔${year}〕%`],
    )
  ).rows;
  const used = new Map<string, Set<number>>();
  for (const g of given) {
    const p = g.kind ? parseNumber(g.number) : null;
    if (!p || p.year !== year) continue;
    const key = `${g.bureau_id}|${sequenceKey(year, g.kind!)}`;
    if (!used.has(key)) used.set(key, new Set());
    used.get(key)!.add(p.seq);
  }
  const out: UnusedBlock[] = [];
  for (const b of blocks) {
    const unused = unusedRanges(b.start_no, b.end_no, used.get(`${b.bureau_id}|${b.sequence_key}`) ?? new Set());
    const unusedCount = unused.reduce((n, r) => n + r.end - r.start + 1, 0);
    if (!unusedCount) continue;
    out.push({
      bureauId: b.bureau_id,
      bureauName: ctx.bureaus.get(b.bureau_id)?.name ?? b.bureau_id,
      kind: b.sequence_key.slice(b.sequence_key.indexOf('/') + 1),
      start: b.start_no,
      end: b.end_no,
      deviceId: b.device_id,
      deviceName: b.name,
      revoked: b.revoked_at !== null,
      reservedAt: b.reserved_at.toISOString(),
      unused,
      unusedCount,
    });
  }
  return { year, blocks: out, total: out.reduce((n, b) => n + b.unusedCount, 0) };
}
