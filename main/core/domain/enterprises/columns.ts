/**
 * Which column of a provincial export holds which field. The header names are data
 * (resources/enterprises/columns.json): a new export's wording is added there, not in code.
 */
import { z } from 'zod';

export const enterpriseFields = [
  'name',
  'uscc',
  'legalRepresentative',
  'address',
  'countyCode',
  'countyName',
  'industryCode',
  'longitude',
  'latitude',
  'permitNumbers',
  'keyPolluter',
] as const;
export type EnterpriseField = (typeof enterpriseFields)[number];

export const fieldNames: Record<EnterpriseField, string> = {
  name: '单位名称',
  uscc: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  address: '地址',
  countyCode: '行政区划代码',
  countyName: '所属区县',
  industryCode: '行业代码',
  longitude: '经度',
  latitude: '纬度',
  permitNumbers: '排污许可证编号',
  keyPolluter: '重点排污单位',
};

export const columnMapSchema = z.object({
  required: z.array(z.enum(enterpriseFields)),
  columns: z.record(z.enum(enterpriseFields), z.array(z.string().min(1))),
  keyPolluterCategories: z.array(z.object({ words: z.array(z.string().min(1)), category: z.string().min(1) })),
  affirmative: z.array(z.string()),
  negative: z.array(z.string()),
});
export type ColumnMap = z.infer<typeof columnMapSchema>;

/** Header text as compared: no spaces, half-width brackets, no * marking a required column, lower case. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .toLowerCase();
}

export interface HeaderMatch {
  /** Field → column index. */
  index: Partial<Record<EnterpriseField, number>>;
  /** Field → the header as written in the file. */
  found: Partial<Record<EnterpriseField, string>>;
  missingRequired: EnterpriseField[];
}

export function matchHeader(cells: readonly string[], map: ColumnMap): HeaderMatch {
  // A header listed earlier for a field wins over a later one (法定代表人 over 负责人), whatever the column order.
  const lookup = new Map<string, { field: EnterpriseField; rank: number }>();
  for (const f of enterpriseFields) {
    (map.columns[f] ?? []).forEach((name, rank) => {
      if (!lookup.has(normalizeHeader(name))) lookup.set(normalizeHeader(name), { field: f, rank });
    });
  }
  const index: HeaderMatch['index'] = {};
  const found: HeaderMatch['found'] = {};
  const rankOf: Partial<Record<EnterpriseField, number>> = {};
  cells.forEach((cell, i) => {
    const hit = lookup.get(normalizeHeader(cell));
    if (!hit || (rankOf[hit.field] ?? Infinity) <= hit.rank) return;
    index[hit.field] = i;
    found[hit.field] = cell.trim();
    rankOf[hit.field] = hit.rank;
  });
  return { index, found, missingRequired: map.required.filter((f) => index[f] === undefined) };
}

/** The header is the row among the first few that names the most fields (a title row may come first). */
export function findHeader(
  rows: ReadonlyArray<{ line: number; cells: readonly string[] }>,
  map: ColumnMap,
  scan = 10,
): { row: number; match: HeaderMatch } | null {
  let best: { row: number; match: HeaderMatch } | null = null;
  let bestScore = 0;
  for (let row = 0; row < Math.min(scan, rows.length); row++) {
    const match = matchHeader(rows[row]!.cells, map);
    const score = Object.keys(match.index).length + (match.missingRequired.length ? 0 : 100);
    if (score > bestScore) {
      best = { row, match };
      bestScore = score;
    }
  }
  return best;
}
