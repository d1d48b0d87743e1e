/**
 * A synthetic provincial enterprise directory of any size, as the province delivers it (the
 * columns of an export, in Chinese): valid 统一社会信用代码 and Guizhou county codes from
 * resources/regions/gb2260.json, industry codes, coordinates in Guizhou, permit numbers and
 * key-polluter flags. Optionally with bad rows of known kinds at known places, so that tests and
 * the bench can check the import's report line by line. Deterministic for a given seed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../paths.js';
import { regionTableSchema } from '../domain/enterprises/regions.js';
import { forms, given, makeUscc, surnames, trades, words } from './enterprises.js';
import { pick, seededRandom } from './random.js';

export const directoryHeader = [
  '单位名称',
  '统一社会信用代码',
  '法定代表人',
  '地址',
  '行政区划代码',
  '行业代码',
  '经度',
  '纬度',
  '排污许可证编号',
  '重点排污单位',
];

export const badKinds = ['checkDigit', 'county', 'coordinates', 'emptyName', 'industry', 'duplicate'] as const;
export type BadKind = (typeof badKinds)[number];

/** GB/T 4754-2017 classes that fit the trades of the synthetic names (same order as `trades`). */
const industryOfTrade = [
  'C4220',
  'B1019',
  'C3031',
  'C2614',
  'A0313',
  'C2021',
  'C1311',
  'C1512',
  'B0610',
  'C3021',
  'C1713',
  'C3360',
  'C3490',
  'C2231',
  'O8111',
];
const towns = [
  '城关镇',
  '新城街道',
  '工业园区',
  '经济开发区',
  '龙井街道',
  '茶园镇',
  '河西街道',
  '青山镇',
  '双龙镇',
  '平寨镇',
];
const keyPolluterValues = ['水环境', '大气环境', '水环境、大气环境', '土壤污染重点监管单位', '是'];

export interface Region {
  code: string;
  name: string;
  prefecture: string;
  short: string;
}

/** Guizhou's counties with their prefecture; `short` is the name without 县/市/区 (道真仡佬族苗族自治县 → 道真). */
export function guizhouCounties(file = join(resourcesDir(), 'regions', 'gb2260.json')): Region[] {
  const data = regionTableSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const prefectures = new Map(data.prefectures.map((p) => [p.code.slice(0, 4), p.name]));
  return data.counties
    .filter((c) => c.code.startsWith('52'))
    .map((c) => ({
      ...c,
      prefecture: prefectures.get(c.code.slice(0, 4)) ?? '',
      short: c.name.includes('自治县') ? c.name.slice(0, 2) : c.name.replace(/(特区|县|市|区)$/, ''),
    }));
}

export interface SyntheticDirectory {
  /** Cells in the order of `directoryHeader`. */
  rows: string[][];
  /** Which rows were spoiled, and how (index into rows; the file line is index + 2). */
  bad: Array<{ index: number; kind: BadKind }>;
}

function spoil(row: string[], kind: BadKind, earlierUscc: string): void {
  switch (kind) {
    case 'checkDigit': {
      const c = row[1]!;
      row[1] = c.slice(0, 17) + (c[17] === '0' ? '1' : '0');
      break;
    }
    case 'county':
      row[4] = '529999';
      break;
    case 'coordinates':
      row[6] = '206.5';
      break;
    case 'emptyName':
      row[0] = '';
      break;
    case 'industry':
      row[5] = 'Z99X';
      break;
    case 'duplicate':
      row[1] = earlierUscc;
      break;
  }
}

export function syntheticDirectory(
  count: number,
  opts: { seed?: number; badRows?: number; counties?: Region[] } = {},
): SyntheticDirectory {
  const rnd = seededRandom(opts.seed ?? 20261127);
  const counties = opts.counties ?? guizhouCounties();
  const names = new Set<string>();
  const codes = new Set<string>();
  const rows: string[][] = [];
  for (let i = 0; rows.length < count; i++) {
    const c = pick(rnd, counties);
    const t = Math.floor(rnd() * trades.length);
    let name = `${c.short}${pick(rnd, words)}${trades[t]}${pick(rnd, forms)}`;
    if (names.has(name)) name = `${c.short}${pick(rnd, words)}${pick(rnd, words)}${trades[t]}${pick(rnd, forms)}`;
    if (names.has(name)) name = `${name.replace(/(有限公司|有限责任公司|厂|合作社)$/, '')}第${i}分公司`;
    const uscc = makeUscc(rnd, c.code);
    if (names.has(name) || codes.has(uscc)) continue;
    names.add(name);
    codes.add(uscc);
    const permit = rnd() < 0.3 ? `${uscc}001${pick(rnd, ['P', 'V', 'U'])}` : '';
    rows.push([
      name,
      uscc,
      pick(rnd, surnames) + pick(rnd, given),
      `贵州省${c.prefecture}${c.name}${pick(rnd, towns)}${1 + Math.floor(rnd() * 300)}号`,
      c.code,
      industryOfTrade[t]!,
      (103.7 + rnd() * 5.8).toFixed(6),
      (24.7 + rnd() * 4.4).toFixed(6),
      permit,
      rnd() < 0.05 ? pick(rnd, keyPolluterValues) : '否',
    ]);
  }
  const bad: SyntheticDirectory['bad'] = [];
  const k = Math.min(opts.badRows ?? 0, Math.max(0, count - 1));
  // Spread the bad rows evenly after the first row (which stays good, so a duplicate has an original).
  for (let j = 0; j < k; j++) {
    const index = 1 + Math.floor((j * (count - 1)) / k);
    const kind = badKinds[j % badKinds.length]!;
    spoil(rows[index]!, kind, rows[index - 1]![1]!);
    bad.push({ index, kind });
  }
  return { rows, bad };
}
