/**
 * Every SQL statement of supervision: reading the cases whose facts are stale, writing their facts
 * (server/db/migrations/20261207T2200_supervision.sql), and the aggregates and case lists of the
 * dashboards, always limited to the viewer's bureaus.
 */
import type pg from 'pg';
import type { CaseState } from '#common/schemas/cases.js';
import type { Measure } from '#common/sync/supervision.js';
import type { CaseFacts, StepEvent } from './facts.js';

type Db = pg.Pool | pg.PoolClient;

/** Any fixed number: the key of the advisory lock held while facts are rebuilt. */
export const refreshLock = 4_780_015;

export interface StaleCase {
  id: string;
  bureauId: string;
  headSeq: number;
  state: CaseState;
}

/** Cases with no facts yet, whose head moved since, or whose sliding deadlines were evaluated another day. */
export async function staleCases(db: Db, today: string, limit: number): Promise<StaleCase[]> {
  const r = await db.query<{ id: string; bureau_id: string; head_seq: number; state: CaseState }>(
    `SELECT c.id, c.bureau_id, c.head_seq, c.state FROM cases c
       LEFT JOIN supervision_cases f ON f.case_id = c.id
      WHERE f.case_id IS NULL OR f.head_seq <> c.head_seq OR (f.slides AND f.evaluated_on <> $1::date)
      LIMIT $2`,
    [today, limit],
  );
  return r.rows.map((x) => ({ id: x.id, bureauId: x.bureau_id, headSeq: x.head_seq, state: x.state }));
}

/** 立案 and the main procedure's moves of these cases, by case in log order. */
export async function stepEvents(db: Db, caseIds: string[]): Promise<Map<string, StepEvent[]>> {
  const r = await db.query<{
    case_id: string;
    seq: number;
    type: string;
    at: string;
    to: string | null;
    track: string | null;
  }>(
    `SELECT case_id, seq, type, at,
            CASE WHEN type = 'case.opened' THEN payload->>'startNode' ELSE payload->>'to' END AS to,
            payload->>'track' AS track
       FROM case_events
      WHERE case_id = ANY($1) AND type IN ('case.opened', 'action.performed')
      ORDER BY case_id, seq`,
    [caseIds],
  );
  const out = new Map<string, StepEvent[]>();
  for (const e of r.rows) {
    const list = out.get(e.case_id) ?? [];
    out.set(e.case_id, list);
    list.push({ seq: e.seq, type: e.type, at: e.at, to: e.to, track: e.track });
  }
  return out;
}

