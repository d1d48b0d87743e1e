/**
 * The guards of pushed events, over real HTTP against a real PostgreSQL: a forged push that breaks one
 * (a 陈述申辩 period on the working-day calendar with 国庆 in it, a fine outside the band, a penalty on an
 * article not in force on the act's day, an approval of one's own step, a 立案 without two certified
 * officers, a date ahead of the record) is refused with the rule, its article and the Chinese reason,
 * and nothing is stored; the lawful push is accepted. The province's published calendar and benchmark
 * are applied as the workstations apply them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireEvent } from '#common/sync/events.js';
import { loadBenchmark } from '#core/services.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { action, addUser, adminToken, chain, enrolDevice, opened, type Actor } from '../testing/fixtures.js';

type Body = Parameters<typeof chain>[2][number];
type Step = [Actor, string, Body];

let s: TestServer;
let admin: string;
let credential: string;
let deviceId: string;
let officer: Actor;
let head: Actor;
/** One account that is both officer and head: he may not approve his own step. */
let both: Actor;
let mutation = 0;
let caseNo = 0;
let docNo = 0;

const benchmark = loadBenchmark();
const typeOf = (id: string) => {
  const t = benchmark.violations.find((v) => v.id === id)!;
  return {
    id: t.id,
    name: t.name,
    breached: t.breached,
    penaltyArticle: t.penaltyArticle,
    band: t.band,
    penaltyText: t.penaltyText,
  };
};
/** Noon in China on `day`: the event's `at`. */
const noon = (day: string) => Date.parse(`${day}T04:00:00Z`);
const certified = [
  { id: 'o1', name: '李四', certificateNo: '52010001', certificateValidUntil: '2030-12-31' },
  { id: 'o2', name: '王五', certificateNo: '52010002', certificateValidUntil: '2030-12-31' },
];

function openedOn(day: string, over: Record<string, unknown> = {}): Body {
  const o = opened(`南环罚〔2026〕${++caseNo}号`);
  return {
    type: 'case.opened',
    payload: {
      ...o.payload,
      officers: certified,
      violation: typeOf('air-over-standard-emission'),
      violationOn: '2026-08-31',
      continuing: false,
      partyKind: 'organisation',
      discoveredOn: day,
      filedOn: day,
      ...over,
    },
  };
}

function doc(type: string, day: string, extra: Record<string, unknown> = {}): Body {
  const numbered = type === 'penalty-notice' || type === 'penalty-decision';
  return {
    type: 'document.generated',
    payload: {
      id: `doc-${++docNo}`,
      type,
      name: type,
      number: numbered ? `南环罚字〔2026〕${docNo}号` : null,
      version: 1,
      docxHash: 'a'.repeat(64),
      templateVersion: '1',
      generatedAt: `${day}T04:00:00.000Z`,
      generatedBy: '李四',
      fields: {},
      ...extra,
    },
  };
}

const act = (id: string, from: string, to: string | null, on: string, extra: Record<string, unknown> = {}) =>
  action(id, from, to, { on, ...extra });

/** A case of 超标排放 from 立案 (2026-09-01) to the 告知书 served on 2026-09-29, all lawful. */
function toDefence(fine = 200_000, violation = 'air-over-standard-emission', violationOn = '2026-08-31'): Step[] {
  return [
    [officer, '2026-09-01', openedOn('2026-09-01', { violation: typeOf(violation), violationOn })],
    [officer, '2026-09-01', doc('filing-approval', '2026-09-01')],
    [officer, '2026-09-01', act('submitFiling', 'filing.draft', 'filing.review', '2026-09-01')],
    [head, '2026-09-02', act('approveFiling', 'filing.review', 'investigation', '2026-09-02', { approval: true })],
    [officer, '2026-09-03', doc('inspection-record', '2026-09-03')],
    [officer, '2026-09-03', doc('interview-record', '2026-09-03')],
    [
      officer,
      '2026-09-03',
      {
        type: 'evidence.added',
        payload: { id: 'ev-1', kind: 'photo', description: '排放口', takenOn: '2026-09-03', sha256: 'b'.repeat(64) },
      },
    ],
    [officer, '2026-09-04', act('finishInvestigation', 'investigation', 'report', '2026-09-04')],
    [
      officer,
      '2026-09-05',
      act('submitReport', 'report', 'review', '2026-09-05', {
        data: { facts: '超标排放', proposedFine: fine, reasoning: '按裁量基准' },
      }),
    ],
    [head, '2026-09-07', act('passReview', 'review', 'notice.draft', '2026-09-07', { approval: true })],
    [officer, '2026-09-08', doc('penalty-notice', '2026-09-08')],
    [officer, '2026-09-08', act('submitNotice', 'notice.draft', 'notice.review', '2026-09-08')],
    [head, '2026-09-09', act('approveNotice', 'notice.review', 'notice.service', '2026-09-09', { approval: true })],
    [officer, '2026-09-29', doc('service-receipt', '2026-09-29', { fields: { servedDocument: 'penalty-notice' } })],
    [
      officer,
      '2026-09-29',
      act('serveNotice', 'notice.service', 'defence', '2026-09-29', {
        data: { servedOn: '2026-09-29', method: '直接送达', recipient: '张三' },
        serves: 'penalty-notice',
      }),
    ],
  ];
}

