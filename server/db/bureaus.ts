/**
 * The bureaus the server knows: 贵州省生态环境厅, the 9 prefecture bureaus and the 88 county branches,
 * from resources/regions/gb2260.json (the same table the workstation checks county codes with), keyed
 * by their GB/T 2260 code. Seeded at every start; an existing bureau is left as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { resourcesDir } from '#core/paths.js';
import { regionTableSchema, type RegionTableData } from '#core/domain/enterprises/regions.js';
import type { BureauView } from '#common/sync/enrolment.js';

export const provinceCode = '520000';

/** The bureaus of Guizhou from the region table: pure. */
export function bureausFromRegions(t: RegionTableData): BureauView[] {
  const province = t.provinces.find((p) => p.code === provinceCode);
  if (!province) throw new Error(`行政区划表中没有贵州省（${provinceCode}）`);
  const prefectures = new Map(t.prefectures.filter((p) => p.code.startsWith('52')).map((p) => [p.code, p.name]));
  const out: BureauView[] = [
    { id: province.code, name: `${province.name}生态环境厅`, level: 'province', parentId: null },
  ];
  for (const [code, name] of prefectures)
    out.push({ id: code, name: `${name}生态环境局`, level: 'prefecture', parentId: province.code });
  for (const c of t.counties.filter((x) => x.code.startsWith('52'))) {
    const parent = `${c.code.slice(0, 4)}00`;
    const prefecture = prefectures.get(parent);
    if (!prefecture) throw new Error(`行政区划表中县级单位 ${c.code} 没有上级市（州）${parent}`);
    // Since the 2016 vertical reform a county's bureau is a branch (分局) of its prefecture's.
    out.push({ id: c.code, name: `${prefecture}生态环境局${c.name}分局`, level: 'county', parentId: parent });
  }
  return out;
}

export function loadBureaus(file = join(resourcesDir(), 'regions', 'gb2260.json')): BureauView[] {
  return bureausFromRegions(regionTableSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
}

export async function seedBureaus(pool: pg.Pool, bureaus: BureauView[]): Promise<void> {
  // Parents first (the list is in that order), in one statement: ON CONFLICT keeps what is there.
  await pool.query(
    `INSERT INTO bureaus (id, name, level, parent_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (id) DO NOTHING`,
    [bureaus.map((b) => b.id), bureaus.map((b) => b.name), bureaus.map((b) => b.level), bureaus.map((b) => b.parentId)],
  );
}
