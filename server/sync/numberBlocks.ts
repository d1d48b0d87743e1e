/**
 * Number blocks (docs/decisions.md): the next `size` numbers of a bureau's yearly sequence, reserved for
 * one device in one transaction. The sequence's counter only grows: numbers are never handed out twice,
 * and the blocks of a bureau follow each other without a gap.
 *
 * A desk that numbered cases before it was enrolled declares, on its first request for a sequence, the
 * last number it gave (`usedBefore`): the numbers up to it that the bureau has not handed out yet become
 * the device's (a block already used up), so its earlier cases can be pushed. Numbers another desk
 * already holds are not given twice: such an island's cases meet DUPLICATE_NUMBER or NUMBER_NOT_RESERVED.
 */
import type pg from 'pg';
import type { z } from 'zod';
import { parseNumber, sequenceKey, type numberBlockInput } from '#common/sync/numbers.js';
import { inTransaction } from '../db/pool.js';
import type { ServerContext } from '../http/context.js';
import type { Device } from '../auth/device.js';

export async function reserveBlock(
  ctx: ServerContext,
  device: Device,
  input: z.infer<typeof numberBlockInput>,
): Promise<{ sequenceKey: string; start: number; end: number; claimed?: { start: number; end: number } }> {
  const key = sequenceKey(input.year, input.kind);
  return inTransaction(ctx.pool, async (tx) => {
    const record = (start: number, end: number) =>
      tx.query(
        'INSERT INTO number_blocks (bureau_id, sequence_key, start_no, end_no, device_id, reserved_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [device.bureauId, key, start, end, device.id, ctx.now()],
      );
    let claimed: { start: number; end: number } | null = null;
    if (input.usedBefore) {
      // The row lock of the sequence serialises this with other desks' requests.
      await tx.query(
        'INSERT INTO number_sequences (bureau_id, sequence_key, last_reserved) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING',
        [device.bureauId, key],
      );
      const cur = Number(
        (
          await tx.query<{ last_reserved: number }>(
            'SELECT last_reserved FROM number_sequences WHERE bureau_id = $1 AND sequence_key = $2 FOR UPDATE',
            [device.bureauId, key],
          )
        ).rows[0]!.last_reserved,
      );
      const first = (
        await tx.query('SELECT 1 FROM number_blocks WHERE device_id = $1 AND sequence_key = $2 LIMIT 1', [
          device.id,
          key,
        ])
      ).rowCount;
      if (!first && input.usedBefore > cur) {
        claimed = { start: cur + 1, end: input.usedBefore };
        await tx.query('UPDATE number_sequences SET last_reserved = $3 WHERE bureau_id = $1 AND sequence_key = $2', [
          device.bureauId,
          key,
          input.usedBefore,
        ]);
        await record(claimed.start, claimed.end);
      }
    }
    const r = await tx.query<{ last_reserved: number }>(
      `INSERT INTO number_sequences (bureau_id, sequence_key, last_reserved) VALUES ($1, $2, $3)
       ON CONFLICT (bureau_id, sequence_key) DO UPDATE SET last_reserved = number_sequences.last_reserved + EXCLUDED.last_reserved
       RETURNING last_reserved`,
      [device.bureauId, key, input.size],
    );
    const end = Number(r.rows[0]!.last_reserved);
    const start = end - input.size + 1;
    await record(start, end);
    return { sequenceKey: key, start, end, ...(claimed ? { claimed } : {}) };
  });
}

/**
 * Push rule: a 案号 or 文号 a device gives must lie in a block reserved for that device. `kind` is the
 * sequence (`case`, or the document type). Returns the Chinese reason, or null when it holds.
 */
export async function numberProblem(
  tx: pg.PoolClient,
  device: Device,
  kind: string,
  number: string,
): Promise<string | null> {
  const p = parseNumber(number);
  const what = kind === 'case' ? '案号' : '文号';
  if (!p) return `${what}“${number}”的格式不正确（应以“〔年份〕序号号”结尾）`;
  const r = await tx.query(
    'SELECT 1 FROM number_blocks WHERE device_id = $1 AND sequence_key = $2 AND $3 BETWEEN start_no AND end_no LIMIT 1',
    [device.id, sequenceKey(p.year, kind), p.seq],
  );
  return r.rowCount
    ? null
    : `${what}“${number}”不在服务器为本工作站预留的号段内（编号须从预留号段中取得，不能自行编号），服务器拒收`;
}
