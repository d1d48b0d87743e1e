/** The server's procedure checks on pushed events, pure, over the shipped procedure definitions. */
import { describe, expect, it } from 'vitest';
import { loadProcedures } from '#core/services.js';
import { replay } from '#core/domain/caseReducer.js';
import type { CaseEvent } from '#core/domain/events.js';
import type { Role } from '#common/roles.js';
import { action, chain, opened } from '../testing/fixtures.js';
import { lawProblems } from './lawful.js';
import { aheadBy, driftMessage } from './clock.js';
import { bureausFromRegions, loadBureaus } from '../db/bureaus.js';
import { BureauTree } from '../db/bureauTree.js';

const procedures = loadProcedures();
const actor = { id: 'u1', name: '甲' };
const as = (roles: Role[]) => ({ procedures, actorRoles: roles });

/** The case after `bodies`, and the next event built on it. */
function after(bodies: Parameters<typeof chain>[2], next: Parameters<typeof chain>[2][number]) {
  const events = chain('c1', actor, [...bodies, next]) as unknown as CaseEvent[];
  return { state: replay(events.slice(0, -1)), event: events.at(-1)! };
}

const toInvestigation = [
  opened('1号'),
  action('submitFiling', 'filing.draft', 'filing.review'),
  action('approveFiling', 'filing.review', 'investigation', { approval: true }),
];

describe('lawProblems', () => {
  it('accepts the lawful path and refuses the start at the wrong node', () => {
    const ok = after([], opened('1号'));
    expect(lawProblems(ok.state, ok.event, as(['officer']))).toEqual([]);
    const wrongStart = after([], {
      type: 'case.opened',
      payload: { ...opened('1号').payload, startNode: 'investigation' },
    });
    expect(lawProblems(wrongStart.state, wrongStart.event, as(['officer']))[0]).toMatch(/立案时案件应处于/);
    const track = after([], {
      type: 'case.opened',
      payload: { ...opened('1号').payload, procedure: { id: 'correction', version: '2026.1' } },
    });
    expect(lawProblems(track.state, track.event, as(['officer']))[0]).toMatch(/附加程序，不能据以立案/);
  });

  it('refuses a target the definition does not give and a wrong approval flag', () => {
    const jump = after([opened('1号')], action('submitFiling', 'filing.draft', 'closed'));
    expect(lawProblems(jump.state, jump.event, as(['officer'])).join()).toContain('不能使案件进入“closed”');
    const flag = after(
      toInvestigation.slice(0, 2),
      action('approveFiling', 'filing.review', 'investigation', { approval: false }),
    );
    expect(lawProblems(flag.state, flag.event, as(['head'])).join()).toContain('审批标记');
  });

  it('follows 中止 → 恢复 back to the node before, and nowhere else', () => {
    const suspended = [...toInvestigation, action('suspend', 'investigation', 'suspended')];
    const back = after(suspended, action('resume', 'suspended', 'investigation', { approval: true }));
    expect(lawProblems(back.state, back.event, as(['head']))).toEqual([]);
    const elsewhere = after(suspended, action('resume', 'suspended', 'report', { approval: true }));
    expect(lawProblems(elsewhere.state, elsewhere.event, as(['head'])).join()).toContain('不能使案件进入');
  });

  it('starts a track only from a node it attaches to, by its roles, once unless repeatable', () => {
    const start = (trackId: string) => ({
      type: 'track.started' as const,
      payload: {
        trackId,
        procedure: { id: 'correction', version: '2026.1' },
        name: '责令改正',
        startNode: 'order.draft',
        on: '2026-12-03',
      },
    });
    const early = after([opened('1号')], start('t1'));
    expect(lawProblems(early.state, early.event, as(['officer'])).join()).toContain('不能启动');
    const ok = after(toInvestigation, start('t1'));
    expect(lawProblems(ok.state, ok.event, as(['officer']))).toEqual([]);
    expect(lawProblems(ok.state, ok.event, as(['reviewer'])).join()).toContain('须由办案人员或负责人执行');
    const twice = after([...toInvestigation, start('t1')], start('t2'));
    expect(lawProblems(twice.state, twice.event, as(['officer'])).join()).toContain('正在进行中');
    const onTrack = after(
      [...toInvestigation, start('t1')],
      action('nonexistent', 'order.draft', null, { track: 't1' }),
    );
    expect(lawProblems(onTrack.state, onTrack.event, as(['officer'])).join()).toContain('中没有操作');
  });

  it('refuses an actor the server does not know', () => {
    const e = after([opened('1号')], action('submitFiling', 'filing.draft', 'filing.review'));
    expect(lawProblems(e.state, e.event, { procedures, actorRoles: null })).toEqual([
      '操作人不是本单位在服务器登记的用户',
    ]);
  });
});

describe('clock drift', () => {
  it('measures the furthest stamp ahead and says it in Chinese', () => {
    const now = Date.parse('2026-12-07T08:00:00Z');
    const events = chain('c1', actor, [opened('1号')], undefined, now + 90 * 60_000);
    expect(aheadBy(events, now)).toBe(90 * 60_000);
    expect(aheadBy(chain('c1', actor, [opened('1号')], undefined, now - 3600_000), now)).toBe(0);
    expect(driftMessage(90 * 60_000, 5 * 60_000)).toBe(
      '本机时钟比服务器快约1小时30分钟，超过允许的5分钟；请校准电脑的日期和时间后再同步',
    );
  });
});

describe('bureaus', () => {
  it('are the province, 9 prefectures and 88 county branches, each county under its prefecture', () => {
    const all = loadBureaus();
    expect(all.filter((b) => b.level === 'province')).toHaveLength(1);
    expect(all.filter((b) => b.level === 'prefecture')).toHaveLength(9);
    expect(all.filter((b) => b.level === 'county')).toHaveLength(88);
    const tree = new BureauTree(all);
    expect(tree.get('520102')?.name).toBe('贵阳市生态环境局南明区分局');
    expect(tree.isWithin('520102', '520100')).toBe(true);
    expect(tree.isWithin('520102', '520000')).toBe(true);
    expect(tree.isWithin('520102', '520300')).toBe(false);
    expect(tree.isWithin('520100', '520102')).toBe(false);
    expect(tree.subtree('520102')).toEqual(['520102']);
    expect(tree.subtree('520000')).toHaveLength(98);
    expect(() =>
      bureausFromRegions({ version: 'x', provinces: [], prefectures: [], counties: [], retired: [] }),
    ).toThrow(/贵州省/);
  });
});
