/**
 * The directory 双随机 draws from: each version of reference kind `enterprises` the province publishes
 * (`{ rows, header? }`, rows in the columns of a directory export, possibly in parts) is written into
 * `directory_enterprises`, one row per 统一社会信用代码, remembering the version that wrote it. Rows a
 * workstation's import would reject (bad code, no county, bad industry code) are left out of the draws.
 */
import type pg from 'pg';
import { defaultDirectoryHeader, directoryColumns } from '#common/sync/fieldTasks.js';
import { checkIndustryCode } from '#core/domain/enterprises/industry.js';
import { isValidUscc } from '#core/domain/uscc.js';
import { inTransaction } from '../db/pool.js';

export interface DirectoryRow {
  uscc: string;
  name: string;
  countyId: string;
  industryCode: string;
  keyPolluter: string[];
  lastInspectedOn: string | null;
}

const negative = new Set(['', '否', '无', '不是', 'N', 'NO', '0', '非重点']);

export function keyPolluterOf(raw: string): string[] {
  const v = raw.trim();
  if (negative.has(v.toUpperCase())) return [];
  if (['是', 'Y', 'YES', '1'].includes(v.toUpperCase())) return ['重点排污单位'];
  return [...new Set(v.split(/[、,，;；/\s]+/).filter(Boolean))];
}

export function directoryRowsOf(payload: unknown): DirectoryRow[] {
  const p = payload as { rows?: unknown; header?: unknown } | null;
  if (!p || !Array.isArray(p.rows)) return [];
  const header = Array.isArray(p.header) ? p.header.map(String) : defaultDirectoryHeader;
  const col = (name: string) => header.indexOf(name);
  const at = {
    name: col(directoryColumns.name),
    uscc: col(directoryColumns.uscc),
    county: col(directoryColumns.county),
    industry: col(directoryColumns.industry),
    keyPolluter: col(directoryColumns.keyPolluter),
    last: col(directoryColumns.lastInspectedOn),
  };
  if (at.uscc < 0 || at.county < 0 || at.name < 0) return [];
  const out: DirectoryRow[] = [];
  for (const r of p.rows) {
    if (!Array.isArray(r)) continue;
    const cell = (i: number): string => (i >= 0 && r[i] !== undefined && r[i] !== null ? String(r[i]).trim() : '');
    const uscc = cell(at.uscc).toUpperCase();
    const countyId = cell(at.county);
    const industry = checkIndustryCode(cell(at.industry));
    const last = cell(at.last);
    if (!isValidUscc(uscc) || !/^52\d{4}$/.test(countyId) || !cell(at.name) || !industry.ok) continue;
    out.push({
      uscc,
      name: cell(at.name),
      countyId,
      industryCode: industry.code,
      keyPolluter: keyPolluterOf(cell(at.keyPolluter)),
      lastInspectedOn: /^\d{4}-\d{2}-\d{2}$/.test(last) ? last : null,
    });
  }
  return out;
}

/** Writes a published version's rows (an existing 统一社会信用代码 takes the newer row), in one transaction. */
export async function storeDirectory(pool: pg.Pool, refSeq: number, payload: unknown): Promise<number> {
  const rows = directoryRowsOf(payload);
  await inTransaction(pool, async (tx) => {
    // The VACUUM below marks the new rows' pages all-visible (the draws' index-only scan then never
    // reads the table) only once this commit is flushed: an asynchronous commit (a cluster run with
    // synchronous_commit off) would leave them unmarked, and every draw would read 90,910 rows twice.
    await tx.query('SET LOCAL synchronous_commit = on');
    for (let i = 0; i < rows.length; i += 5000) {
      const part = rows.slice(i, i + 5000);
      await tx.query(
        `INSERT INTO directory_enterprises (uscc, name, county_id, industry_code, key_polluter, last_inspected_on, ref_seq)
         SELECT u, n, c, ind, ARRAY(SELECT jsonb_array_elements_text(k)), l::date, $7
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[]) AS t(u, n, c, ind, k, l)
         ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, county_id = excluded.county_id,
           industry_code = excluded.industry_code, key_polluter = excluded.key_polluter,
           last_inspected_on = excluded.last_inspected_on, ref_seq = excluded.ref_seq`,
        [
          part.map((r) => r.uscc),
          part.map((r) => r.name),
          part.map((r) => r.countyId),
          part.map((r) => r.industryCode),
          part.map((r) => JSON.stringify(r.keyPolluter)),
          part.map((r) => r.lastInspectedOn),
          refSeq,
        ],
      );
    }
  });
  // Fresh statistics and visibility map, so the draws read the new rows by the index, in order.
  await pool.query('VACUUM (ANALYZE) directory_enterprises');
  return rows.length;
}
