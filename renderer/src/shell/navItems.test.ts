/** The navigation as data: each role sees the screens it may open, its first queue named for it. */
import { describe, expect, it } from 'vitest';
import type { Role } from '#common/roles';
import { canCall } from '#renderer/app/canCall';
import { mainNav, navLabel, userNav } from './navItems';

const shown = (roles: Role[]) =>
  mainNav.flatMap((item) => {
    const label = navLabel(item, roles, (op) => canCall(roles, op));
    return label === null ? [] : [label];
  });

describe('navigation entries', () => {
  it('has one entry a screen (ids are test ids)', () => {
    const ids = [...mainNav, ...userNav].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows an officer his cases and no 账号与审计 or 评查得分', () => {
    const labels = shown(['officer']);
    expect(labels[0]).toBe('我的案件');
    expect(labels).toContain('到期提醒');
    expect(labels).not.toContain('账号与审计');
    expect(labels).not.toContain('评查得分');
  });

  it('gives a head 待我审批 and 评查得分, an administrator no queue but 账号与审计', () => {
    expect(shown(['head'])[0]).toBe('待我审批');
    expect(shown(['head'])).toContain('评查得分');
    const admin = shown(['admin']);
    expect(admin).toContain('账号与审计');
    expect(admin.some((l) => ['待我审批', '待我审核', '我的案件'].includes(l))).toBe(false);
  });
});
