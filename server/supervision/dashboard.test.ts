/**
 * Each dashboard measure on a seeded dataset pushed through the real push route, as workstations push
 * it, against the right answers worked out here from the plan of each case (not from the reducer or
 * supervision's own code); and the scope: a county sees only its own cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireEvent } from '#common/sync/events.js';
import { genesisHash } from '#core/store/hashing.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import {
  action,
  addUser,
  adminToken,
  chain,
  enrolDevice,
  opened,
  userPassword,
  type Actor,
  type EnrolledDevice,
} from '../testing/fixtures.js';

/** The happy path of 一般程序 2026.2: each step's action, where it goes, and who takes it. */
const path: Array<{ action: string; from: string; to: string | null; head?: boolean; data?: Record<string, unknown> }> =
  [
    { action: 'submitFiling', from: 'filing.draft', to: 'filing.review' },
    { action: 'approveFiling', from: 'filing.review', to: 'investigation', head: true },
    { action: 'finishInvestigation', from: 'investigation', to: 'report' },
    {
      action: 'submitReport',
      from: 'report',
      to: 'review',
      data: { facts: '超标排放', proposedFine: 0, reasoning: '' },
    },
    { action: 'passReview', from: 'review', to: 'notice.draft', head: true },
    { action: 'submitNotice', from: 'notice.draft', to: 'notice.review' },
    { action: 'approveNotice', from: 'notice.review', to: 'notice.service', head: true },
    {
      action: 'serveNotice',
      from: 'notice.service',
      to: 'defence',
      data: { servedOn: '2026-09-20', servedDocument: '行政处罚事先告知书' },
    },
    { action: 'closeDefence', from: 'defence', to: 'decision.draft' },
    { action: 'submitDecision', from: 'decision.draft', to: 'decision.review' },
    { action: 'approveDecision', from: 'decision.review', to: 'service', head: true },
    {
      action: 'serveDecision',
      from: 'service',
      to: 'execution',
      data: { servedOn: '2026-10-01', servedDocument: '行政处罚决定书' },
    },
    { action: 'recordPayment', from: 'execution', to: null, data: { paidOn: '2026-10-05' } },
    { action: 'finishExecution', from: 'execution', to: 'closing.draft' },
    { action: 'submitClosing', from: 'closing.draft', to: 'closing.review' },
    { action: 'approveClosing', from: 'closing.review', to: 'closed', head: true },
  ];
const nodeAfter = (steps: number): string => {
  let node = 'filing.draft';
  for (const p of path.slice(0, steps)) node = p.to ?? node;
  return node;
};

/**
 * 作出处罚决定期限 (90 calendar days from 立案, 处罚法 art. 60) by filing date, seen from 2026-12-07 (a
 * Monday; 2 working days of warning): due 11-30 overdue; due 12-07 and 12-08 due soon; due 12-10
 * (3 working days) and 2027-03-02 still running. All these due days are working days.
 */
const filings = [
  { filedOn: '2026-09-01', status: 'overdue' },
  { filedOn: '2026-09-08', status: 'dueSoon' },
  { filedOn: '2026-09-09', status: 'dueSoon' },
  { filedOn: '2026-09-11', status: 'running' },
  { filedOn: '2026-12-02', status: 'running' },
] as const;
/** How many steps of `path` each case takes: 16 = closed; 12 = served, nothing paid; 13 = a payment. */
const depths = [0, 1, 2, 4, 7, 9, 10, 11, 12, 13, 13, 16];
const violations = [
  { id: 'air-001', name: '超标排放大气污染物' },
  { id: 'water-002', name: '私设暗管排放水污染物' },
  { id: 'waste-003', name: '非法处置危险废物' },
];
const counties = ['520102', '520103', '520201'] as const; // 南明区, 云岩区 (贵阳市); 钟山区 (六盘水市)
const base = Date.parse('2026-11-01T01:00:00Z');
const hour = 3_600_000;

interface Plan {
  id: string;
  county: string;
  depth: number;
  filing: (typeof filings)[number];
  violation: (typeof violations)[number];
  officers: Array<{ id: string; name: string; certificateNo: string }>;
  fine: number;
  paid: number;
  /** When each event was stamped: 立案 and each step. */
  stamps: number[];
}

