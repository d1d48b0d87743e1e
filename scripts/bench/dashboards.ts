/**
 * Supervision dashboards on 50,000 cases and 1,000,000 events in PostgreSQL (issue: < 500 ms). The data
 * is generated inside PostgreSQL (INSERT … SELECT over generate_series) from projections the
 * workstation's reducer folds for each stage of 一般程序, spread over the 88 counties. The figure is the
 * province's whole dashboard over HTTP once the supervision facts are current (as they are after the
 * first request: each later request only works out the cases pushed since); the first build of the
 * facts for all 50,000 cases is printed as a note.
 */
import type pg from 'pg';
import type { CaseEvent } from '#core/domain/events.js';
import { applyEvent } from '#core/domain/caseReducer.js';
import type { CaseState } from '#common/schemas/cases.js';
import { action, adminToken, chain, opened } from '../../server/testing/fixtures.js';
import { startTestServer } from '../../server/testing/testServer.js';
import { loadCalendar, loadProcedures } from '#core/services.js';
import { refreshFacts } from '../../server/supervision/refresh.js';
import { dashboardRows } from '../../server/supervision/store.js';
import { median, timeIt, type Figure } from './report.js';

const steps: Array<[string, string, string | null, Record<string, unknown>?]> = [
  ['submitFiling', 'filing.draft', 'filing.review'],
  ['approveFiling', 'filing.review', 'investigation'],
  ['finishInvestigation', 'investigation', 'report'],
  ['submitReport', 'report', 'review', { facts: '超标排放', proposedFine: 50_000, reasoning: '' }],
  ['passReview', 'review', 'notice.draft'],
  ['submitNotice', 'notice.draft', 'notice.review'],
  ['approveNotice', 'notice.review', 'notice.service'],
  ['serveNotice', 'notice.service', 'defence', { servedOn: '2026-09-20', servedDocument: '行政处罚事先告知书' }],
  ['closeDefence', 'defence', 'decision.draft'],
  ['submitDecision', 'decision.draft', 'decision.review'],
  ['approveDecision', 'decision.review', 'service'],
  ['serveDecision', 'service', 'execution', { servedOn: '2026-10-01', servedDocument: '行政处罚决定书' }],
  ['recordPayment', 'execution', null, { amount: 20_000, paidOn: '2026-10-05' }],
  ['finishExecution', 'execution', 'closing.draft'],
  ['submitClosing', 'closing.draft', 'closing.review'],
  ['approveClosing', 'closing.review', 'closed'],
];

/** The projection after the first `depth` steps, and where each event of the path took the case. */
function template(depth: number): { state: CaseState; to: Array<string | null> } {
  const actor = { id: 'u', name: '办案员' };
  const events = chain('tpl', actor, [
    opened('某环罚〔2026〕1号'),
    ...steps.slice(0, depth).map(([id, from, to, data]) => action(id, from, to, { data: data ?? {} })),
  ]) as unknown as CaseEvent[];
  let s: CaseState | null = null;
  for (const e of events) s = applyEvent(s, e);
  return { state: s!, to: ['filing.draft', ...steps.slice(0, depth).map(([, , to]) => to)] };
}