/** The steps hashed into one chain, each stamped at noon of its day (or at `atMs`). */
function eventsOf(caseId: string, steps: Step[], atMs?: number): WireEvent[] {
  const out: WireEvent[] = [];
  for (const [who, day, body] of steps) {
    const last = out.at(-1);
    out.push(...chain(caseId, who, [body], last ? { seq: last.seq, hash: last.hash } : undefined, atMs ?? noon(day)));
  }
  return out;
}

async function push(caseId: string, events: WireEvent[]) {
  return s.request('POST', '/api/sync/push', {
    token: credential,
    body: { mutations: [{ mutationId: mutation + 1, caseId, events }] },
  });
}

/** Pushes; an accepted push moves the device's counter. */
async function pushCase(caseId: string, steps: Step[], atMs?: number) {
  const r = await push(caseId, eventsOf(caseId, steps, atMs));
  if (r.status === 200 && !r.body.conflict) mutation++;
  return r;
}

const stored = async (caseId: string): Promise<number> =>
  Number((await s.pool.query('SELECT count(*) AS n FROM case_events WHERE case_id = $1', [caseId])).rows[0].n);

/** A refusal with the rule, its article and the reason, and nothing of the case stored. */
async function expectRefused(caseId: string, steps: Step[], rule: string, article: RegExp, reason: RegExp) {
  const before = mutation;
  const r = await pushCase(caseId, steps);
  expect(r.status, JSON.stringify(r.body)).toBe(422);
  expect(r.body.error.code).toBe('PROCEDURE_VIOLATION');
  expect(r.body.error.message).toMatch(reason);
  expect(r.body.error.message).not.toMatch(/Error|at \/|\.ts/);
  const hit = (r.body.error.details.rules as Array<{ rule: string; citation: string }>).find((x) => x.rule === rule);
  expect(hit, JSON.stringify(r.body.error.details.rules)).toBeDefined();
  expect(hit!.citation).toMatch(article);
  expect(await stored(caseId)).toBe(0);
  expect(mutation).toBe(before);
  const counter = await s.pool.query('SELECT last_mutation_id FROM devices WHERE id = $1', [deviceId]);
  expect(Number(counter.rows[0].last_mutation_id)).toBe(before);
}

async function expectAccepted(caseId: string, steps: Step[], atMs?: number) {
  const r = await pushCase(caseId, steps, atMs);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.conflict).toBeNull();
  expect(await stored(caseId)).toBe(steps.length);
}

beforeAll(async () => {
  s = await startTestServer();
  admin = await adminToken(s);
  officer = { id: await addUser(s, admin, '520102', 'g-officer', ['officer'], '52019901'), name: '李四' };
  head = { id: await addUser(s, admin, '520102', 'g-head', ['head'], '52019902'), name: '局长' };
  both = { id: await addUser(s, admin, '520102', 'g-both', ['officer', 'head'], '52019903'), name: '副局长' };
  const d = await enrolDevice(s, admin, '520102');
  credential = d.credential;
  deviceId = d.deviceId;
  // 文号 of the 告知书 and the 决定书 must lie in blocks reserved for this desk.
  for (const kind of ['penalty-notice', 'penalty-decision']) {
    const r = await s.request('POST', '/api/sync/number-block', {
      token: credential,
      body: { kind, year: 2026, size: 500 },
    });
    expect(r.status).toBe(201);
  }
}, 60_000);
afterAll(async () => {
  await s?.close();
});

