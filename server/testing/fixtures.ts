/**
 * Test data for the server: administrators, users and enrolled workstations of a county, and case events
 * built and hashed exactly as a workstation builds them (the workstation's eventHash and HLC format).
 */
import { monotonicFactory } from 'ulid';
import type { Role } from '#common/roles.js';
import type { WireEvent } from '#common/sync/events.js';
import { eventHash } from '#core/store/eventHash.js';
import { genesisHash } from '#core/store/hashing.js';
import { formatHlc } from '#core/domain/hlc.js';
import type { CaseEvent } from '#core/domain/events.js';
import { testAdminPassword, type TestServer } from './testServer.js';

export const userPassword = 'Banan-renyuan-2026';

export async function adminToken(s: TestServer, username = 'admin', password = testAdminPassword): Promise<string> {
  const r = await s.request('POST', '/api/admin/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login failed: ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

export async function addUser(
  s: TestServer,
  token: string,
  bureauId: string,
  username: string,
  roles: Role[],
  certificateNo?: string,
): Promise<string> {
  const r = await s.request('POST', '/api/admin/users', {
    token,
    body: {
      bureauId,
      username,
      name: username,
      roles,
      password: userPassword,
      ...(certificateNo ? { certificateNo, certificateValidUntil: '2030-12-31' } : {}),
    },
  });
  if (r.status !== 201) throw new Error(`user failed: ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}

export interface EnrolledDevice {
  deviceId: string;
  credential: string;
}

export async function enrolDevice(
  s: TestServer,
  token: string,
  bureauId: string,
  deviceName = '执法一科工作站',
): Promise<EnrolledDevice> {
  const code = await s.request('POST', '/api/admin/enrolment-codes', { token, body: { bureauId } });
  if (code.status !== 201) throw new Error(`code failed: ${JSON.stringify(code.body)}`);
  const r = await s.request('POST', '/api/enrol', { body: { code: code.body.code, deviceName } });
  if (r.status !== 201) throw new Error(`enrol failed: ${JSON.stringify(r.body)}`);
  // A 案号 block of 2026, as a workstation takes one at its first sync: pushed 案号 must lie in the device's blocks.
  const block = await s.request('POST', '/api/sync/number-block', {
    token: r.body.credential,
    body: { kind: 'case', year: 2026, size: 500 },
  });
  if (block.status !== 201) throw new Error(`number block failed: ${JSON.stringify(block.body)}`);
  return { deviceId: r.body.deviceId, credential: r.body.credential };
}

const ulid = monotonicFactory();

export interface Actor {
  id: string;
  name: string;
}

/** Events continuing `after` (the case's head), stamped at `nowMs`, hashed as the workstation hashes them. */
export function chain(
  caseId: string,
  actor: Actor,
  bodies: Array<{ type: WireEvent['type']; payload: Record<string, unknown> }>,
  after: { seq: number; hash: string } = { seq: 0, hash: genesisHash },
  nowMs = Date.now(),
): WireEvent[] {
  let prev = after;
  let counter = 0;
  return bodies.map((b) => {
    const partial = {
      id: ulid(nowMs),
      caseId,
      seq: prev.seq + 1,
      type: b.type,
      payload: b.payload,
      actorId: actor.id,
      actorName: actor.name,
      device: 'ws-test',
      hlc: formatHlc({ wall: nowMs, counter: counter++ }, 'ws-test'),
      at: new Date(nowMs).toISOString(),
      prevHash: prev.hash,
    };
    const e = { ...partial, hash: eventHash(partial as Omit<CaseEvent, 'hash'>) } as WireEvent;
    prev = { seq: e.seq, hash: e.hash };
    return e;
  });
}

/** A 立案 under 一般程序 2026.2 (resources/procedures/ordinary.v2.json), as `cases.open` writes it. */
export function opened(number: string): { type: 'case.opened'; payload: Record<string, unknown> } {
  return {
    type: 'case.opened',
    payload: {
      number,
      bureauId: 'ws-bureau',
      procedure: { id: 'ordinary', version: '2026.2' },
      startNode: 'filing.draft',
      party: {
        name: '某化工有限公司',
        uscc: '91520100MA6DKXXX0X',
        address: '贵阳市南明区',
        legalRepresentative: '张三',
      },
      violation: { typeId: 'air-001', name: '超标排放大气污染物', articles: [], penaltyArticle: '' },
      officers: [
        { id: 'o1', name: '李四', certificateNo: '52010001', certificateValidUntil: '2030-12-31' },
        { id: 'o2', name: '王五', certificateNo: '52010002', certificateValidUntil: '2030-12-31' },
      ],
      source: '现场检查',
      summary: '现场检查发现超标排放',
      discoveredOn: '2026-12-01',
      filedOn: '2026-12-02',
    },
  };
}

export function action(
  id: string,
  from: string,
  to: string | null,
  extra: Record<string, unknown> = {},
): { type: 'action.performed'; payload: Record<string, unknown> } {
  return {
    type: 'action.performed',
    payload: { action: id, from, to, approval: false, data: {}, on: '2026-12-02', ...extra },
  };
}