/** Replaces the facts of these cases (their officers, deadlines and stays go with them). */
export async function writeFacts(tx: pg.PoolClient, facts: CaseFacts[]): Promise<void> {
  if (!facts.length) return;
  const ids = facts.map((f) => f.caseId);
  // The stays about to be replaced leave the totals first; the new ones join them below.
  await tx.query(
    `UPDATE supervision_step_totals t SET stays = t.stays - x.n, seconds = t.seconds - x.sum
       FROM (SELECT bureau_id, procedure_id, node, count(*) AS n, sum(seconds) AS sum
               FROM supervision_steps WHERE case_id = ANY($1) GROUP BY 1, 2, 3) x
      WHERE t.bureau_id = x.bureau_id AND t.procedure_id = x.procedure_id AND t.node = x.node`,
    [ids],
  );
  await tx.query('DELETE FROM supervision_cases WHERE case_id = ANY($1)', [ids]);
  const col = <K extends keyof CaseFacts>(k: K) => facts.map((f) => f[k]);
  await tx.query(
    `INSERT INTO supervision_cases (case_id, bureau_id, head_seq, evaluated_on, slides, number, party, procedure_id,
       procedure_name, node, node_name, closed, violation_id, violation_name, fine_decided, fine_collected)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::date[], $5::bool[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::bool[], $13::text[], $14::text[], $15::numeric[], $16::numeric[])`,
    [
      col('caseId'),
      col('bureauId'),
      col('headSeq'),
      col('evaluatedOn'),
      col('slides'),
      col('number'),
      col('party'),
      col('procedureId'),
      col('procedureName'),
      col('node'),
      col('nodeName'),
      col('closed'),
      col('violationId'),
      col('violationName'),
      col('fineDecided'),
      col('fineCollected'),
    ],
  );
  const officers = facts.flatMap((f) => f.officers.map((o) => ({ f, o })));
  if (officers.length)
    await tx.query(
      `INSERT INTO supervision_officers (case_id, bureau_id, officer_id, officer_name)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [
        officers.map((x) => x.f.caseId),
        officers.map((x) => x.f.bureauId),
        officers.map((x) => x.o.id),
        officers.map((x) => x.o.name),
      ],
    );
  const deadlines = facts.flatMap((f) => f.deadlines.map((d) => ({ f, d })));
  if (deadlines.length)
    await tx.query(
      `INSERT INTO supervision_deadlines (case_id, bureau_id, track, rule_id, name, citation, owner, due_on, warn_ahead)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::int[])
       ON CONFLICT DO NOTHING`,
      [
        deadlines.map((x) => x.f.caseId),
        deadlines.map((x) => x.f.bureauId),
        deadlines.map((x) => x.d.track),
        deadlines.map((x) => x.d.ruleId),
        deadlines.map((x) => x.d.name),
        deadlines.map((x) => x.d.citation),
        deadlines.map((x) => x.d.owner),
        deadlines.map((x) => x.d.dueOn),
        deadlines.map((x) => x.d.warnAhead),
      ],
    );
  const steps = facts.flatMap((f) => f.steps.map((s) => ({ f, s })));
  if (steps.length)
    await tx.query(
      `INSERT INTO supervision_steps (case_id, bureau_id, ordinal, procedure_id, node, node_name, entered_at, seconds)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::float8[])`,
      [
        steps.map((x) => x.f.caseId),
        steps.map((x) => x.f.bureauId),
        steps.map((x) => x.s.ordinal),
        steps.map((x) => x.f.procedureId),
        steps.map((x) => x.s.node),
        steps.map((x) => x.s.nodeName),
        steps.map((x) => x.s.enteredAt),
        steps.map((x) => x.s.seconds),
      ],
    );
  await tx.query(
    `INSERT INTO supervision_step_totals (bureau_id, procedure_id, node, node_name, first_ordinal, stays, seconds)
     SELECT bureau_id, procedure_id, node, max(node_name), min(ordinal), count(*), sum(seconds)
       FROM supervision_steps WHERE case_id = ANY($1) GROUP BY 1, 2, 3
     ON CONFLICT (bureau_id, procedure_id, node) DO UPDATE SET stays = supervision_step_totals.stays + excluded.stays,
       seconds = supervision_step_totals.seconds + excluded.seconds, node_name = excluded.node_name,
       first_ordinal = LEAST(supervision_step_totals.first_ordinal, excluded.first_ordinal)`,
    [ids],
  );
}

const num = (v: string | number | null): number => (v === null ? 0 : Number(v));

/** `soon`: for each warning horizon (working days) of the procedures, the last day that is "due soon" today. */
export async function dashboardRows(
  db: Db,
  bureaus: string[],
  today: string,
  soon: Record<string, string>,
  procedureNames: ReadonlyMap<string, string>,
) {
  const [totals, byState, byViolation, deadlines, steps, fines, officers] = await Promise.all([
    db.query<{ cases: string; closed: string }>(
      'SELECT count(*) AS cases, count(*) FILTER (WHERE closed) AS closed FROM supervision_cases WHERE bureau_id = ANY($1)',
      [bureaus],
    ),
    db.query<{
      closed: boolean;
      procedure_id: string;
      node: string;
      procedure_name: string;
      node_name: string;
      n: string;
    }>(
      `SELECT closed, CASE WHEN closed THEN '' ELSE procedure_id END AS procedure_id, CASE WHEN closed THEN '' ELSE node END AS node,
              max(procedure_name) AS procedure_name, max(node_name) AS node_name, count(*) AS n
         FROM supervision_cases WHERE bureau_id = ANY($1) GROUP BY 1, 2, 3 ORDER BY n DESC`,
      [bureaus],
    ),
    db.query<{ violation_id: string; name: string; n: string }>(
      `SELECT violation_id, max(violation_name) AS name, count(*) AS n
         FROM supervision_cases WHERE bureau_id = ANY($1) GROUP BY 1 ORDER BY n DESC`,
      [bureaus],
    ),
    db.query<{
      rule_id: string;
      owner: 'bureau' | 'party';
      name: string;
      citation: string;
      overdue: string;
      due_soon: string;
    }>(
      `SELECT rule_id, owner, max(name) AS name, max(citation) AS citation,
              count(*) FILTER (WHERE due_on < $2::date) AS overdue,
              count(*) FILTER (WHERE due_on >= $2::date AND due_on <= ($3::jsonb->>warn_ahead::text)::date) AS due_soon
         FROM supervision_deadlines WHERE bureau_id = ANY($1)
        GROUP BY 1, 2 HAVING count(*) FILTER (WHERE due_on <= ($3::jsonb->>warn_ahead::text)::date) > 0
        ORDER BY overdue DESC, due_soon DESC`,
      [bureaus, today, JSON.stringify(soon)],
    ),
    db.query<{ procedure_id: string; node: string; node_name: string; n: string; avg: number }>(
      `SELECT procedure_id, node, max(node_name) AS node_name, sum(stays) AS n, sum(seconds) / sum(stays) AS avg
         FROM supervision_step_totals
        WHERE bureau_id = ANY($1) GROUP BY 1, 2 HAVING sum(stays) > 0 ORDER BY 1, min(first_ordinal)`,
      [bureaus],
    ),
    db.query<{
      decided: string;
      collected: string;
      outstanding: string;
      decided_cases: string;
      outstanding_cases: string;
    }>(
      `SELECT sum(fine_decided) AS decided, sum(LEAST(fine_collected, fine_decided)) AS collected,
              sum(GREATEST(fine_decided - fine_collected, 0)) AS outstanding,
              count(*) FILTER (WHERE fine_decided > 0) AS decided_cases,
              count(*) FILTER (WHERE fine_decided > fine_collected) AS outstanding_cases
         FROM supervision_cases WHERE bureau_id = ANY($1)`,
      [bureaus],
    ),
    db.query<{ officer_id: string; name: string; n: string }>(
      `SELECT officer_id, max(officer_name) AS name, count(*) AS n
         FROM supervision_officers WHERE bureau_id = ANY($1) GROUP BY 1 ORDER BY n DESC, 1 LIMIT 50`,
      [bureaus],
    ),
  ]);
  const t = totals.rows[0]!;
  const f = fines.rows[0]!;
  return {
    totals: { cases: num(t.cases), closed: num(t.closed), open: num(t.cases) - num(t.closed) },
    byState: byState.rows.map((r) => ({
      key: r.closed ? 'closed' : `${r.procedure_id}:${r.node}`,
      procedureName: r.closed ? '' : r.procedure_name,
      nodeName: r.closed ? '已结案' : r.node_name,
      closed: r.closed,
      count: num(r.n),
    })),
    byViolation: byViolation.rows.map((r) => ({ key: r.violation_id, name: r.name, count: num(r.n) })),
    deadlines: deadlines.rows.map((r) => ({
      key: r.rule_id,
      name: r.name,
      citation: r.citation,
      owner: r.owner,
      overdue: num(r.overdue),
      dueSoon: num(r.due_soon),
    })),
    steps: steps.rows.map((r) => ({
      key: `${r.procedure_id}:${r.node}`,
      procedureName: procedureNames.get(r.procedure_id) ?? r.procedure_id,
      nodeName: r.node_name,
      count: num(r.n),
      averageDays: Math.round((Number(r.avg) / 86400) * 100) / 100,
    })),
    fines: {
      decided: num(f.decided),
      collected: num(f.collected),
      outstanding: num(f.outstanding),
      decidedCases: num(f.decided_cases),
      outstandingCases: num(f.outstanding_cases),
    },
    officers: officers.rows.map((r) => ({ key: r.officer_id, name: r.name, openCases: num(r.n) })),
  };
}

export interface CaseListRow {
  id: string;
  number: string;
  bureau_id: string;
  party: string;
  node_name: string;
  closed: boolean;
  violation_name: string;
  detail: string;
  total: string;
}

const listColumns = `c.case_id AS id, c.number, c.bureau_id, c.party, c.node_name, c.closed, c.violation_name`;

/**
 * The cases behind one figure of the dashboard (`key` as the dashboard gave it), at most `limit`,
 * with the total. `detail` says what puts each case there.
 */
export async function caseList(
  db: Db,
  bureaus: string[],
  measure: Measure,
  key: string,
  limit: number,
  today: string,
  soon: Record<string, string>,
): Promise<CaseListRow[]> {
  const [procedureId, node] = key.includes(':')
    ? [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
    : [key, ''];
  const sql: Record<Measure, { text: string; params: unknown[] }> = {
    state:
      key === 'closed'
        ? { text: `SELECT ${listColumns}, '' AS detail FROM supervision_cases c WHERE c.closed`, params: [] }
        : {
            text: `SELECT ${listColumns}, '' AS detail FROM supervision_cases c
                    WHERE NOT c.closed AND c.procedure_id = $2 AND c.node = $3`,
            params: [procedureId, node],
          },
    violation: {
      text: `SELECT ${listColumns}, '' AS detail FROM supervision_cases c WHERE c.violation_id = $2`,
      params: [key],
    },
    overdue: {
      text: `SELECT ${listColumns}, '期限 ' || to_char(d.due_on, 'YYYY-MM-DD') || ' 届满 · ' || d.citation AS detail
               FROM supervision_deadlines d JOIN supervision_cases c ON c.case_id = d.case_id
              WHERE d.rule_id = $2 AND d.due_on < $3::date`,
      params: [key, today],
    },
    dueSoon: {
      text: `SELECT ${listColumns}, '期限 ' || to_char(d.due_on, 'YYYY-MM-DD') || ' 届满 · ' || d.citation AS detail
               FROM supervision_deadlines d JOIN supervision_cases c ON c.case_id = d.case_id
              WHERE d.rule_id = $2 AND d.due_on >= $3::date AND d.due_on <= ($4::jsonb->>d.warn_ahead::text)::date`,
      params: [key, today, JSON.stringify(soon)],
    },
    step: {
      text: `SELECT DISTINCT ON (c.case_id) ${listColumns},
                    '在该环节用时 ' || to_char(s.seconds / 86400.0, 'FM999990.0') || ' 天' AS detail
               FROM supervision_steps s JOIN supervision_cases c ON c.case_id = s.case_id
              WHERE s.procedure_id = $2 AND s.node = $3`,
      params: [procedureId, node],
    },
    fines: {
      text: `SELECT ${listColumns},
                    '决定 ' || c.fine_decided || ' 元，已缴 ' || c.fine_collected || ' 元' AS detail
               FROM supervision_cases c
              WHERE ${key === 'collected' ? 'c.fine_collected > 0 AND c.fine_decided > 0' : key === 'outstanding' ? 'c.fine_decided > c.fine_collected' : 'c.fine_decided > 0'}`,
      params: [],
    },
    officer: {
      text: `SELECT ${listColumns}, '' AS detail
               FROM supervision_officers o JOIN supervision_cases c ON c.case_id = o.case_id
              WHERE o.officer_id = $2`,
      params: [key],
    },
  };
  const q = sql[measure];
  // The viewer's bureaus always bound the list: $1 in every statement.
  const scoped = `SELECT x.*, count(*) OVER () AS total FROM (${q.text} AND c.bureau_id = ANY($1)) x
                  ORDER BY x.number LIMIT ${Math.trunc(limit)}`;
  return (await db.query<CaseListRow>(scoped, [bureaus, ...q.params])).rows;
}

export async function caseOf(db: Db, caseId: string) {
  const r = await db.query<{
    id: string;
    bureau_id: string;
    number: string | null;
    state: CaseState;
  }>('SELECT id, bureau_id, number, state FROM cases WHERE id = $1', [caseId]);
  return r.rows[0] ?? null;
}

export async function caseEvents(db: Db, caseId: string) {
  const r = await db.query<{
    seq: number;
    type: string;
    at: string;
    actor_name: string;
    payload: Record<string, unknown>;
  }>('SELECT seq, type, at, actor_name, payload FROM case_events WHERE case_id = $1 ORDER BY seq LIMIT 2000', [caseId]);
  return r.rows;
}
