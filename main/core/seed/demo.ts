/**
 * The demo bureau a first start creates in an empty data directory, so a new user can work at
 * once — only when asked (createCore's `demo`, ANJUAN_DEMO=1: `npm start`, the sample scripts, the
 * bench, the tests). Its passwords are published: an installed workstation never gets these users
 * but starts with the first-run setup. Nothing in the code depends on it.
 */
import type { Role } from '#common/roles.js';
import type { Db } from '../store/db.js';
import { Directory } from '../store/directory.js';
import { syntheticEnterprises } from './enterprises.js';
import { setBureauInfoSetting } from '#core/application/settings.js';
import { setMetaValue } from '../store/meta.js';
import { hashPassword } from '../store/passwords.js';
import type { BureauInfo } from '#common/bureauInfo.js';
import { sampleBureauInfo } from '../documents/fixtureInputs.js';

export const demoBureau = {
  id: 'bureau-qdn-tianzhu',
  name: '黔东南州生态环境局天柱分局',
  abbreviation: '黔东南环天',
  county: '522627',
};

/**
 * The demo bureau's 本局文书信息 (本局设置): those of the sample case's bureau (documents/fixtureInputs.ts),
 * so that its notices and decisions can be made at once. A real bureau replaces them in 本局设置.
 */
export const demoBureauInfo: BureauInfo = sampleBureauInfo;

export const demoOfficers = [
  { id: 'off-01', name: '张伟', certificateNo: '贵环执字522627001', certificateValidUntil: '2029-12-31' },
  { id: 'off-02', name: '李娜', certificateNo: '贵环执字522627002', certificateValidUntil: '2029-12-31' },
  { id: 'off-03', name: '王强', certificateNo: '贵环执字522627003', certificateValidUntil: '2028-06-30' },
  { id: 'off-04', name: '杨建国', certificateNo: '贵环执字522627004', certificateValidUntil: '2030-12-31' },
  { id: 'off-05', name: '龙小平', certificateNo: '贵环执字522627005', certificateValidUntil: '2025-12-31' },
];

export const demoUsers: Array<{
  id: string;
  username: string;
  password: string;
  name: string;
  roles: Role[];
  roleName: string;
  officerId: string | null;
}> = [
  {
    id: 'user-officer',
    username: 'officer',
    password: 'officer123',
    name: '张伟',
    roles: ['officer'],
    roleName: '办案人员',
    officerId: 'off-01',
  },
  {
    id: 'user-officer2',
    username: 'officer2',
    password: 'officer123',
    name: '李娜',
    roles: ['officer'],
    roleName: '办案人员',
    officerId: 'off-02',
  },
  {
    id: 'user-reviewer',
    username: 'reviewer',
    password: 'reviewer123',
    name: '吴秀英',
    roles: ['reviewer'],
    roleName: '法制审核',
    officerId: null,
  },
  {
    id: 'user-head',
    username: 'head',
    password: 'head123',
    name: '杨建国',
    roles: ['head'],
    roleName: '负责人',
    officerId: 'off-04',
  },
  // accounts and the audit log (users.list, users.resetPassword, audit.list) can be tried in the demo.
  {
    id: 'user-admin',
    username: 'admin',
    password: 'admin123',
    name: '赵敏',
    roles: ['admin'],
    roleName: '系统管理员',
    officerId: null,
  },
];

/**
 * The demo's published passwords, each hashed once per process: a scrypt costs ~60–200 ms, and tests
 * and benches create many demo bureaus in one process. The passwords are public, so a salt shared by
 * the demo bureaus of one process hides nothing; every real account gets its own salt.
 */
const demoHashes = new Map<string, string>();
function demoHash(password: string): string {
  const known = demoHashes.get(password);
  if (known) return known;
  const hash = hashPassword(password);
  demoHashes.set(password, hash);
  return hash;
}

export function seedDemo(db: Db, enterpriseCount = 300): void {
  const dir = new Directory(db);
  db.transaction(() => {
    dir.addBureau(demoBureau);
    for (const o of demoOfficers) dir.addOfficer({ ...o, userId: null }, demoBureau.id);
    for (const u of demoUsers) dir.addUser({ ...u, bureauId: demoBureau.id, passwordHash: demoHash(u.password) });
    for (const e of syntheticEnterprises(enterpriseCount)) dir.addEnterprise(e);
    setBureauInfoSetting({ db }, demoBureauInfo);
    setMetaValue(db, 'demo', '1');
  })();
}
