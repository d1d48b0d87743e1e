/**
 * Publishing reference data to a test server and reading what 同步 says a workstation did with it: shared by
 * the tests of each applied kind (sync/reference.test.ts, sync/reference/*.test.ts).
 */
import type { TestServer } from './testServer.js';
import type { TestCore } from '#core/testing/testCore.js';

/** The province publishes a version through the admin route (the server's own checks apply). */
export const publishReference = (server: TestServer, token: string, kind: string, version: string, payload: unknown) =>
  server.request('POST', '/api/admin/reference', { token, body: { kind, version, payload } });

/** As an older server would have let it through: straight into its table, so the workstation's own check is tested. */
export async function publishUnchecked(
  server: TestServer,
  kind: string,
  version: string,
  payload: unknown,
): Promise<void> {
  await server.pool.query(
    'INSERT INTO reference_data (kind, version, payload, published_at) VALUES ($1, $2, $3::jsonb, now())',
    [kind, version, JSON.stringify(payload)],
  );
}

/** One round; the lines 同步 shows for it (the earlier rounds' lines cleared first). A failed round throws. */
export async function syncLines(desk: TestCore): Promise<string> {
  desk.core.services.db.prepare("UPDATE sync_enrolment SET changes = '[]' WHERE id = 1").run();
  const r = await desk.core.services.sync.round();
  if (r.error) throw new Error(`同步失败：${r.error}`);
  return desk.core.services.sync.status().changes.join('\n');
}
