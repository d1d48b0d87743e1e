/**
 * The ETag of a bureau's users list (GET /api/sync/users). Every workstation asks for the list at every
 * round; almost always nothing changed, so a desk that sends back the tag of the list it holds gets
 * 304 Not Modified for one primary-key lookup instead of a SELECT of every user and a JSON body.
 * The tag is kept by PostgreSQL (migration 20261208T0410_user_list_versions: triggers give the bureau a
 * new random tag in the same transaction as any change of its users or its row), so it holds across
 * several API processes. The bureau record of the reply comes from the region table loaded at start,
 * so its digest is part of the tag too, as is the reply's format: a server that changes either never
 * answers 304 to a desk holding the old reply.
 */
import { createHash } from 'node:crypto';
import type { BureauView } from '#common/sync/enrolment.js';
import type { ServerContext } from '../http/context.js';

/** Raised when the reply's shape changes, so desks holding the old shape take the new one. */
const replyFormat = 'u1';

const digestOf = (b: BureauView): string =>
  createHash('sha256')
    .update(JSON.stringify([b.id, b.name, b.level, b.parentId]))
    .digest('hex')
    .slice(0, 12);

/** The strong ETag of the bureau's list now; null when the bureau has no version row (then no tag at all). */
export async function userListTag(ctx: ServerContext, bureau: BureauView): Promise<string | null> {
  const r = await ctx.pool.query<{ tag: string }>('SELECT tag FROM user_list_versions WHERE bureau_id = $1', [
    bureau.id,
  ]);
  const tag = r.rows[0]?.tag;
  return tag ? `"${replyFormat}-${tag}-${digestOf(bureau)}"` : null;
}

/**
 * Whether an If-None-Match header names this tag (weak comparison, as RFC 9110 wants for
 * If-None-Match; a list is split at commas). `*` is not taken as a match: a full reply is never
 * wrong, and no workstation sends it.
 */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.length > 2000) return false;
  return value.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
