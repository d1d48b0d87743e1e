import { describe, expect, it } from 'vitest';
import { itemRows, materialRows, parseChoice, parseYuan, sampleRows } from './formText.js';
import { thrownAppError } from '../testing/appError.js';

describe('lists typed one item a line', () => {
  it('reads columns split by ｜, | or a tab, the note keeping any extra column', () => {
    expect(itemRows('1号造粒机｜SJ-150型｜1台｜加贴封条\n引风机 | Y5-47 | 2台\n原料\t—\t3吨\t暂存\t待检')).toEqual([
      { seq: 1, name: '1号造粒机', spec: 'SJ-150型', quantity: '1台', note: '加贴封条' },
      { seq: 2, name: '引风机', spec: 'Y5-47', quantity: '2台', note: '' },
      { seq: 3, name: '原料', spec: '—', quantity: '3吨', note: '暂存；待检' },
    ]);
  });

  it('splits a plain line at 、 and ； and takes the count at the end of each name', () => {
    expect(itemRows('1号造粒机1台、配套引风机2台；废塑料3.5 吨。\n生产车间')).toEqual([
      { seq: 1, name: '1号造粒机', spec: '', quantity: '1台', note: '' },
      { seq: 2, name: '配套引风机', spec: '', quantity: '2台', note: '' },
      { seq: 3, name: '废塑料', spec: '', quantity: '3.5 吨', note: '' },
      { seq: 4, name: '生产车间', spec: '', quantity: '', note: '' },
    ]);
  });

  it('ignores blank lines and gives nothing for nothing', () => {
    expect(itemRows('\n  \n')).toEqual([]);
    expect(sampleRows('')).toEqual([]);
    expect(materialRows('')).toEqual([]);
  });

  it('reads samples and materials', () => {
    expect(sampleRows('S1｜废水｜排放口｜2瓶｜COD｜氨氮')).toEqual([
      { seq: 1, code: 'S1', name: '废水', point: '排放口', quantity: '2瓶', items: 'COD、氨氮' },
    ]);
    expect(materialRows('移送书、调查报告\n现场照片｜12｜12｜彩色')).toEqual([
      { seq: 1, name: '移送书', copies: '1', pages: '', note: '' },
      { seq: 2, name: '调查报告', copies: '1', pages: '', note: '' },
      { seq: 3, name: '现场照片', copies: '12', pages: '12', note: '彩色' },
    ]);
  });
});

describe('amounts and choices', () => {
  it('reads yuan as people type them', () => {
    expect(parseYuan('k', '金额', '100000')).toBe(100000);
    expect(parseYuan('k', '金额', '¥100,000.50元')).toBe(100000.5);
    expect(parseYuan('k', '金额', ' 3 000 ')).toBe(3000);
  });

  it('refuses anything else, naming the field and what was typed', () => {
    for (const bad of ['十万', '1.234', '-5', '', '1e5']) {
      const e = thrownAppError(() => parseYuan('surchargeAmount', '加处罚款金额', bad));
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toContain('加处罚款金额应为金额（元）');
      expect(e.message).toContain(`“${bad}”`);
      expect(e.details).toEqual([{ path: 'surchargeAmount', message: e.message }]);
    }
  });

  it('accepts only the words of the law', () => {
    expect(parseChoice('m', '措施', ' 扣押 ', ['查封', '扣押'] as const)).toBe('扣押');
    expect(thrownAppError(() => parseChoice('m', '措施', '封存', ['查封', '扣押'] as const)).message).toBe(
      '措施应填写“查封”或“扣押”，实际填写：“封存”',
    );
  });
});
