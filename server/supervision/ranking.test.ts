/**
 * 绩效排行 on a seeded dataset pushed through the real push route, against right answers worked out here
 * from each case's plan (dates chosen well clear of every due day, so plain date arithmetic decides them),
 * not from the domain's deadline code; the scope of each level; and the province publishing new weights.
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
} from '../testing/fixtures.js';

const today = '2026-12-07';
const counties = ['520102', '520103', '520201'] as const; // 南明区, 云岩区 (贵阳市); 钟山区 (六盘水市)

/**
 * Each kind of case: when it was filed, when its decision was approved and served (absent: not yet),
 * and which opinions sent it back. 作出处罚决定期限 is 90 calendar days from 立案, 决定书送达期限 7 working
 * days from approval (at most about 3 weeks with 国庆): every date below is at least 5 days from its due day.
 */
interface Kind {
  filedOn: string;
  approvedOn?: string;
  servedOn?: string;
  /** Stops at 调查取证 when true (no report, no decision). */
  stopsEarly?: boolean;
  rejectFiling?: boolean;
  returnForInvestigation?: boolean;
  rejectDecision?: boolean;
}
const kinds: Kind[] = [
  { filedOn: '2026-11-20', stopsEarly: true }, // 决定期限 runs to 2027-02: not counted
  { filedOn: '2026-08-03', stopsEarly: true }, // due 11-01: missed
  { filedOn: '2026-08-03', approvedOn: '2026-09-15', servedOn: '2026-09-15' }, // both on time
  { filedOn: '2026-06-01', approvedOn: '2026-09-21', servedOn: '2026-09-21', rejectDecision: true }, // decision late
  { filedOn: '2026-08-03', approvedOn: '2026-09-10', servedOn: '2026-10-20', rejectFiling: true }, // service late
  { filedOn: '2026-08-03', approvedOn: '2026-10-09', returnForInvestigation: true }, // not served: missed
  { filedOn: '2026-11-02', approvedOn: '2026-12-04' }, // service still running: not counted
];

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Mondays to Fridays, less 中秋 and 国庆 2026: enough here, where dates lie far from the due days. */
function addWorkingDays(d: string, n: number): string {
  const off = new Set([
    '2026-09-25',
    '2026-10-01',
    '2026-10-02',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
    '2026-10-08',
  ]);
  let x = d;
  while (n > 0) {
    x = addDays(x, 1);
    const wd = new Date(`${x}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6 && !off.has(x)) n--;
  }
  return x;
}

/** The bureau's own deadlines of a kind: how many count (met or missed) and how many were met on time. */
function deadlinesOf(k: Kind): { onTime: number; counted: number } {
  let onTime = 0;
  let counted = 0;
  const judge = (due: string, met: string | undefined) => {
    if (met) {
      counted++;
      if (met <= due) onTime++;
    } else if (due < today) counted++;
  };
  judge(addDays(k.filedOn, 90), k.approvedOn);
  if (k.approvedOn) judge(addWorkingDays(k.approvedOn, 7), k.servedOn);
  // 申请强制执行期限 runs nine months from service: never due by today.
  return { onTime, counted };
}

/** Opinions on the officer's drafts: approvals and send-backs of the approval form (and 法制审核, none here). */
function reviewsOf(k: Kind): { unchanged: number; total: number } {
  const changed = [k.rejectFiling, k.returnForInvestigation, k.rejectDecision].filter(Boolean).length;
  // 批准立案; then 审查通过, 批准告知 and 批准决定 when the case goes that far.
  const approvals = k.stopsEarly ? 1 : 4;
  return { unchanged: approvals, total: approvals + changed };
}

interface Plan {
  id: string;
  county: string;
  kind: Kind;
  officers: Array<{ id: string; name: string; certificateNo: string }>;
  /** The 案卷评查 the desk recorded, the last counting (null: never reviewed). */
  reviews: Array<{ score: number; max: number }>;
}
const plans: Plan[] = Array.from({ length: 42 }, (_, i) => {
  const county = counties[i % 3]!;
  const k = Math.floor(i / 3) % 3;
  return {
    id: `rank-${String(i).padStart(3, '0')}`,
    county,
    kind: kinds[Math.floor(i / 3) % kinds.length]!,
    officers: [k, (k + 1) % 3].map((n) => ({
      id: `${county}-r${n}`,
      name: `办案员${county.slice(4)}${n}`,
      certificateNo: `${county}${n}`,
    })),
    // Every fourth case never reviewed; some reviewed twice (only the last run counts); maxima differ.
    reviews:
      i % 4 === 3
        ? []
        : i % 5 === 0
          ? [
              { score: 40, max: 100 },
              { score: 70 + (i % 7), max: 100 },
            ]
          : [{ score: 55 + ((i * 7) % 40), max: i % 3 === 0 ? 90 : 100 }],
  };
});

type Step = [
  id: string,
  from: string,
  to: string | null,
  by: 'officer' | 'head',
  flags: 'approval' | 'sendBack' | '',
  on: string,
  data?: Record<string, unknown>,
];

function stepsOf(k: Kind): Step[] {
  const f = k.filedOn;
  const s: Step[] = [['submitFiling', 'filing.draft', 'filing.review', 'officer', '', f]];
  if (k.rejectFiling)
    s.push(
      ['rejectFiling', 'filing.review', 'filing.draft', 'head', 'sendBack', f],
      ['submitFiling', 'filing.draft', 'filing.review', 'officer', '', f],
    );
  s.push(['approveFiling', 'filing.review', 'investigation', 'head', 'approval', f]);
  if (k.stopsEarly) return s;
  const report: Step[] = [
    ['finishInvestigation', 'investigation', 'report', 'officer', '', f],
    ['submitReport', 'report', 'review', 'officer', '', f, { facts: '超标排放', proposedFine: 20_000, reasoning: '' }],
  ];
  s.push(...report);
  if (k.returnForInvestigation)
    s.push(['returnForInvestigation', 'review', 'investigation', 'head', 'sendBack', f], ...report);
  const served = addDays(f, 1);
  s.push(
    ['passReview', 'review', 'notice.draft', 'head', 'approval', f],
    ['submitNotice', 'notice.draft', 'notice.review', 'officer', '', f],
    ['approveNotice', 'notice.review', 'notice.service', 'head', 'approval', f],
    [
      'serveNotice',
      'notice.service',
      'defence',
      'officer',
      '',
      served,
      { servedOn: served, servedDocument: '行政处罚事先告知书' },
    ],
    ['closeDefence', 'defence', 'decision.draft', 'officer', '', addDays(f, 8)],
    ['submitDecision', 'decision.draft', 'decision.review', 'officer', '', addDays(f, 8)],
  );
  if (k.rejectDecision)
    s.push(
      ['rejectDecision', 'decision.review', 'decision.draft', 'head', 'sendBack', addDays(f, 9)],
      ['submitDecision', 'decision.draft', 'decision.review', 'officer', '', addDays(f, 9)],
    );
  s.push(['approveDecision', 'decision.review', 'service', 'head', 'approval', k.approvedOn!]);
  if (k.servedOn)
    s.push([
      'serveDecision',
      'service',
      'execution',
      'officer',
      '',
      k.servedOn,
      { servedOn: k.servedOn, servedDocument: '行政处罚决定书' },
    ]);
  return s;
}

let s: TestServer;
const staff = new Map<string, { officer: Actor; head: Actor }>();
const tokens: Record<string, string> = {};

function eventsOf(p: Plan, number: string, n: number): WireEvent[] {
  const { officer, head } = staff.get(p.county)!;
  const o = opened(number);
  const stamp = (k: number) => Date.parse('2026-11-01T01:00:00Z') + n * 60_000 + k * 3_600_000;
  let events = chain(
    p.id,
    officer,
    [{ type: o.type, payload: { ...o.payload, officers: p.officers, filedOn: p.kind.filedOn } }],
    { seq: 0, hash: genesisHash },
    stamp(0),
  );
  stepsOf(p.kind).forEach(([id, from, to, by, flag, on, data], k) => {
    const last = events.at(-1)!;
    const extra = {
      approval: flag === 'approval',
      ...(flag === 'sendBack' ? { sendBack: true } : {}),
      on,
      data: data ?? {},
    };
    events = [
      ...events,
      ...chain(p.id, by === 'head' ? head : officer, [action(id, from, to, extra)], last, stamp(k + 1)),
    ];
  });
  p.reviews.forEach((r, k) => {
    const payload = {
      criteriaVersion: '2026.1',
      ranOn: '2026-12-01',
      dossierBuiltAt: null,
      score: r.score,
      max: r.max,
      areas: [],
      deductions: [],
      weightsVerified: false,
    };
    events = [...events, ...chain(p.id, head, [{ type: 'review.ran', payload }], events.at(-1)!, stamp(40 + k))];
  });
  return events;
}

const get = (path: string, token: string) => s.request('GET', path, { token });

beforeAll(async () => {
  // Synthetic case histories (no documents behind the steps): what reads them, not the push's guards.
  s = await startTestServer({ judgeGuards: false });
  s.clock.offsetMs = Date.parse('2026-12-07T04:00:00Z') - Date.now();
  const admin = await adminToken(s);
  for (const c of counties) {
    staff.set(c, {
      officer: { id: await addUser(s, admin, c, `off-${c}`, ['officer'], `C${c}1`), name: `${c}办案员` },
      head: { id: await addUser(s, admin, c, `head-${c}`, ['head'], `C${c}2`), name: `${c}负责人` },
    });
    const device = await enrolDevice(s, admin, c);
    const mine = plans.filter((p) => p.county === c);
    const mutations = mine.map((p, k) => ({
      mutationId: k + 1,
      caseId: p.id,
      events: eventsOf(p, `某环罚〔2026〕${k + 1}号`, plans.indexOf(p)),
    }));
    const r = await s.request('POST', '/api/sync/push', { token: device.credential, body: { mutations } });
    if (r.status !== 200 || r.body.conflict) throw new Error(`push failed: ${JSON.stringify(r.body).slice(0, 500)}`);
  }
  await addUser(s, admin, '520100', 'gy-head', ['head']);
  await addUser(s, admin, '520100', 'gy-admin', ['admin']);
  for (const name of ['head-520102', 'gy-head']) {
    const r = await s.request('POST', '/api/supervision/login', { body: { username: name, password: userPassword } });
    if (r.status !== 200) throw new Error(`login failed: ${JSON.stringify(r.body)}`);
    tokens[name] = r.body.token;
  }
  tokens['gy-admin'] = await adminToken(s, 'gy-admin', userPassword);
  tokens.admin = admin;
}, 120_000);
afterAll(async () => {
  await s?.close();
});

/** The expected counts and total (shipped weights 60/40, 评查 at 0) of a set of plans. */
function expected(ps: Plan[], weights = { onTime: 60, reviewUnchanged: 40 }) {
  const d = ps.map((p) => deadlinesOf(p.kind));
  const r = ps.map((p) => reviewsOf(p.kind));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const onTime = { numerator: sum(d.map((x) => x.onTime)), denominator: sum(d.map((x) => x.counted)) };
  const review = { numerator: sum(r.map((x) => x.unchanged)), denominator: sum(r.map((x) => x.total)) };
  const reviewed = ps.flatMap((p) => p.reviews.slice(-1));
  const fileReview = {
    numerator: sum(reviewed.map((x) => x.score)),
    denominator: sum(reviewed.map((x) => x.max)),
    cases: reviewed.length,
  };
  const parts = [
    [weights.onTime, onTime],
    [weights.reviewUnchanged, review],
  ] as const;
  const counted = parts.filter(([w, c]) => w > 0 && c.denominator > 0);
  const total = counted.length
    ? Math.round(
        (sum(counted.map(([w, c]) => (w * c.numerator) / c.denominator)) / sum(counted.map(([w]) => w))) * 1000,
      ) / 10
    : null;
  return { onTime, review, fileReview, total };
}

// biome-ignore lint/suspicious/noExplicitAny: reading the reply's rows
const measure = (row: any, id: string) => row.measures.find((m: { id: string }) => m.id === id);

describe('绩效排行 (shipped weights)', () => {
  it("ranks 贵阳市's counties on the counts worked out from the plans, and says how", async () => {
    const r = await get('/api/supervision/ranking', tokens['gy-head']!);
    expect(r.status).toBe(200);
    expect(r.body.weights).toMatchObject({ version: '2026.1' });
    for (const c of ['520102', '520103']) {
      const want = expected(plans.filter((p) => p.county === c));
      const row = r.body.bureaus.find((b: { id: string }) => b.id === c);
      expect(measure(row, 'onTime')).toMatchObject({ ...want.onTime, weight: 60, counted: true });
      expect(measure(row, 'reviewUnchanged')).toMatchObject({ ...want.review, weight: 40, counted: true });
      // The desk's 案卷评查 reached the server with the case: shown with how it was reached, at weight 0 not counted.
      const f = want.fileReview;
      expect(f.cases).toBeGreaterThan(3);
      expect(measure(row, 'fileReview')).toMatchObject({ ...f, counted: false, note: '权重为0，不计入' });
      expect(measure(row, 'fileReview').detail).toContain(
        `评查${f.cases}件（各案以最近一次评查为准）：得分合计${f.numerator}，满分合计${f.denominator}；平均得分 = ${f.numerator} ÷ ${f.cases} = ${(f.numerator / f.cases).toFixed(1)}`,
      );
      expect(row.total).toBe(want.total);
      expect(row.formula).toContain(`= ${want.total!.toFixed(1)}`);
      expect(row.formula).toContain('案卷评查得分率（权重为0，不计入）');
    }
    // Every county of 贵阳市 is listed; those without cases have no total and no rank, after the others.
    const ids = r.body.bureaus.map((b: { id: string }) => b.id);
    expect(ids.every((id: string) => id.startsWith('5201') && id !== '520100')).toBe(true);
    expect(ids.slice(0, 2).sort()).toEqual(['520102', '520103']);
    expect(r.body.bureaus.slice(2).every((b: { rank: number | null }) => b.rank === null)).toBe(true);
    const [a, b] = r.body.bureaus;
    expect(a.total).toBeGreaterThanOrEqual(b.total);
    expect(a.rank).toBe(1);
    // No officer of 六盘水市 in 贵阳市's ranking.
    expect(r.body.officers.some((o: { id: string }) => o.id.startsWith('520201'))).toBe(false);
  });

  it('ranks each officer on the cases naming him', async () => {
    const r = await get('/api/supervision/ranking', tokens['gy-head']!);
    const officers = [
      ...new Set(plans.filter((p) => p.county !== '520201').flatMap((p) => p.officers.map((o) => o.id))),
    ];
    expect(r.body.officers.map((o: { id: string }) => o.id).sort()).toEqual(officers.sort());
    for (const id of officers) {
      const want = expected(plans.filter((p) => p.officers.some((o) => o.id === id)));
      const row = r.body.officers.find((o: { id: string }) => o.id === id);
      expect(measure(row, 'onTime'), id).toMatchObject(want.onTime);
      expect(measure(row, 'reviewUnchanged'), id).toMatchObject(want.review);
      expect(measure(row, 'fileReview'), id).toMatchObject(want.fileReview);
      expect(row.total, id).toBe(want.total);
    }
    expect(r.body.officers.find((o: { id: string }) => o.id === '520103-r0').bureauName).toBe(
      '贵阳市生态环境局云岩区分局',
    );
  });

  it('rolls counties up into their prefecture for the province, or lists every county', async () => {
    const r = await get('/api/supervision/ranking', tokens.admin!);
    expect(r.status).toBe(200);
    expect(r.body.bureaus).toHaveLength(9);
    const gy = r.body.bureaus.find((b: { id: string }) => b.id === '520100');
    expect(gy.total).toBe(expected(plans.filter((p) => p.county.startsWith('5201'))).total);
    const lps = r.body.bureaus.find((b: { id: string }) => b.id === '520200');
    expect(measure(lps, 'onTime')).toMatchObject(expected(plans.filter((p) => p.county === '520201')).onTime);
    const all = await get('/api/supervision/ranking?level=counties', tokens.admin!);
    expect(all.body.bureaus).toHaveLength(88);
    expect(all.body.bureaus.filter((b: { total: number | null }) => b.total !== null)).toHaveLength(3);
  });

  it('shows a county its own figures only, and refuses a neighbour or a bad level in Chinese', async () => {
    const r = await get('/api/supervision/ranking', tokens['head-520102']!);
    expect(r.body.bureaus.map((b: { id: string }) => b.id)).toEqual(['520102']);
    expect(r.body.officers.every((o: { id: string }) => o.id.startsWith('520102'))).toBe(true);
    const other = await get('/api/supervision/ranking?bureauId=520103', tokens['head-520102']!);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain('无权查看');
    const bad = await get('/api/supervision/ranking?level=all', tokens['gy-head']!);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('level 只能是');
    expect((await s.request('GET', '/api/supervision/ranking')).status).toBe(401);
  });
});

describe('绩效排行 over a period', () => {
  const decidedIn = (from: string, to: string) => (p: Plan) =>
    p.kind.approvedOn !== undefined && p.kind.approvedOn >= from && p.kind.approvedOn <= to;
  const periods = [
    ['本年', '2026-01-01', '2026-12-31'],
    ['第三季度', '2026-07-01', '2026-09-30'],
    ['10月', '2026-10-01', '2026-10-31'],
    ['自定', '2026-09-12', '2026-09-20'],
  ] as const;

  it('counts every measure over the cases decided or closed in the period only', async () => {
    for (const [label, from, to] of periods) {
      const r = await get(`/api/supervision/ranking?from=${from}&to=${to}`, tokens['gy-head']!);
      expect(r.status, label).toBe(200);
      expect(r.body.period).toEqual({ from, to });
      for (const c of ['520102', '520103']) {
        const mine = plans.filter((p) => p.county === c && decidedIn(from, to)(p));
        expect(mine.length, `${label} ${c}`).toBeGreaterThan(0);
        const want = expected(mine);
        const row = r.body.bureaus.find((b: { id: string }) => b.id === c);
        expect(measure(row, 'onTime'), `${label} ${c}`).toMatchObject(want.onTime);
        expect(measure(row, 'reviewUnchanged'), `${label} ${c}`).toMatchObject(want.review);
        expect(measure(row, 'fileReview'), `${label} ${c}`).toMatchObject(want.fileReview);
        expect(row.total, `${label} ${c}`).toBe(want.total);
      }
      const id = '520102-r1';
      const want = expected(plans.filter((p) => p.officers.some((o) => o.id === id) && decidedIn(from, to)(p)));
      const row = r.body.officers.find((o: { id: string }) => o.id === id);
      expect(row?.total ?? null, `${label} ${id}`).toBe(want.total);
    }
    // Cases never decided (still at 调查取证) count in no period, only over all cases.
    const all = await get('/api/supervision/ranking', tokens['gy-head']!);
    expect(all.body.period).toBeNull();
    const year = await get('/api/supervision/ranking?from=2026-01-01&to=2026-12-31', tokens['gy-head']!);
    const total = (x: typeof all, c: string) =>
      measure(
        x.body.bureaus.find((b: { id: string }) => b.id === c),
        'reviewUnchanged',
      ).denominator;
    expect(total(year, '520102')).toBeLessThan(total(all, '520102'));
    // A period with no case decided or closed in it: no data, no rank.
    const empty = await get('/api/supervision/ranking?from=2025-01-01&to=2025-12-31', tokens['gy-head']!);
    expect(empty.body.bureaus.every((b: { rank: number | null }) => b.rank === null)).toBe(true);
    expect(empty.body.officers).toEqual([]);
  });

  it('refuses a half or reversed period in Chinese', async () => {
    const half = await get('/api/supervision/ranking?from=2026-01-01', tokens['gy-head']!);
    expect(half.status).toBe(400);
    expect(half.body.error.message).toContain('统计期间应同时填写开始日期和结束日期');
    const reversed = await get('/api/supervision/ranking?from=2026-12-01&to=2026-11-01', tokens['gy-head']!);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toContain('统计期间的开始日期（2026-12-01）晚于结束日期（2026-11-01）');
    const bad = await get('/api/supervision/ranking?from=2026-02-30&to=2026-03-01', tokens['gy-head']!);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('2026-02-30 不是有效的日期');
  });
});

describe('publishing weights', () => {
  const next = {
    version: '2027.1',
    name: '2027年权重',
    measures: [
      { id: 'onTime', name: '按期完成率', weight: 0 },
      { id: 'reviewUnchanged', name: '审核审批未被退回率', weight: 1 },
    ],
  };

  it("is the province administrator's alone, and a bad scheme is refused with the reason", async () => {
    const prefecture = await s.request('POST', '/api/admin/ranking-weights', { token: tokens['gy-admin'], body: next });
    expect(prefecture.status).toBe(403);
    expect(prefecture.body.error.message).toBe('只有省级管理员可以发布绩效排行的权重');
    const head = await s.request('POST', '/api/admin/ranking-weights', { token: tokens['gy-head'], body: next });
    expect(head.status).toBe(401);
    const bad = await s.request('POST', '/api/admin/ranking-weights', {
      token: tokens.admin,
      body: { ...next, measures: [{ id: 'onTime', name: '按期', weight: -5 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('权重不能为负数');
    expect((await s.pool.query('SELECT count(*)::int AS n FROM ranking_weights')).rows[0].n).toBe(0);
  });

  it('takes effect at once, with the new formula; a version is published once', async () => {
    const r = await s.request('POST', '/api/admin/ranking-weights', { token: tokens.admin, body: next });
    expect(r.status).toBe(201);
    const again = await s.request('POST', '/api/admin/ranking-weights', { token: tokens.admin, body: next });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('已经发布');
    const ranking = await get('/api/supervision/ranking', tokens['gy-head']!);
    expect(ranking.body.weights.version).toBe('2027.1');
    const row = ranking.body.bureaus.find((b: { id: string }) => b.id === '520102');
    const want = expected(
      plans.filter((p) => p.county === '520102'),
      { onTime: 0, reviewUnchanged: 1 },
    );
    expect(row.total).toBe(want.total);
    expect(measure(row, 'onTime')).toMatchObject({ counted: false, note: '权重为0，不计入' });
    expect(measure(row, 'fileReview')).toBeUndefined();
    expect(row.formula).toMatch(/^总分 =（1×\d+\.\d%）÷ 1 = /);
  });
});
