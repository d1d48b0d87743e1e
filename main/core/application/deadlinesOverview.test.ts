/**
 * 到期提醒 reads deadlines kept as rows with each case. Property: after any sequence of actions, on
 * any day, the overview read from the rows equals the one worked out the old way (every open case
 * evaluated in full), and a rebuild of the projections gives the same rows. And the party's periods
 * are told apart from the bureau's own deadlines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '#common/schemas/cases.js';
import type { CaseEventBody } from '#core/domain/events.js';
import { evaluateDeadlines } from '#core/domain/procedure/deadlines.js';
import { mainTrackId, nodeOf, targetOf, trackOf } from '#core/domain/procedure/engine.js';
import { deriveActionData } from '#core/domain/procedure/derive.js';
import { fromNodes } from '#core/domain/procedure/definition.js';
import { versionInForce } from '#core/domain/procedure/versions.js';
import { sampleActionData } from '#core/testing/actionData.js';
import { evalCtx } from '#core/testing/procedureCase.js';
import { placeCase } from '#core/testing/placedCase.js';
import { createTestCore, type TestCore } from '#core/testing/testCore.js';
import { addDays } from '#core/domain/dates.js';
import type { Services } from '#core/services.js';

let t: TestCore;
let head: string;
beforeAll(async () => {
  t = await createTestCore({ today: '2026-03-02' });
  head = await t.login('head');
}, 60_000);
afterAll(async () => t?.close());

/** The overview as it was computed before the rows: every open case evaluated in full, today. */
function recomputed(services: Services, today: string, warn: number, include: 'attention' | 'all') {
  const rows = [];
  for (const { state: s } of services.cases.projection.states({ open: true })) {
    const ctx = { today, calendar: services.calendar, warnAheadWorkingDays: warn };
    const main = services.procedures.get(`${s.procedure.id}@${s.procedure.version}`)!;
    const all = [
      ...evaluateDeadlines(main.deadlines, s, mainTrackId, ctx).map((d) => ({ ...d, trackName: '主程序' })),
      ...s.tracks.flatMap((tr) =>
        evaluateDeadlines(trackOf(s, tr.id, services.procedures).def.deadlines, s, tr.id, ctx).map((d) => ({
          ...d,
          trackName: tr.name,
        })),
      ),
    ];
    for (const d of all) {
      if (d.status === 'met') continue;
      if (include === 'attention' && d.status !== 'overdue' && d.status !== 'dueSoon') continue;
      rows.push({ ...d, caseId: s.id, caseNumber: s.number, partyName: s.party.name });
    }
  }
  return rows;
}

const key = (r: { dueOn: string; caseId: string; track: string; id: string }) =>
  `${r.dueOn}|${r.caseId}|${r.track}|${r.id}`;
