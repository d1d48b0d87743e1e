import { describe, expect, it } from 'vitest';
import { loadEnterpriseData } from '#core/enterpriseResources.js';
import { syntheticEnterprises } from '#core/seed/enterprises.js';
import { checkCountyCode } from './regions.js';

const { regions } = loadEnterpriseData();

describe('the county-code table (resources/regions/gb2260.json)', () => {
  it("holds every province-level unit, and Guizhou's 9 prefectures and 88 counties (domain.md)", () => {
    expect(regions.provinces.size).toBe(34);
    expect(regions.provinces.get('52')).toBe('贵州省');
    expect(regions.counties.size).toBe(88);
    expect([...regions.units.keys()].filter((c) => c.endsWith('00'))).toHaveLength(9);
    expect(regions.counties.get('522627')).toBe('天柱县');
    expect(regions.counties.get('522732')).toBe('三都水族自治县');
  });

  it('agrees with the county codes of the demo data', () => {
    for (const e of syntheticEnterprises(300)) {
      const code = e.uscc.slice(2, 8);
      expect(regions.counties.get(code)).toBe(e.county);
    }
  });
});

describe('checkCountyCode', () => {
  it("accepts a Guizhou county, with Excel's trailing .0 and spaces", () => {
    expect(checkCountyCode(' 522627.0 ', regions)).toEqual({ ok: true, code: '522627', name: '天柱县', warning: null });
  });

  it('refuses a Guizhou code that does not exist and a code of no province', () => {
    expect(checkCountyCode('529999', regions)).toEqual({ ok: false, reason: '贵州省没有行政区划代码为“529999”的区县' });
    expect(checkCountyCode('990101', regions)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('前两位不是任何省级行政区'),
    });
    expect(checkCountyCode('52262', regions)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('应为6位数字'),
    });
    expect(checkCountyCode('天柱县', regions)).toMatchObject({ ok: false });
  });

  it("accepts with a warning: another province's county, a prefecture, a province, a retired county", () => {
    const other = checkCountyCode('500101', regions);
    expect(other).toMatchObject({
      ok: true,
      name: null,
      warning: expect.stringContaining('属重庆市，不在本机区划表中'),
    });
    expect(checkCountyCode('522600', regions)).toMatchObject({
      ok: true,
      name: '黔东南苗族侗族自治州',
      warning: expect.stringContaining('地市级'),
    });
    expect(checkCountyCode('520000', regions)).toMatchObject({
      ok: true,
      warning: expect.stringContaining('省级代码'),
    });
    expect(checkCountyCode('520221', regions)).toMatchObject({
      ok: true,
      name: '水城县',
      warning: expect.stringContaining('现为520204（水城区）'),
    });
  });
});
