/**
 * What a draw is made from, per county: the enterprises of the directory that meet the task's rules
 * and the officers holding a 执法证 valid for the whole period. Sorted with the C collation (byte
 * order, as JavaScript compares these ASCII codes), so the lists — and with them the draw — do not
 * depend on the database's locale. `before` limits the field inspections counted as "last inspection"
 * to those the server had received by then: the audit asks as of the draw's time.
 */
import type pg from 'pg';
import type { DrawRules } from '#common/sync/fieldTasks.js';
import { checkIndustryCode } from '#core/domain/enterprises/industry.js';
import { inTransaction } from '../db/pool.js';

/** A rule's industry codes as the directory stores them: 2614 → C2614, c26 → C26, C → C. */
export function industryPrefixes(rules: DrawRules): string[] {
  return rules.industries.map((p) => {
    const r = checkIndustryCode(p);
    return r.ok ? r.code : p.toUpperCase();
  });
}

/**
 * Each county's candidates as one comma-joined, sorted text and their count. Parameters: $1 counties,
 * $2 industry prefixes, $3 key-polluter mode, $4 its categories, $5 last inspection before, $6 the time
 * up to which field inspections count ({@link candidateParams}).
 */
export const candidatesSql = `SELECT d.county_id, count(*)::int AS n, string_agg(d.uscc, ',' ORDER BY d.uscc COLLATE "C") AS k
       FROM directory_enterprises d
      WHERE d.county_id = ANY($1::text[])
        AND (cardinality($2::text[]) = 0 OR EXISTS (SELECT 1 FROM unnest($2::text[]) p WHERE starts_with(d.industry_code, p)))
        AND CASE $3::text
              WHEN 'only' THEN cardinality(d.key_polluter) > 0 AND (cardinality($4::text[]) = 0 OR EXISTS (
                SELECT 1 FROM unnest(d.key_polluter) k, unnest($4::text[]) w WHERE strpos(k, w) > 0))
              WHEN 'exclude' THEN cardinality(d.key_polluter) = 0
              ELSE true END
        AND ($5::date IS NULL OR (
              (d.last_inspected_on IS NULL OR d.last_inspected_on < $5::date)
              AND NOT EXISTS (SELECT 1 FROM field_assignments a
                               WHERE a.uscc = d.uscc AND a.inspected_on >= $5::date AND a.result_at < $6)))
      GROUP BY d.county_id`;

export function candidateParams(counties: readonly string[], rules: DrawRules, before: Date): unknown[] {
  return [
    counties,
    industryPrefixes(rules),
    rules.keyPolluter.mode,
    rules.keyPolluter.categories,
    rules.lastInspectedBefore,
    before,
  ];
}

/** Room to sort a province's 90,910 candidates in memory rather than on disk (PostgreSQL's default is 4 MB). */
export const sortMemory = "SET LOCAL work_mem = '32MB'";

/** Each county's candidates, sorted (the audit works them out again). */
export function candidatePools(
  pool: pg.Pool,
  counties: readonly string[],
  rules: DrawRules,
  before: Date,
): Promise<Map<string, string[]>> {
  return inTransaction(pool, async (tx) => {
    await tx.query(sortMemory);
    const r = await tx.query<{ county_id: string; k: string }>(candidatesSql, candidateParams(counties, rules, before));
    return new Map(r.rows.map((x) => [x.county_id, x.k.split(',')]));
  });
}

/** Officers of each county whose 执法证 is recorded and valid until at least `$2` (the period's last day). */
export const officersSql = `SELECT bureau_id, array_agg(id ORDER BY id COLLATE "C") AS o FROM users
      WHERE bureau_id = ANY($1::text[]) AND 'officer' = ANY(roles) AND disabled_at IS NULL
        AND coalesce(certificate_no, '') <> '' AND certificate_valid_until >= $2::date
      GROUP BY bureau_id`;

/** Officers of each county whose 执法证 is recorded and valid until at least the period's last day. */