describe('guards of pushed events', () => {
  it('refuses closing the 陈述申辩 period before five working days have passed (国庆 does not count), accepts it after', async () => {
    // Served Tue 2026-09-29: working days 9-30, 10-08, 10-09, 10-10 (调休), 10-12 — the period ends 10-12.
    const early = [
      ...toDefence(),
      [officer, '2026-10-09', act('closeDefence', 'defence', 'decision.draft', '2026-10-09')],
    ];
    await expectRefused(
      'g-defence',
      early as Step[],
      'defencePeriodOver',
      /第八十五条/,
      /陈述申辩及申请听证期限尚未届满（至2026-10-12）/,
    );
    const late = [
      ...toDefence(),
      [officer, '2026-10-13', act('closeDefence', 'defence', 'decision.draft', '2026-10-13')],
    ];
    await expectAccepted('g-defence', late as Step[]);
  });

  it('refuses a proposed fine outside the band of the article in force, accepts one within it', async () => {
    // 大气法 art. 99(2) became 法典 art. 1107 on 2026-08-15; the act is of 2026-08-31.
    const steps = toDefence(5_000_000).slice(0, 9);
    await expectRefused('g-band', steps, 'fineWithinBand', /生态环境法典》第一千一百零七条/, /罚款/);
    await expectAccepted('g-band', toDefence(200_000).slice(0, 9));
  });

  it('refuses a penalty decision on an article not in force on the day of the act; the lawful decision passes', async () => {
    const decide = (steps: Step[]): Step[] => [
      ...steps,
      [officer, '2026-10-13', act('closeDefence', 'defence', 'decision.draft', '2026-10-13')],
      [officer, '2026-10-14', doc('penalty-decision', '2026-10-14')],
      [officer, '2026-10-14', act('submitDecision', 'decision.draft', 'decision.review', '2026-10-14')],
    ];
    // 法典 art. 1088 (数据造假) was not in force on 2026-06-01, and the benchmark has no type of the law then.
    await expectRefused(
      'g-article',
      decide(toDefence(200_000, 'code-1088-monitoring-data-fraud', '2026-06-01')),
      'legality:lawOfActDate',
      /行政处罚法第三十七条|生态环境法典/,
      /适用违法行为发生时的法律或者较轻的新法/,
    );
    await expectAccepted('g-article', decide(toDefence(200_000, 'code-1088-monitoring-data-fraud', '2026-09-01')));
  });

  it('refuses an approval by the one who did the step it approves (separation of duties)', async () => {
    const steps: Step[] = [
      [both, '2026-09-01', openedOn('2026-09-01')],
      [both, '2026-09-01', doc('filing-approval', '2026-09-01')],
      [both, '2026-09-01', act('submitFiling', 'filing.draft', 'filing.review', '2026-09-01')],
    ];
    const own: Step = [
      both,
      '2026-09-02',
      act('approveFiling', 'filing.review', 'investigation', '2026-09-02', { approval: true }),
    ];
    await expectRefused('g-duties', [...steps, own], 'separationOfDuties', /第五十七条/, /是您本人办理的/);
    const other: Step = [
      head,
      '2026-09-02',
      act('approveFiling', 'filing.review', 'investigation', '2026-09-02', { approval: true }),
    ];
    await expectAccepted('g-duties', [...steps, other]);
  });

  it('refuses a 立案 without two officers holding valid 执法证 and a filing date after the record', async () => {
    const lapsed = certified.map((o, i) => (i ? { ...o, certificateValidUntil: '2026-06-30' } : o));
    await expectRefused(
      'g-open',
      [[officer, '2026-09-01', openedOn('2026-09-01', { officers: lapsed })]],
      'twoCertifiedOfficers',
      /第四十二条/,
      /目前有效1人/,
    );
    await expectRefused(
      'g-open',
      [[officer, '2026-09-01', openedOn('2026-09-03')]],
      'filedInFuture',
      /^$/,
      /立案日期（2026-09-03）晚于立案记录的日期（2026-09-01）/,
    );
    await expectAccepted('g-open', [[officer, '2026-09-01', openedOn('2026-09-01')]]);
  });

  it('refuses an action dated after the day it was recorded (a period cannot be counted from the future)', async () => {
    const steps = toDefence().slice(0, 3);
    steps[2] = [officer, '2026-09-01', act('submitFiling', 'filing.draft', 'filing.review', '2026-12-31')];
    await expectRefused(
      'g-future',
      steps,
      'actionDate',
      /^$/,
      /操作日期（2026-12-31）晚于事件记录的日期（2026-09-01）/,
    );
  });

  it('judges by the benchmark the province published before the event, and by its published calendar at once', async () => {
    // A benchmark that lowers 超标排放's band to 1万–10万: a report of 20万 recorded after it is outside the band.
    const lowered = {
      ...benchmark,
      version: '2026.12-test',
      violations: benchmark.violations.map((v) =>
        v.id === 'air-over-standard-emission' ? { ...v, band: { kind: 'range', min: 10_000, max: 100_000 } } : v,
      ),
    };
    const pub = await s.request('POST', '/api/admin/reference', {
      token: admin,
      body: { kind: 'violationTypes', version: '2026.12-test', payload: lowered },
    });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    // Recorded after the publication (the act before the Code, so the benchmark's own type applies).
    const recent = Date.now();
    const report = toDefence(200_000, 'air-over-standard-emission', '2026-06-01').slice(0, 9);
    const r = await pushCase('g-published', report, recent);
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.error.details.rules.map((x: { rule: string }) => x.rule)).toContain('fineWithinBand');
    expect(await stored('g-published')).toBe(0);
    // The same steps recorded in September, before the table existed, are judged by the shipped one.
    await expectAccepted('g-published', report);

    // A corrected 2026 calendar that makes 10-08 and 10-09 holidays moves the period's end to 10-14.
    const calendar = {
      year: 2026,
      source: '测试：更正的2026年节假日安排',
      holidays: [['2026-10-01', '2026-10-09', '国庆节']],
      workdays: ['2026-10-10'],
    };
    const cal = await s.request('POST', '/api/admin/reference', {
      token: admin,
      body: { kind: 'calendar', version: '2026.2', payload: calendar },
    });
    expect(cal.status, JSON.stringify(cal.body)).toBe(201);
    const close = (on: string): Step[] => [
      ...toDefence(),
      [officer, on, act('closeDefence', 'defence', 'decision.draft', on)],
    ];
    await expectRefused('g-calendar', close('2026-10-13'), 'defencePeriodOver', /第八十五条/, /至2026-10-14/);
    await expectAccepted('g-calendar', close('2026-10-15'));
  });
});
