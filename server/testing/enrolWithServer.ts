/**
 * A test workstation enrolled with the test server, as a bureau's administrator does it at the desk: the
 * province issues a one-time code for the county, the desk's administrator exchanges it, and the first
 * round runs. Every sync test starts so; each builds its core its own way first (clock, fetch, retries).
 */
import type { TestCore } from '#core/testing/testCore.js';
import type { TestServer } from './testServer.js';

/** Returns the desk administrator's token. `serverUrl`: the server's address as typed (a proxy's, a trailing slash). */
export async function enrolWithServer(
  t: TestCore,
  server: Pick<TestServer, 'request' | 'url'>,
  province: string,
  deviceName: string,
  serverUrl: string = server.url,
  county = '522627', // 天柱县: the demo bureau's county
): Promise<string> {
  const code = (
    await server.request('POST', '/api/admin/enrolment-codes', { token: province, body: { bureauId: county } })
  ).body.code as string;
  const admin = await t.login('admin');
  await t.call(admin, 'sync.enrol', { serverUrl, code, deviceName });
  await t.core.services.sync.idle();
  return admin;
}
