/**
 * Enrolment: the administrator types the server's address and the one-time code (注册码) the
 * province or prefecture issued; the workstation exchanges it for a device credential bound to its
 * county bureau and stores it (sync_enrolment). The credential is never shown again and never logged.
 * A code for another county than the one this workstation was set up for is refused before anything
 * is stored (the code is spent on the server then: the message names the device to revoke there).
 */
import type { z } from 'zod';
import { AppError } from '#common/errors.js';
import { enrolOutput } from '#common/sync/enrolment.js';
import type { SyncStore } from '#core/store/syncStore.js';
import type { Services } from '#core/services.js';
import { SyncFailure, syncHttp, type FetchFn } from './http.js';
import type { EnrolRequest } from '../syncPort.js';

export type { EnrolRequest } from '../syncPort.js';

/** The county a workstation was set up for (setup.run stores it with the bureau; the demo bureau has one too). */
export type CountyOf = () => string | null;

export async function enrolWorkstation(
  services: Services,
  store: SyncStore,
  fetchFn: FetchFn,
  county: CountyOf,
  req: EnrolRequest,
  by: string,
): Promise<void> {
  const http = syncHttp(fetchFn, req.serverUrl, null);
  let r: z.infer<typeof enrolOutput>;
  try {
    r = await http.request('POST', '/api/enrol', enrolOutput, { code: req.code, deviceName: req.deviceName });
  } catch (e) {
    if (e instanceof SyncFailure) throw new AppError(e.kind === 'refused' ? 'VALIDATION' : 'SYNC_FAILED', e.message);
    throw e;
  }
  const mine = county();
  if (mine && mine !== r.bureau.id) {
    throw new AppError(
      'VALIDATION',
      `注册码属于“${r.bureau.name}”（${r.bureau.id}），而本工作站设置的单位位于行政区划 ${mine}；未保存登记。请管理员在服务器上撤销工作站 ${r.deviceId}，并为本单位申请注册码`,
    );
  }
  store.enrol({
    serverUrl: req.serverUrl,
    deviceId: r.deviceId,
    deviceName: req.deviceName,
    credential: r.credential,
    bureauId: r.bureau.id,
    bureauName: r.bureau.name,
    enrolledAt: services.clock.now().toISOString(),
    enrolledBy: by,
  });
}