const sorted = <T extends { dueOn: string; caseId: string; track: string; id: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** A small seeded generator (mulberry32): the same seed walks the same way. */
function random(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** One random step on a case, as the events the core would write (guards are not the point here). */
function randomStep(
  services: Services,
  s: CaseState,
  today: string,
  pick: (n: number) => number,
): CaseEventBody | null {
  const tracks = [mainTrackId, ...s.tracks.filter((x) => !x.endedOn).map((x) => x.id)];
  if (pick(6) === 0) {
    const defs = [...services.procedures.values()].filter(
      (d) => d.kind === 'track' && d.attach?.procedures.includes(s.procedure.id) && d.attach.nodes.includes(s.node),
    );
    const def = defs.length ? versionInForce(services.procedures.values(), defs[pick(defs.length)]!.id, today) : null;
    if (def)
      return {
        type: 'track.started',
        payload: {
          trackId: `${def.id}-${s.tracks.length + 1}`,
          procedure: { id: def.id, version: def.version },
          name: def.name,
          startNode: def.start,
          on: today,
        },
      };
  }
  const track = tracks[pick(tracks.length)]!;
  const tr = trackOf(s, track, services.procedures);
  const actions = tr.def.actions.filter((a) => fromNodes(a).includes(tr.node));
  if (!actions.length) return null;
  const a = actions[pick(actions.length)]!;
  const raw = /^serve|deliver/.test(a.id)
    ? { servedOn: today, ...sampleActionData(a.form, today, 50_000) }
    : sampleActionData(a.form, today, 50_000);
  const data = deriveActionData(a, s, track, raw, tr.def.dailyCount);
  const to = targetOf(a, s, evalCtx(today), data, track, tr.returnTo);
  return {
    type: 'action.performed',
    payload: {
      action: a.id,
      from: tr.node,
      to,
      approval: Boolean(a.approval),
      sendBack: Boolean(a.sendBack),
      data,
      on: today,
      ...(track !== mainTrackId ? { track } : {}),
      ...(to && nodeOf(tr.def, to).terminal ? { terminal: true } : {}),
    },
  } as CaseEventBody;
}

async function expectOverviewMatches(today: string): Promise<void> {
  for (const include of ['attention', 'all'] as const) {
    const got = await t.call(head, 'deadlines.overview', { include });
    const want = recomputed(t.core.services, today, got.warnAheadWorkingDays, include);
    expect(sorted(got.rows)).toEqual(sorted(want));
  }
}

describe('property: deadlines kept as rows equal a full recompute', () => {
  it.each([1, 2, 3])('after random actions and days (seed %i)', async (seed) => {
    const pick = random(seed);
    const services = t.core.services;
    let today = '2026-03-02';
    t.clock.setDate(today);
    const cases = [0, 1, 2, 3].map((i) =>
      placeCase(services, {
        id: `s${seed}-${i}`,
        number: `测〔2026〕${seed}0${i}号`,
        node: ['investigation', 'notice.service', 'decision.review', 'execution'][i]!,
        procedure: { id: 'ordinary', version: i % 2 ? '2026.2' : '2026.1' },
        filedOn: today,
      }),
    );
    for (let move = 0; move < 40; move++) {
      today = addDays(today, pick(4));
      t.clock.setDate(today);
      const id = cases[pick(cases.length)]!;
      const s = services.cases.get(id);
      if (s.closedOn) continue;
      const body = randomStep(services, s, today, pick);
      if (body) services.cases.write(id, { id: 'user-head', name: '杨建国', device: 'test' }, () => [body]);
      if (move % 8 === 7) await expectOverviewMatches(today);
    }
    // Days pass with nothing done: statuses move from running to due soon to overdue, and suspensions slide.
    for (const later of [3, 10, 40]) {
      t.clock.setDate(addDays(today, later));
      await expectOverviewMatches(addDays(today, later));
    }
    // The projection rebuild writes the same rows (a sliding due date is of the day it was written: read again then).
    const fixed = () =>
      services.cases.projection.rows.allDeadlines().map((r) => (r.slides ? { ...r, view: 'slides' } : r));
    const before = fixed();
    services.cases.rebuildAll();
    expect(fixed()).toEqual(before);
  });
});

describe('whose deadline it is', () => {
  it('a running 陈述申辩 period is the party’s and 作出处罚决定期限 the bureau’s', async () => {
    const services = t.core.services;
    t.clock.setDate('2026-04-01');
    placeCase(services, { id: 'owner-1', number: '测〔2026〕900号', node: 'notice.service', filedOn: '2026-03-30' });
    services.cases.write('owner-1', { id: 'user-officer', name: '张伟', device: 'test' }, () => [
      {
        type: 'action.performed',
        payload: {
          action: 'serveNotice',
          from: 'notice.service',
          to: 'defence',
          approval: false,
          sendBack: false,
          data: { servedOn: '2026-04-01', documentType: '行政处罚事先告知书' },
          on: '2026-04-01',
          serves: 'penalty-notice',
        },
      } as CaseEventBody,
    ]);
    const rows = (await t.call(head, 'deadlines.overview', { include: 'all' })).rows.filter(
      (r) => r.caseId === 'owner-1',
    );
    expect(rows.map((r) => [r.id, r.owner])).toEqual(
      expect.arrayContaining([
        ['decisionLimit', 'bureau'],
        ['defencePeriod', 'party'],
      ]),
    );
    const counts = await t.call(head, 'queues.counts', {});
    const attention = (await t.call(head, 'deadlines.overview', {})).rows;
    expect(counts.deadlines).toEqual({
      bureau: attention.filter((r) => r.owner === 'bureau').length,
      party: attention.filter((r) => r.owner === 'party').length,
    });
  });

  it('the procedure data marks the party’s periods (陈述申辩, 缴纳罚款, 催告履行) and no other', () => {
    const party = new Set<string>();
    for (const d of t.core.services.procedures.values())
      for (const r of d.deadlines) if (r.owner === 'party') party.add(r.id);
    expect([...party].sort()).toEqual(['defencePeriod', 'payment', 'reminderPeriod']);
  });
});
