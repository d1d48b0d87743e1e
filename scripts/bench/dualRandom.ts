/**
 * 双随机 over the province's directory (issue: a draw over 90,910 enterprises < 200 ms): the synthetic
 * directory published as reference data in parts (as the province would), two to four certified
 * officers in each of the 88 counties, then a province-wide task created over HTTP — the rules filtered
 * in SQL, the seeded draw, the task, what each county's draw was made from and the assignments written.
 * The figure is the median of several creations (each a new task); the audit's re-run is printed as a note.
 */
import { loadavg } from 'node:os';
import { addDays, chinaDate } from '#core/domain/dates.js';
import { directoryHeader, syntheticDirectory } from '#core/seed/syntheticDirectory.js';
import { adminToken } from '../../server/testing/fixtures.js';
import { startTestServer } from '../../server/testing/testServer.js';
import { median, timeIt, type Figure } from './report.js';

export async function dualRandomFigures(report: (f: Figure) => void): Promise<void> {
  const s = await startTestServer();
  try {
    const token = await adminToken(s);
    const rows = syntheticDirectory(90_910, { seed: 90910 }).rows;
    for (let i = 0; i < rows.length; i += 20_000) {
      const r = await s.request('POST', '/api/admin/reference', {
        token,
        body: {
          kind: 'enterprises',
          version: `bench-${i}`,
          payload: { header: directoryHeader, rows: rows.slice(i, i + 20_000) },
        },
      });
      if (r.status !== 201) throw new Error(`publishing the directory failed: ${JSON.stringify(r.body).slice(0, 200)}`);
    }
    const held = (await s.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM directory_enterprises')).rows[0]!.n;
    await s.pool.query(`
      INSERT INTO users (id, bureau_id, username, name, roles, certificate_no, certificate_valid_until, password_hash, created_at)
      SELECT 'bench-' || b.id || '-' || k, b.id, 'bench-' || b.id || '-' || k, '执法人员' || k, ARRAY['officer'],
             'BENCH' || b.id || k, date '2030-12-31', 'x', now()
        FROM bureaus b, generate_series(1, 2 + (b.id::int % 3)) AS k WHERE b.level = 'county'`);
    const counties = (
      await s.pool.query<{ id: string }>("SELECT id FROM bureaus WHERE level = 'county' ORDER BY id")
    ).rows.map((r) => r.id);
    const today = chinaDate(new Date());
    const create = (n: number, rules: Record<string, unknown>) =>
      s.request('POST', '/api/tasks', {
        token,
        body: {
          submissionId: `bench-submission-${n}`,
          name: `全省双随机抽查第${n}批`,
          periodFrom: today,
          periodTo: addDays(today, 30),
          counties,
          rules,
          perCounty: 10,
        },
      });
    const anyRules = { industries: [], keyPolluter: { mode: 'any', categories: [] }, lastInspectedBefore: null };
    const narrow = {
      industries: ['C', 'B06'],
      keyPolluter: { mode: 'exclude', categories: [] },
      lastInspectedBefore: today,
    };
    await create(0, anyRules); // warm-up: plans and pool connections
    const times: number[] = [];
    let drawn = 0;
    for (let i = 1; i <= 7; i++) {
      times.push(
        await timeIt(async () => {
          const r = await create(i, i % 2 ? anyRules : narrow);
          if (r.status !== 201) throw new Error(`creating a task failed: ${JSON.stringify(r.body).slice(0, 200)}`);
          drawn = r.body.counties.reduce((n: number, c: { drawn: number }) => n + c.drawn, 0);
        }),
      );
    }
    const last = (await s.pool.query<{ id: string }>('SELECT id FROM field_tasks ORDER BY created_at DESC LIMIT 1'))
      .rows[0]!.id;
    let audit = false;
    const auditMs = await timeIt(async () => {
      audit = (await s.request('GET', `/api/tasks/${last}/audit`, { token })).body.matches === true;
    });
    report({
      name: 'dual-random-draw',
      value: median(times),
      unit: 'ms',
      op: '<',
      target: 200,
      note: `province-wide task over ${held.toLocaleString('en')} enterprises in ${counties.length} counties, 10 per county (${drawn} drawn), rules filtered in PostgreSQL, draw and writes, over HTTP; the audit re-run ${Math.round(auditMs)} ms, ${audit ? 'matches' : 'DOES NOT MATCH'}; load average ${loadavg()[0]!.toFixed(1)}`,
    });
  } finally {
    await s.close();
  }
}