function planOf(i: number): Plan {
  const county = counties[i % 3]!;
  const depth = depths[Math.floor(i / 3) % depths.length]!;
  const fine = 10_000 * (1 + (i % 4));
  const officerNo = (k: number) => `${county}-o${k}`;
  const a = i % 4;
  const b = (i + 1) % 4;
  return {
    id: `case-${String(i).padStart(3, '0')}`,
    county,
    depth,
    filing: filings[i % filings.length]!,
    violation: violations[(i * 7) % 3]!,
    officers: [a, b].map((k) => ({ id: officerNo(k), name: `办案员${k}`, certificateNo: `${county}${k}` })),
    fine,
    // The first case of each two at depth 13 pays in full, the other a part.
    paid: depth >= 13 ? (i % 2 === 0 ? fine : fine / 4) : 0,
    stamps: Array.from({ length: depth + 1 }, (_, k) => base + i * 60_000 + k * (k + 1 + (i % 5)) * hour),
  };
}

const plans = Array.from({ length: 60 }, (_, i) => planOf(i));

let s: TestServer;
const devices = new Map<string, EnrolledDevice>();
const staff = new Map<string, { officer: Actor; head: Actor }>();
const tokens: Record<string, string> = {};
const numbers = new Map<string, string>();

function eventsOf(p: Plan, number: string): WireEvent[] {
  const { officer, head } = staff.get(p.county)!;
  const o = opened(number);
  const openEvent = {
    type: o.type,
    payload: {
      ...o.payload,
      violation: { ...p.violation, articles: [], penaltyArticle: '' },
      officers: p.officers,
      filedOn: p.filing.filedOn,
    },
  };
  let events = chain(p.id, officer, [openEvent], { seq: 0, hash: genesisHash }, p.stamps[0]);
  for (let k = 0; k < p.depth; k++) {
    const step = path[k]!;
    const data = { ...step.data };
    if (step.action === 'submitReport') data.proposedFine = p.fine;
    if (step.action === 'recordPayment') data.amount = p.paid;
    const last = events.at(-1)!;
    events = [
      ...events,
      ...chain(
        p.id,
        step.head ? head : officer,
        [action(step.action, step.from, step.to, { approval: Boolean(step.head), data })],
        { seq: last.seq, hash: last.hash },
        p.stamps[k + 1],
      ),
    ];
  }
  return events;
}

const get = (path: string, token: string) => s.request('GET', path, { token });

beforeAll(async () => {
  // Synthetic case histories (no documents behind the steps): what reads them, not the push's guards.
  s = await startTestServer({ judgeGuards: false });
  // The server's today is 2026-12-07 (noon in China), whenever this runs.
  s.clock.offsetMs = Date.parse('2026-12-07T04:00:00Z') - Date.now();
  const admin = await adminToken(s);
  for (const c of counties) {
    staff.set(c, {
      officer: { id: await addUser(s, admin, c, `off-${c}`, ['officer'], `C${c}1`), name: `${c}办案员` },
      head: { id: await addUser(s, admin, c, `head-${c}`, ['head'], `C${c}2`), name: `${c}负责人` },
    });
    devices.set(c, await enrolDevice(s, admin, c));
  }
  await addUser(s, admin, '520100', 'gy-head', ['head']);
  await addUser(s, admin, '520100', 'gy-admin', ['admin']);
  for (const c of counties) {
    const mine = plans.filter((p) => p.county === c);
    for (const [k, p] of mine.entries()) numbers.set(p.id, `某环罚〔2026〕${k + 1}号`);
    const mutations = mine.map((p, k) => ({
      mutationId: k + 1,
      caseId: p.id,
      events: eventsOf(p, numbers.get(p.id)!),
    }));
    const r = await s.request('POST', '/api/sync/push', { token: devices.get(c)!.credential, body: { mutations } });
    if (r.status !== 200 || r.body.conflict) throw new Error(`push failed: ${JSON.stringify(r.body).slice(0, 500)}`);
  }
  for (const name of ['head-520102', 'gy-head', 'gy-admin']) {
    const r = await s.request('POST', '/api/supervision/login', { body: { username: name, password: userPassword } });
    if (r.status !== 200) throw new Error(`login failed: ${JSON.stringify(r.body)}`);
    tokens[name] = r.body.token;
  }
  // The province's administrator, logged in where administrators log in.
  tokens.admin = await adminToken(s);
}, 120_000);
afterAll(async () => {
  await s?.close();
});

