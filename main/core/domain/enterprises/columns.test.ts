import { describe, expect, it } from 'vitest';
import { loadEnterpriseData } from '#core/enterpriseResources.js';
import { findHeader, matchHeader } from './columns.js';

const { columns } = loadEnterpriseData();

describe('recognising the columns of an export', () => {
  it('reads Chinese header names in their usual variants, ignoring spaces, brackets and * marks', () => {
    const m = matchHeader(
      [
        '序号',
        '* 企业名称',
        '统一社会信用代码',
        '法定代表人(负责人)',
        '单位地址',
        '行政区划代码',
        '国民经济行业代码',
        '经度',
        '纬度',
        '排污许可证编号',
        '是否重点排污单位',
      ],
      columns,
    );
    expect(m.missingRequired).toEqual([]);
    expect(m.index).toEqual({
      name: 1,
      uscc: 2,
      legalRepresentative: 3,
      address: 4,
      countyCode: 5,
      industryCode: 6,
      longitude: 7,
      latitude: 8,
      permitNumbers: 9,
      keyPolluter: 10,
    });
  });

  it('prefers the better name when two columns could mean one field', () => {
    expect(
      matchHeader(['负责人', '单位名称', '法定代表人', '统一社会信用代码'], columns).index.legalRepresentative,
    ).toBe(2);
  });

  it('says which required columns are missing', () => {
    expect(matchHeader(['企业', '代码'], columns).missingRequired).toEqual(['name', 'uscc']);
  });

  it('finds the header under a title row', () => {
    const rows = [
      { line: 1, cells: ['2026年贵州省企业名录'] },
      { line: 2, cells: [] },
      { line: 3, cells: ['单位名称', '统一社会信用代码'] },
    ];
    expect(findHeader(rows, columns)).toMatchObject({ row: 2, match: { missingRequired: [] } });
  });
});
