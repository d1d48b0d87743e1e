/**
 * The SQL of 绩效排行: writing each case's ranking facts (with its dashboard facts, refresh.ts), counting
 * them per bureau and per officer within the viewer's bureaus, and the published weights.
 */
import type pg from 'pg';
import type { RankingMeasureId } from '#common/sync/ranking.js';
import type { RankingFacts } from './rankingFacts.js';

type Db = pg.Pool | pg.PoolClient;

/** Rows of these cases were removed with their supervision_cases rows (ON DELETE CASCADE): insert only. */
export async function writeRankingFacts(tx: pg.PoolClient, facts: RankingFacts[]): Promise<void> {
  const deadlines = facts.flatMap((f) => f.deadlines.map((d) => ({ f, d })));
  if (deadlines.length)
    await tx.query(
      `INSERT INTO supervision_ranking_deadlines (case_id, bureau_id, track, rule_id, due_on, met_on, ends_on)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::date[])
       ON CONFLICT DO NOTHING`,
      [
        deadlines.map((x) => x.f.caseId),
        deadlines.map((x) => x.f.bureauId),
        deadlines.map((x) => x.d.track),
        deadlines.map((x) => x.d.ruleId),
        deadlines.map((x) => x.d.dueOn),
        deadlines.map((x) => x.d.metOn),
        deadlines.map((x) => x.d.endsOn),
      ],
    );
  const reviews = facts.flatMap((f) => f.reviews.map((r) => ({ f, r })));
  if (reviews.length)
    await tx.query(
      `INSERT INTO supervision_ranking_reviews (case_id, bureau_id, ordinal, action, on_date, changed)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::date[], $6::bool[])`,
      [
        reviews.map((x) => x.f.caseId),
        reviews.map((x) => x.f.bureauId),
        reviews.map((x) => x.r.ordinal),
        reviews.map((x) => x.r.action),
        reviews.map((x) => x.r.on),
        reviews.map((x) => x.r.changed),
      ],
    );
  if (facts.length)
    await tx.query(
      `INSERT INTO supervision_ranking_cases (case_id, bureau_id, decided_on, closed_on, review_score, review_max, review_on)
       SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::numeric[], $6::numeric[], $7::date[])
       ON CONFLICT DO NOTHING`,
      [
        facts.map((f) => f.caseId),
        facts.map((f) => f.bureauId),
        facts.map((f) => f.decidedOn),
        facts.map((f) => f.closedOn),
        facts.map((f) => f.fileReview?.score ?? null),
        facts.map((f) => f.fileReview?.max ?? null),
        facts.map((f) => f.fileReview?.ranOn ?? null),
      ],
    );
  const staff = facts.flatMap((f) => f.staff.map((o) => ({ f, o })));
  if (staff.length)
    await tx.query(
      `INSERT INTO supervision_ranking_staff (case_id, bureau_id, officer_id, officer_name)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [
        staff.map((x) => x.f.caseId),
        staff.map((x) => x.f.bureauId),
        staff.map((x) => x.o.id),
        staff.map((x) => x.o.name),
      ],
    );
}

/**
 * A deadline counts once it is met or missed: missed when it fell due (due_on < the day) before today and
 * before its case or track ended; on time when met on or before its due day.
 */
const deadlineCounts = `count(*) FILTER (WHERE met_on IS NOT NULL AND met_on <= due_on) AS numerator,
  count(*) FILTER (WHERE met_on IS NOT NULL OR due_on < LEAST($2::date, COALESCE(ends_on, $2::date))) AS denominator`;
const reviewCounts = 'count(*) FILTER (WHERE NOT changed) AS numerator, count(*) AS denominator';
/** 案卷评查: the points scored and the points possible over the cases reviewed, and how many cases that is. */
const fileReviewCounts =
  'sum(review_score) AS numerator, sum(review_max) AS denominator, count(*) AS cases FROM supervision_ranking_cases';

/**
 * The cases a period takes ($3 from, $4 to, both null: every case): those decided or closed in it. Every
 * measure is counted over these cases only.
 */
const inPeriod = `($3::date IS NULL OR case_id IN (SELECT case_id FROM supervision_ranking_cases
  WHERE bureau_id = ANY($1) AND (decided_on BETWEEN $3::date AND $4::date OR closed_on BETWEEN $3::date AND $4::date)))`;

/** A period of 绩效排行: from and to, both days included; null: every case. */
export type RankingPeriod = { from: string; to: string } | null;

export interface CountRow {
  unit: string;
  measure: RankingMeasureId;
  numerator: number;
  denominator: number;
  /** 案卷评查: the number of cases reviewed (the sample); the other measures' sample is their denominator. */
  cases?: number;
}

type RawCount = {
  unit: string;
  measure: RankingMeasureId;
  numerator: string;
  denominator: string;
  cases: string | null;
};
const toCount = (x: RawCount): CountRow => ({
  unit: x.unit,
  measure: x.measure,
  numerator: Number(x.numerator),
  denominator: Number(x.denominator),
  ...(x.cases === null ? {} : { cases: Number(x.cases) }),
});

/** The counts of each measure per bureau (the bureau that holds the case). */
export async function bureauCounts(
  db: Db,
  bureaus: string[],
  today: string,
  period: RankingPeriod = null,
): Promise<CountRow[]> {
  const r = await db.query<RawCount>(
    `SELECT bureau_id AS unit, 'onTime' AS measure, ${deadlineCounts}, NULL::bigint AS cases
       FROM supervision_ranking_deadlines WHERE bureau_id = ANY($1) AND ${inPeriod} GROUP BY 1
     UNION ALL
     SELECT bureau_id, 'reviewUnchanged', ${reviewCounts}, NULL
       FROM supervision_ranking_reviews WHERE bureau_id = ANY($1) AND ${inPeriod} GROUP BY 1
     UNION ALL
     SELECT bureau_id, 'fileReview', ${fileReviewCounts}
      WHERE bureau_id = ANY($1) AND review_max IS NOT NULL AND ${inPeriod} GROUP BY 1`,
    [bureaus, today, period?.from ?? null, period?.to ?? null],
  );
  return r.rows.map(toCount);
}

/** The counts per officer over the cases he is named on (each case counts fully for each of its officers). */
export async function officerCounts(
  db: Db,
  bureaus: string[],
  today: string,
  period: RankingPeriod = null,
): Promise<{ rows: CountRow[]; officers: Map<string, { name: string; bureauId: string }> }> {
  const [counts, names] = await Promise.all([
    db.query<RawCount>(
      `WITH d AS (SELECT case_id, ${deadlineCounts} FROM supervision_ranking_deadlines
                   WHERE bureau_id = ANY($1) AND ${inPeriod} GROUP BY 1),
            r AS (SELECT case_id, ${reviewCounts} FROM supervision_ranking_reviews
                   WHERE bureau_id = ANY($1) AND ${inPeriod} GROUP BY 1),
            v AS (SELECT case_id, review_score, review_max FROM supervision_ranking_cases
                   WHERE bureau_id = ANY($1) AND review_max IS NOT NULL AND ${inPeriod})
       SELECT s.officer_id AS unit, 'onTime' AS measure, sum(d.numerator) AS numerator, sum(d.denominator) AS denominator,
              NULL::bigint AS cases
         FROM supervision_ranking_staff s JOIN d ON d.case_id = s.case_id WHERE s.bureau_id = ANY($1) GROUP BY 1
       UNION ALL
       SELECT s.officer_id, 'reviewUnchanged', sum(r.numerator), sum(r.denominator), NULL
         FROM supervision_ranking_staff s JOIN r ON r.case_id = s.case_id WHERE s.bureau_id = ANY($1) GROUP BY 1
       UNION ALL
       SELECT s.officer_id, 'fileReview', sum(v.review_score), sum(v.review_max), count(*)
         FROM supervision_ranking_staff s JOIN v ON v.case_id = s.case_id WHERE s.bureau_id = ANY($1) GROUP BY 1`,
      [bureaus, today, period?.from ?? null, period?.to ?? null],
    ),
    // An officer's name and bureau: those of the cases naming him most (an officer lent to another county keeps his own).
    db.query<{ officer_id: string; officer_name: string; bureau_id: string }>(
      `SELECT DISTINCT ON (officer_id) officer_id, officer_name, bureau_id
         FROM (SELECT officer_id, officer_name, bureau_id, count(*) AS n FROM supervision_ranking_staff
                WHERE bureau_id = ANY($1) GROUP BY 1, 2, 3) x
        ORDER BY officer_id, n DESC, bureau_id`,
      [bureaus],
    ),
  ]);
  return {
    rows: counts.rows.map(toCount),
    officers: new Map(names.rows.map((x) => [x.officer_id, { name: x.officer_name, bureauId: x.bureau_id }])),
  };
}

export async function latestWeights(db: Db): Promise<unknown | null> {
  const r = await db.query<{ payload: unknown }>('SELECT payload FROM ranking_weights ORDER BY seq DESC LIMIT 1');
  return r.rows[0]?.payload ?? null;
}

/** False when the version was published already (a published version never changes). */
export async function insertWeights(db: Db, version: string, payload: unknown, at: Date, by: string): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO ranking_weights (version, payload, published_at, published_by) VALUES ($1, $2::jsonb, $3, $4)
     ON CONFLICT (version) DO NOTHING`,
    [version, JSON.stringify(payload), at, by],
  );
  return r.rowCount === 1;
}
