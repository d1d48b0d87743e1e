/**
 * One row of a provincial enterprise export, checked field by field. A row with an error is
 * refused with every reason (in Chinese) so the province can fix its file; a row with only
 * remarks is imported and the remarks are reported.
 */
import { usccProblem, usccProblemMessages } from '../uscc.js';
import type { ColumnMap, EnterpriseField, HeaderMatch } from './columns.js';
import { checkCountyCode, type RegionTable } from './regions.js';
import { checkIndustryCode } from './industry.js';
import { parseCoordinate, checkCoordinates } from './coordinates.js';
import type { Cell } from './cell.js';

export interface EnterpriseRecord {
  name: string;
  uscc: string;
  legalRepresentative: string;
  address: string;
  countyCode: string;
  county: string;
  industryCode: string;
  longitude: number | null;
  latitude: number | null;
  permitNumbers: string[];
  keyPolluter: string[];
}

export interface RowResult {
  record: EnterpriseRecord | null;
  errors: string[];
  warnings: string[];
}

export interface RowContext {
  header: HeaderMatch;
  regions: RegionTable;
  columns: ColumnMap;
}

const text = (c: Cell | undefined): string => (c === undefined ? '' : String(c)).replace(/[\s\u3000]+/g, ' ').trim();

function cellOf(cells: readonly Cell[], ctx: RowContext, f: EnterpriseField): Cell | undefined {
  const i = ctx.header.index[f];
  return i === undefined ? undefined : cells[i];
}

function usccOf(raw: Cell | undefined, errors: string[]): string {
  if (typeof raw === 'number') {
    errors.push('统一社会信用代码在表格中被存为数字，末几位可能已丢失；请将该列设为“文本”格式后重新导出');
    return String(raw);
  }
  const v = text(raw).replace(/\s/g, '').toUpperCase();
  if (!v) {
    errors.push('统一社会信用代码为空');
    return '';
  }
  const p = usccProblem(v);
  if (p) errors.push(`${usccProblemMessages[p]}（“${v}”）`);
  return v;
}

function countyOf(
  cells: readonly Cell[],
  ctx: RowContext,
  uscc: string,
  errors: string[],
  warnings: string[],
): { code: string; name: string } {
  const given = text(cellOf(cells, ctx, 'countyCode'));
  const givenName = text(cellOf(cells, ctx, 'countyName'));
  if (!given) {
    // GB 32100: characters 3–8 of the code are the registering authority's area code.
    const fromUscc = uscc.length === 18 ? uscc.slice(2, 8) : '';
    const name = ctx.regions.counties.get(fromUscc);
    if (name) {
      warnings.push(`未填行政区划代码，按统一社会信用代码第3至8位取为${fromUscc}（${name}）`);
      return { code: fromUscc, name };
    }
    errors.push('行政区划代码为空');
    return { code: '', name: givenName };
  }
  const check = checkCountyCode(given, ctx.regions);
  if (!check.ok) {
    errors.push(check.reason);
    return { code: given, name: givenName };
  }
  if (check.warning) warnings.push(check.warning);
  if (givenName && check.name && !check.name.includes(givenName) && !givenName.includes(check.name)) {
    warnings.push(`所属区县“${givenName}”与行政区划代码${check.code}（${check.name}）不符，以代码为准`);
  }
  return { code: check.code, name: check.name ?? givenName };
}

function industryOf(raw: string, errors: string[], warnings: string[]): string {
  if (!raw) return '';
  const check = checkIndustryCode(raw);
  if (!check.ok) {
    errors.push(check.reason);
    return raw;
  }
  if (check.warning) warnings.push(check.warning);
  return check.code;
}

function permitsOf(raw: string, warnings: string[]): string[] {
  const list = [
    ...new Set(
      raw
        .split(/[;；,，、\s]+/)
        .map((p) => p.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  for (const p of list) if (!/^[0-9A-Z-]{6,40}$/.test(p)) warnings.push(`排污许可证编号“${p}”格式异常`);
  return list;
}

function keyPolluterOf(raw: string, columns: ColumnMap, warnings: string[]): string[] {
  const v = raw.trim();
  const upper = v.toUpperCase();
  if (!v || columns.negative.includes(upper)) return [];
  if (columns.affirmative.includes(upper)) return ['重点排污单位'];
  const out: string[] = [];
  for (const token of v.split(/[、,，;；/\s]+/).filter(Boolean)) {
    if (columns.affirmative.includes(token.toUpperCase())) {
      out.push('重点排污单位');
      continue;
    }
    const hit = columns.keyPolluterCategories.find((c) => c.words.some((w) => token.includes(w)));
    if (hit) out.push(hit.category);
    else {
      warnings.push(`重点排污单位类别“${token}”无法识别，按原文保存`);
      out.push(token);
    }
  }
  return [...new Set(out)];
}

export function checkRow(cells: readonly Cell[], ctx: RowContext): RowResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const name = text(cellOf(cells, ctx, 'name'));
  if (!name) errors.push('单位名称为空');
  else if (name.length > 200) errors.push('单位名称超过200字');
  const uscc = usccOf(cellOf(cells, ctx, 'uscc'), errors);
  const legalRepresentative = text(cellOf(cells, ctx, 'legalRepresentative'));
  if (ctx.header.index.legalRepresentative !== undefined && !legalRepresentative) warnings.push('法定代表人为空');
  const address = text(cellOf(cells, ctx, 'address'));
  const county = countyOf(cells, ctx, uscc, errors, warnings);
  const industryCode = industryOf(text(cellOf(cells, ctx, 'industryCode')), errors, warnings);
  const lon = parseCoordinate(cellOf(cells, ctx, 'longitude'));
  const lat = parseCoordinate(cellOf(cells, ctx, 'latitude'));
  const coords = checkCoordinates(lon, lat, county.code.startsWith('52'));
  errors.push(...coords.errors);
  warnings.push(...coords.warnings);
  const record: EnterpriseRecord = {
    name,
    uscc,
    legalRepresentative,
    address,
    countyCode: county.code,
    county: county.name,
    industryCode,
    longitude: coords.longitude,
    latitude: coords.latitude,
    permitNumbers: permitsOf(text(cellOf(cells, ctx, 'permitNumbers')), warnings),
    keyPolluter: keyPolluterOf(text(cellOf(cells, ctx, 'keyPolluter')), ctx.columns, warnings),
  };
  return { record: errors.length ? null : record, errors, warnings };
}