/** The plans a viewer of `bureau` sees. */
const seenBy = (bureau: string) =>
  plans.filter((p) =>
    bureau === '520000' ? true : bureau === '520100' ? p.county.startsWith('5201') : p.county === bureau,
  );

function tally<T>(items: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

describe('supervision dashboard (贵阳市 head: 南明区 and 云岩区)', () => {
  let d: Awaited<ReturnType<typeof get>>['body'];
  const mine = seenBy('520100');
  beforeAll(async () => {
    const r = await get('/api/supervision/dashboard', tokens['gy-head']!);
    expect(r.status).toBe(200);
    d = r.body;
  });

  it('counts the cases by state: the node each one stands at, or closed', () => {
    const want = tally(mine, (p) => (p.depth === 16 ? 'closed' : `ordinary:${nodeAfter(p.depth)}`));
    expect(Object.fromEntries(d.byState.map((x: { key: string; count: number }) => [x.key, x.count]))).toEqual(want);
    expect(d.totals).toEqual({
      cases: mine.length,
      closed: want.closed,
      open: mine.length - want.closed!,
    });
    expect(d.byState.find((x: { key: string }) => x.key === 'ordinary:investigation').nodeName).toBe('调查取证');
  });

  it('counts the cases by violation type', () => {
    expect(Object.fromEntries(d.byViolation.map((x: { key: string; count: number }) => [x.key, x.count]))).toEqual(
      tally(mine, (p) => p.violation.id),
    );
  });

  it('finds the overdue and due-soon deadlines with the rule and its article', async () => {
    // 作出处罚决定期限 runs until the decision is approved (step 11).
    const open = mine.filter((p) => p.depth < 11);
    const limit = d.deadlines.find((x: { key: string }) => x.key === 'decisionLimit');
    expect(limit).toMatchObject({
      name: '作出处罚决定期限',
      citation: '行政处罚法第六十条',
      overdue: open.filter((p) => p.filing.status === 'overdue').length,
      dueSoon: open.filter((p) => p.filing.status === 'dueSoon').length,
    });
    // 缴纳罚款期限: 15 days from service on 10-01, so overdue for every case served and not paid in full.
    const payment = d.deadlines.find((x: { key: string }) => x.key === 'payment');
    expect(payment).toMatchObject({
      owner: 'party',
      citation: '行政处罚法第六十七条',
      overdue: mine.filter((p) => p.depth >= 12 && p.depth < 16 && p.paid < p.fine).length,
      dueSoon: 0,
    });
  });

  it('averages the time each case spent at each step, from the events', () => {
    const stays: Record<string, number[]> = {};
    for (const p of mine) {
      // The case enters a node at 立案 and at each step that moves it; a stay ends when the next one begins.
      const entries: Array<[string, number]> = [['filing.draft', p.stamps[0]!]];
      for (let k = 0; k < p.depth; k++) if (path[k]!.to) entries.push([path[k]!.to!, p.stamps[k + 1]!]);
      for (let k = 0; k + 1 < entries.length; k++)
        stays[`ordinary:${entries[k]![0]}`] = [
          ...(stays[`ordinary:${entries[k]![0]}`] ?? []),
          entries[k + 1]![1] - entries[k]![1],
        ];
    }
    const want = Object.fromEntries(
      Object.entries(stays).map(([k, v]) => [
        k,
        { count: v.length, days: v.reduce((a, b) => a + b, 0) / v.length / 86_400_000 },
      ]),
    );
    const got = Object.fromEntries(d.steps.map((x: { key: string; count: number; averageDays: number }) => [x.key, x]));
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const [k, w] of Object.entries(want)) {
      expect(got[k].count, k).toBe(w.count);
      expect(got[k].averageDays, k).toBeCloseTo(w.days, 2);
    }
    // The stay at execution lasts from service to finishExecution: the payment in between does not move it.
    expect(got['ordinary:execution'].count).toBe(mine.filter((p) => p.depth >= 14).length);
  });

  it('sums the fines decided, collected and outstanding', () => {
    const decided = mine.filter((p) => p.depth >= 11);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(d.fines).toEqual({
      decided: sum(decided.map((p) => p.fine)),
      collected: sum(decided.map((p) => p.paid)),
      outstanding: sum(decided.map((p) => p.fine - p.paid)),
      decidedCases: decided.length,
      outstandingCases: decided.filter((p) => p.paid < p.fine).length,
    });
  });

  it("counts each officer's open cases", () => {
    const want = tally(
      mine.filter((p) => p.depth < 16).flatMap((p) => p.officers),
      (o) => o.id,
    );
    expect(Object.fromEntries(d.officers.map((x: { key: string; openCases: number }) => [x.key, x.openCases]))).toEqual(
      want,
    );
  });

  it('drills down from each figure to the cases behind it', async () => {
    const ids = async (measure: string, key: string) => {
      const r = await get(
        `/api/supervision/cases?measure=${measure}&key=${encodeURIComponent(key)}`,
        tokens['gy-head']!,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.total).toBe(r.body.cases.length);
      return r.body.cases.map((c: { id: string }) => c.id).sort();
    };
    const idsOf = (ps: Plan[]) => ps.map((p) => p.id).sort();
    expect(await ids('state', 'closed')).toEqual(idsOf(mine.filter((p) => p.depth === 16)));
    expect(await ids('state', 'ordinary:defence')).toEqual(idsOf(mine.filter((p) => nodeAfter(p.depth) === 'defence')));
    expect(await ids('violation', 'water-002')).toEqual(idsOf(mine.filter((p) => p.violation.id === 'water-002')));
    expect(await ids('overdue', 'decisionLimit')).toEqual(
      idsOf(mine.filter((p) => p.depth < 11 && p.filing.status === 'overdue')),
    );
    expect(await ids('dueSoon', 'decisionLimit')).toEqual(
      idsOf(mine.filter((p) => p.depth < 11 && p.filing.status === 'dueSoon')),
    );
    expect(await ids('step', 'ordinary:report')).toEqual(idsOf(mine.filter((p) => p.depth >= 4)));
    expect(await ids('fines', 'outstanding')).toEqual(idsOf(mine.filter((p) => p.depth >= 11 && p.paid < p.fine)));
    expect(await ids('officer', '520103-o1')).toEqual(
      idsOf(mine.filter((p) => p.depth < 16 && p.officers.some((o) => o.id === '520103-o1'))),
    );
    const overdue = await get('/api/supervision/cases?measure=overdue&key=decisionLimit', tokens['gy-head']!);
    expect(overdue.body.cases[0].detail).toBe('期限 2026-11-30 届满 · 行政处罚法第六十条');
  });

  it("shows a case's events in order, with the actions' names", async () => {
    const p = mine.find((x) => x.depth === 16)!;
    const r = await get(`/api/supervision/cases/${p.id}/events`, tokens['gy-head']!);
    expect(r.status).toBe(200);
    expect(r.body.case).toMatchObject({ id: p.id, closed: true, nodeName: '已结案' });
    expect(r.body.events.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: 17 }, (_, k) => k + 1));
    expect(r.body.events[1].summary).toBe('提交立案审批 → 立案审批');
  });
});

