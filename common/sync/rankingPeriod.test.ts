import { describe, expect, it } from 'vitest';
import { periodOf, periodQuery, periodText, thisYear } from './rankingPeriod.js';

describe('the period of 绩效排行', () => {
  it('spans a whole year, quarter or month, leap February included', () => {
    expect(periodOf(thisYear('2026-12-07'))).toEqual({ period: { from: '2026-01-01', to: '2026-12-31' } });
    expect(periodOf({ kind: 'quarter', year: 2026, quarter: 3 })).toEqual({
      period: { from: '2026-07-01', to: '2026-09-30' },
    });
    expect(periodOf({ kind: 'quarter', year: 2026, quarter: 1 })).toEqual({
      period: { from: '2026-01-01', to: '2026-03-31' },
    });
    expect(periodOf({ kind: 'month', year: 2028, month: 2 })).toEqual({
      period: { from: '2028-02-01', to: '2028-02-29' },
    });
    expect(periodOf({ kind: 'month', year: 2026, month: 2 })).toEqual({
      period: { from: '2026-02-01', to: '2026-02-28' },
    });
    expect(periodOf({ kind: 'all' })).toEqual({ period: null });
  });

  it('takes two typed days in order, and says in Chinese what is missing or reversed', () => {
    expect(periodOf({ kind: 'custom', from: '2026-03-05', to: '2026-04-01' })).toEqual({
      period: { from: '2026-03-05', to: '2026-04-01' },
    });
    expect(periodOf({ kind: 'custom', from: '', to: '2026-04-01' })).toEqual({
      error: '请填写统计期间的开始日期和结束日期',
    });
    expect(periodOf({ kind: 'custom', from: '2026-05-01', to: '2026-04-01' })).toEqual({
      error: '开始日期（2026-05-01）晚于结束日期（2026-04-01）',
    });
  });

  it('asks the server for it and names it', () => {
    expect(periodQuery({ from: '2026-07-01', to: '2026-09-30' })).toBe('&from=2026-07-01&to=2026-09-30');
    expect(periodQuery(null)).toBe('');
    expect(periodText(null)).toBe('全部案件');
    expect(periodText({ from: '2026-10-01', to: '2026-10-31' })).toBe('2026-10-01 至 2026-10-31 作出决定或结案的案件');
  });
});
