import { describe, expect, it } from 'vitest';
import { loadEnterpriseData } from '#core/enterpriseResources.js';
import { matchHeader } from './columns.js';
import type { Cell } from './cell.js';
import { checkRow } from './row.js';
import { checkIndustryCode } from './industry.js';
import { parseCoordinate } from './coordinates.js';
import { usccCheckChar } from '../uscc.js';

const { regions, columns } = loadEnterpriseData();
const header = matchHeader(
  [
    '企业名称',
    '统一社会信用代码',
    '法定代表人',
    '地址',
    '行政区划代码',
    '行业代码',
    '经度',
    '纬度',
    '排污许可证编号',
    '重点排污单位',
  ],
  columns,
);
const ctx = { header, regions, columns };
const uscc = (area = '522627', org = 'MA6DLX3K0'): string => `91${area}${org}${usccCheckChar(`91${area}${org}`)}`;
const good = (): Cell[] => [
  '天柱县鑫源塑料再生有限公司',
  uscc(),
  '王建华',
  '贵州省黔东南州天柱县凤城街道1号',
  '522627',
  'C4220',
  '109.2',
  '26.9',
  `${uscc()}001P；${uscc()}001P`,
  '水、大气',
];

describe('checkRow', () => {
  it('reads a good row into a record', () => {
    const r = checkRow(good(), ctx);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.record).toEqual({
      name: '天柱县鑫源塑料再生有限公司',
      uscc: uscc(),
      legalRepresentative: '王建华',
      address: '贵州省黔东南州天柱县凤城街道1号',
      countyCode: '522627',
      county: '天柱县',
      industryCode: 'C4220',
      longitude: 109.2,
      latitude: 26.9,
      permitNumbers: [`${uscc()}001P`],
      keyPolluter: ['水环境重点排污单位', '大气环境重点排污单位'],
    });
  });

  it('refuses a wrong check digit, naming the code', () => {
    const row = good();
    const code = uscc();
    row[1] = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const r = checkRow(row, ctx);
    expect(r.record).toBeNull();
    expect(r.errors).toEqual([`统一社会信用代码校验位不正确（“${row[1]}”）`]);
  });

  it('refuses a code Excel stored as a number (its last digits are lost)', () => {
    const row = good();
    row[1] = 915201007366113300;
    expect(checkRow(row, ctx).errors[0]).toContain('被存为数字');
  });

  it('refuses an unknown county, bad coordinates and a malformed industry code, all reasons at once', () => {
    const row = good();
    row[4] = '529999';
    row[5] = 'Z99X';
    row[6] = '26.9';
    row[7] = '109.2';
    const r = checkRow(row, ctx);
    expect(r.record).toBeNull();
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]).toContain('529999');
    expect(r.errors[1]).toContain('行业代码“Z99X”格式不正确');
    expect(r.errors[2]).toContain('可能经度和纬度填反了');
  });

  it('refuses an empty name and a lone longitude', () => {
    const row = good();
    row[0] = '  ';
    row[7] = '';
    expect(checkRow(row, ctx).errors).toEqual(['单位名称为空', '只有经度，缺少纬度']);
  });

  it('takes the county from the code when the column is empty, with a remark', () => {
    const row = good();
    row[4] = '';
    const r = checkRow(row, ctx);
    expect(r.record?.countyCode).toBe('522627');
    expect(r.warnings).toEqual(['未填行政区划代码，按统一社会信用代码第3至8位取为522627（天柱县）']);
  });

  it('remarks coordinates outside Guizhou, a corrected industry section and an unknown key-polluter category', () => {
    const row = good();
    row[5] = 'D2614';
    row[6] = '116.4';
    row[7] = '39.9';
    row[9] = '核';
    const r = checkRow(row, ctx);
    expect(r.record).toMatchObject({ industryCode: 'C2614', keyPolluter: ['核'] });
    expect(r.warnings).toEqual([
      '行业代码D2614的门类应为C（大类26），已更正为C2614',
      '经纬度（116.4，39.9）不在贵州省范围内',
      '重点排污单位类别“核”无法识别，按原文保存',
    ]);
  });

  it('reads 是/否 key-polluter cells', () => {
    const yes = good();
    yes[9] = '是';
    const no = good();
    no[9] = '否';
    expect(checkRow(yes, ctx).record?.keyPolluter).toEqual(['重点排污单位']);
    expect(checkRow(no, ctx).record?.keyPolluter).toEqual([]);
  });
});

describe('industry codes (GB/T 4754-2017 shape)', () => {
  it('adds the section letter and keeps a bare section', () => {
    expect(checkIndustryCode('2614')).toEqual({ ok: true, code: 'C2614', warning: null });
    expect(checkIndustryCode('c26')).toEqual({ ok: true, code: 'C26', warning: null });
    expect(checkIndustryCode('N')).toEqual({ ok: true, code: 'N', warning: null });
    expect(checkIndustryCode('99')).toMatchObject({ ok: false });
    expect(checkIndustryCode('C26145')).toMatchObject({ ok: false });
  });
});

describe('coordinates', () => {
  it('reads decimal degrees and degrees-minutes-seconds', () => {
    expect(parseCoordinate('106.71')).toEqual({ value: 106.71 });
    expect(parseCoordinate('106°42′36″')).toEqual({ value: 106.71 });
    expect(parseCoordinate('26度30分')).toEqual({ value: 26.5 });
    expect(parseCoordinate('东经106')).toEqual({ bad: '东经106' });
    expect(parseCoordinate('')).toBeNull();
  });
});