describe('who sees what', () => {
  it('gives the province everything and a county only its own cases', async () => {
    const province = await get('/api/supervision/dashboard', tokens.admin!);
    expect(province.body.totals.cases).toBe(plans.length);
    const county = await get('/api/supervision/dashboard', tokens['head-520102']!);
    expect(county.body.bureau.id).toBe('520102');
    expect(county.body.totals.cases).toBe(seenBy('520102').length);
    // A prefecture narrows its view to one county below it.
    const narrowed = await get('/api/supervision/dashboard?bureauId=520103', tokens['gy-admin']!);
    expect(narrowed.body.totals.cases).toBe(seenBy('520103').length);
  });

  it("refuses a county another county's dashboard, cases and case events, in Chinese", async () => {
    const t = tokens['head-520102']!;
    for (const path of [
      '/api/supervision/dashboard?bureauId=520103',
      '/api/supervision/cases?bureauId=520103&measure=state&key=closed',
      `/api/supervision/cases/${seenBy('520103')[0]!.id}/events`,
    ]) {
      const r = await get(path, t);
      expect(r.status, path).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN_BUREAU');
      expect(r.body.error.message).toMatch(/无权查看/);
    }
    // Its own lists never hold another county's case.
    const all = await get('/api/supervision/cases?measure=state&key=closed', t);
    expect(all.body.cases.every((c: { bureauId: string }) => c.bureauId === '520102')).toBe(true);
    // A prefecture does not reach a county of another prefecture.
    const other = await get('/api/supervision/dashboard?bureauId=520201', tokens['gy-head']!);
    expect(other.status).toBe(403);
  });

  it('admits heads and administrators only, and a head cannot use the administrator requests', async () => {
    const officer = await s.request('POST', '/api/supervision/login', {
      body: { username: 'off-520102', password: userPassword },
    });
    expect(officer.status).toBe(403);
    expect(officer.body.error.message).toBe('只有负责人或系统管理员可以登录监督平台');
    const r = await get('/api/cases', tokens['gy-head']!);
    expect(r.status).toBe(401);
    expect((await get('/api/supervision/dashboard', 'f'.repeat(64))).status).toBe(401);
  });

  it('refuses a bad measure, a bad key and an unknown bureau with a Chinese message', async () => {
    const t = tokens['gy-head']!;
    const bad = await get('/api/supervision/cases?measure=nope&key=x', t);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('没有这个统计项');
    const fines = await get('/api/supervision/cases?measure=fines&key=x', t);
    expect(fines.status).toBe(400);
    expect(fines.body.error.message).toContain('罚没款统计项');
    const unknown = await get('/api/supervision/dashboard?bureauId=529999', t);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('没有代码为 529999 的单位');
  });

  it('sees a new push at the next request: only the changed case is worked out again', async () => {
    const p = plans.find((x) => x.county === '520102' && x.depth === 0)!;
    const before = (await get('/api/supervision/dashboard', tokens['head-520102']!)).body;
    const head = (await s.pool.query('SELECT head_seq, head_hash FROM cases WHERE id = $1', [p.id])).rows[0];
    const events = chain(
      p.id,
      staff.get('520102')!.officer,
      [action('submitFiling', 'filing.draft', 'filing.review')],
      { seq: head.head_seq, hash: head.head_hash },
      p.stamps[0]! + hour,
    );
    const mutationId = plans.filter((x) => x.county === '520102').length + 1;
    const r = await s.request('POST', '/api/sync/push', {
      token: devices.get('520102')!.credential,
      body: { mutations: [{ mutationId, caseId: p.id, events }] },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const after = (await get('/api/supervision/dashboard', tokens['head-520102']!)).body;
    const count = (b: typeof before, key: string) => b.byState.find((x: { key: string }) => x.key === key)?.count ?? 0;
    expect(count(after, 'ordinary:filing.draft')).toBe(count(before, 'ordinary:filing.draft') - 1);
    expect(count(after, 'ordinary:filing.review')).toBe(count(before, 'ordinary:filing.review') + 1);
    // The per-node totals the averages read still add up to the stays themselves.
    const sums = async (sql: string) =>
      (await s.pool.query(sql)).rows.map((r) => `${r.procedure_id}:${r.node}:${r.n}:${Number(r.s).toFixed(3)}`).sort();
    expect(
      await sums(`SELECT procedure_id, node, sum(stays) AS n, sum(seconds) AS s FROM supervision_step_totals
          GROUP BY 1, 2 HAVING sum(stays) > 0`),
    ).toEqual(
      await sums('SELECT procedure_id, node, count(*) AS n, sum(seconds) AS s FROM supervision_steps GROUP BY 1, 2'),
    );
  });
});
