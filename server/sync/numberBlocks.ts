/**
 * Number blocks (docs/decisions.md): the next `size` numbers of a bureau's yearly sequence, reserved for
 * one device in one transaction. The sequence's counter only grows: numbers are never handed out twice,
 * and the blocks of a bureau follow each other without a gap.
 */
import type { z } from 'zod';
import { sequenceKey, type numberBlockInput } from '#common/sync/numbers.js';
import { inTransaction } from '../db/pool.js';
import type { ServerContext } from '../http/context.js';
import type { Device } from '../auth/device.js';

export async function reserveBlock(
  ctx: ServerContext,
  device: Device,
  input: z.infer<typeof numberBlockInput>,
): Promise<{ sequenceKey: string; start: number; end: number }> {
  const key = sequenceKey(input.year, input.kind);
  return inTransaction(ctx.pool, async (tx) => {
    const r = await tx.query<{ last_reserved: number }>(
      `INSERT INTO number_sequences (bureau_id, sequence_key, last_reserved) VALUES ($1, $2, $3)
       ON CONFLICT (bureau_id, sequence_key) DO UPDATE SET last_reserved = number_sequences.last_reserved + EXCLUDED.last_reserved
       RETURNING last_reserved`,
      [device.bureauId, key, input.size],
    );
    const end = r.rows[0]!.last_reserved;
    const start = end - input.size + 1;
    await tx.query(
      'INSERT INTO number_blocks (bureau_id, sequence_key, start_no, end_no, device_id, reserved_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [device.bureauId, key, start, end, device.id, ctx.now()],
    );
    return { sequenceKey: key, start, end };
  });
}
