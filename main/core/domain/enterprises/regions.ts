/**
 * County codes (GB/T 2260 行政区划代码) of the enterprise directory. The table is data
 * (resources/regions/gb2260.json): every province, and Guizhou down to its 88 counties. A code of
 * another province below province level is accepted with a warning, since the table does not list
 * them; a code of no known province, or a Guizhou code that does not exist, is refused.
 */
import { z } from 'zod';

const entry = z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1) });
export const regionTableSchema = z.object({
  version: z.string(),
  provinces: z.array(entry),
  prefectures: z.array(entry),
  counties: z.array(entry),
  retired: z.array(entry.extend({ replacedBy: z.string().regex(/^\d{6}$/), until: z.string() })),
});
export type RegionTableData = z.infer<typeof regionTableSchema>;

/** The provinces whose prefectures and counties the table lists in full. */
const fullyListed = new Set(['52']);

export interface RegionTable {
  provinces: ReadonlyMap<string, string>;
  /** Every listed code below province level (prefectures and counties) → name. */
  units: ReadonlyMap<string, string>;
  counties: ReadonlyMap<string, string>;
  retired: ReadonlyMap<string, { name: string; replacedBy: string; until: string }>;
}

export function regionTable(data: RegionTableData): RegionTable {
  const provinces = new Map(data.provinces.map((p) => [p.code.slice(0, 2), p.name]));
  const counties = new Map(data.counties.map((c) => [c.code, c.name]));
  return {
    provinces,
    counties,
    units: new Map([...data.prefectures, ...data.counties].map((c) => [c.code, c.name])),
    retired: new Map(data.retired.map((r) => [r.code, { name: r.name, replacedBy: r.replacedBy, until: r.until }])),
  };
}

export type CountyCheck =
  | { ok: true; code: string; name: string | null; warning: string | null }
  | { ok: false; reason: string };

/** Checks a county code as it appears in a file (digits, perhaps with spaces or a trailing .0 from Excel). */
export function checkCountyCode(raw: string, table: RegionTable): CountyCheck {
  const code = raw.trim().replace(/\.0+$/, '');
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: `行政区划代码“${raw.trim()}”应为6位数字` };
  const province = table.provinces.get(code.slice(0, 2));
  if (!province) return { ok: false, reason: `行政区划代码“${code}”的前两位不是任何省级行政区` };
  if (code.endsWith('0000'))
    return { ok: true, code, name: province, warning: `行政区划代码${code}为省级代码（${province}），未到区县` };
  const listed = table.units.get(code);
  if (listed) {
    const county = table.counties.has(code);
    return {
      ok: true,
      code,
      name: listed,
      warning: county ? null : `行政区划代码${code}为地市级代码（${listed}），未到区县`,
    };
  }
  const retired = table.retired.get(code);
  if (retired) {
    return {
      ok: true,
      code,
      name: retired.name,
      warning: `行政区划代码${code}（${retired.name}）已于${retired.until}年撤销，现为${retired.replacedBy}（${table.counties.get(retired.replacedBy) ?? ''}）`,
    };
  }
  if (fullyListed.has(code.slice(0, 2))) return { ok: false, reason: `${province}没有行政区划代码为“${code}”的区县` };
  return { ok: true, code, name: null, warning: `行政区划代码${code}属${province}，不在本机区划表中，未能核对到区县` };
}
