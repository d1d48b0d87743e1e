/**
 * The demo bureau a first start creates in an empty data directory, so a new user can work at
 * once. Nothing in the code depends on it.
 */
import type { Role } from '../../../common/roles.js';
import type { Db } from '../store/db.js';
import { Directory } from '../store/directory.js';
import { syntheticEnterprises } from './enterprises.js';

export const demoBureau = { id: 'bureau-qdn-tianzhu', name: '黔东南州生态环境局天柱分局', abbreviation: '黔东南环天' };

export const demoOfficers = [
  { id: 'off-01', name: '张伟', certificateNo: '贵环执字522627001', certificateValidUntil: '2029-12-31' },
  { id: 'off-02', name: '李娜', certificateNo: '贵环执字522627002', certificateValidUntil: '2029-12-31' },
  { id: 'off-03', name: '王强', certificateNo: '贵环执字522627003', certificateValidUntil: '2028-06-30' },
  { id: 'off-04', name: '杨建国', certificateNo: '贵环执字522627004', certificateValidUntil: '2030-12-31' },
  { id: 'off-05', name: '龙小平', certificateNo: '贵环执字522627005', certificateValidUntil: '2025-12-31' },
];

export const demoUsers: Array<{ id: string; username: string; password: string; name: string; roles: Role[]; roleName: string; officerId: string | null }> = [
  { id: 'user-officer', username: 'officer', password: 'officer123', name: '张伟', roles: ['officer'], roleName: '办案人员', officerId: 'off-01' },
  { id: 'user-officer2', username: 'officer2', password: 'officer123', name: '李娜', roles: ['officer'], roleName: '办案人员', officerId: 'off-02' },
  { id: 'user-reviewer', username: 'reviewer', password: 'reviewer123', name: '吴秀英', roles: ['reviewer'], roleName: '法制审核', officerId: null },
  { id: 'user-head', username: 'head', password: 'head123', name: '杨建国', roles: ['head'], roleName: '负责人', officerId: 'off-04' },
];

export function seedDemo(db: Db, enterpriseCount = 300): void {
  const dir = new Directory(db);
  db.transaction(() => {
    dir.addBureau(demoBureau);
    for (const o of demoOfficers) dir.addOfficer({ ...o, userId: null }, demoBureau.id);
    for (const u of demoUsers) dir.addUser({ ...u, bureauId: demoBureau.id });
    for (const e of syntheticEnterprises(enterpriseCount)) dir.addEnterprise(e);
    db.prepare("INSERT INTO meta (key, value) VALUES ('demo', '1')").run();
  })();
}