/** The 50,000 cases and 1,000,000 events, generated inside PostgreSQL (the ledger bench reuses them). */
export async function seedFiftyThousandCases(db: pg.Pool): Promise<void> {
  const templates = Array.from({ length: steps.length + 1 }, (_, d) => template(d));
  await db.query('CREATE TABLE bench_tpl (depth int, state jsonb, tos jsonb)');
  await db.query(
    'INSERT INTO bench_tpl SELECT * FROM unnest($1::int[], $2::jsonb[], $3::jsonb[]) AS t(depth, state, tos)',
    [
      templates.map((_, d) => d),
      templates.map((t) => JSON.stringify(t.state)),
      templates.map((t) => JSON.stringify(t.to)),
    ],
  );
  const admin = (await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'")).rows[0]!.id;
  await db.query(
    `INSERT INTO devices (id, bureau_id, name, credential_hash, enrolled_at, enrolled_by)
     SELECT 'dev-' || id, id, '工作站', md5(id) || md5(id), now(), $1 FROM bureaus WHERE level = 'county'`,
    [admin],
  );
  // 50,000 cases over the 88 counties at every stage; filing dates spread over 2026 so deadlines fall on all sides of today.
  await db.query(`
    WITH c AS (SELECT i, (SELECT array_agg(id ORDER BY id) FROM bureaus WHERE level = 'county') AS counties
                 FROM generate_series(1, 50000) AS i)
    INSERT INTO cases (id, bureau_id, number, head_seq, head_hash, state, created_at, updated_at)
    SELECT 'case-' || lpad(i::text, 6, '0'), counties[1 + i % 88], '某环罚〔2026〕' || (i / 88 + 1) || '号', 20, md5(i::text),
           t.state || jsonb_build_object(
             'id', 'case-' || lpad(i::text, 6, '0'),
             'number', '某环罚〔2026〕' || (i / 88 + 1) || '号',
             'filedOn', to_char(date '2026-06-01' + (i % 200), 'YYYY-MM-DD'),
             'violation', jsonb_build_object('id', 'v-' || (i % 40), 'name', '违法类型' || (i % 40)),
             'officers', jsonb_build_array(
               jsonb_build_object('id', 'o-' || (i % 700), 'name', '办案员' || (i % 700), 'certificateNo', 'c' || (i % 700)),
               jsonb_build_object('id', 'o-' || ((i + 1) % 700), 'name', '办案员' || ((i + 1) % 700), 'certificateNo', 'c' || ((i + 1) % 700)))),
           now(), now()
      FROM c JOIN bench_tpl t ON t.depth = i % ${steps.length + 1}`);
  // 20 events a case: 立案 and the path's actions (an hour to a few days apart), then evidence.
  await db.query(`
    INSERT INTO case_events (id, case_id, seq, type, payload, actor_id, actor_name, device, hlc, at, prev_hash, hash,
                             bureau_id, device_id, received_at)
    SELECT c.id || '-' || k, c.id, k,
           CASE WHEN k = 1 THEN 'case.opened' WHEN k <= t.depth + 1 THEN 'action.performed' ELSE 'evidence.added' END,
           CASE WHEN k = 1 THEN jsonb_build_object('startNode', 'filing.draft')
                WHEN k <= t.depth + 1 THEN jsonb_build_object('to', t.tos->>(k - 1))
                ELSE '{}'::jsonb END,
           'u', '办案员', 'ws', '0', to_char(timestamp '2026-06-01' + (k * (1 + abs(hashtext(c.id)) % 48)) * interval '1 hour',
             'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '', '', c.bureau_id, 'dev-' || c.bureau_id, now()
      FROM cases c JOIN bench_tpl t ON t.depth = (substr(c.id, 6)::int) % ${steps.length + 1},
           generate_series(1, 20) AS k`);
  await db.query('ANALYZE');
}

export async function dashboardFigures(report: (f: Figure) => void): Promise<void> {
  const s = await startTestServer({ judgeGuards: false }); // synthetic histories: the dashboards, not the guards
  try {
    const t0 = performance.now();
    const db = s.pool;
    await seedFiftyThousandCases(db);
    const n = (await db.query<{ n: string }>('SELECT count(*) AS n FROM case_events')).rows[0]!.n;
    console.log(
      `# built 50,000 cases / ${Number(n).toLocaleString('en')} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const token = await adminToken(s);
    const get = () => s.request('GET', '/api/supervision/dashboard', { token });
    const first = await timeIt(async () => {
      const r = await get();
      if (r.status !== 200) throw new Error(JSON.stringify(r.body).slice(0, 300));
    });
    console.log(`# first dashboard (supervision facts of all 50,000 cases worked out): ${(first / 1000).toFixed(1)} s`);
    // Where the time goes: the check for stale facts, then the counting.
    const deps = { pool: db, procedures: loadProcedures(), calendar: loadCalendar() };
    const check = await timeIt(() => refreshFacts(deps, '2026-12-07'));
    const bureaus = (await db.query<{ id: string }>('SELECT id FROM bureaus')).rows.map((b) => b.id);
    const counting = await timeIt(() => dashboardRows(db, bureaus, '2026-12-07', { '2': '2026-12-09' }, new Map()));
    console.log(`# of which: stale-facts check ${check.toFixed(0)} ms, counting ${counting.toFixed(0)} ms`);
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) runs.push(await timeIt(get));
    report({
      name: 'dashboard-50k',
      value: median(runs),
      unit: 'ms',
      op: '<',
      target: 500,
      note: 'province dashboard over HTTP, 50,000 cases / 1,000,000 events, facts current',
    });
  } finally {
    await s.close();
  }
}
