import { describe, expect, it } from 'vitest';
import { outsideCounty, outsideCountyMessage } from './jurisdiction.js';

const tianzhu = { code: '522627', name: '天柱县' };

describe('jurisdiction by county', () => {
  it('compares codes where both are known, else names; unknown is never outside', () => {
    expect(outsideCounty(tianzhu, { code: '522627', name: '' })).toBe(false);
    expect(outsideCounty(tianzhu, { code: '522628', name: '天柱县' })).toBe(true);
    expect(outsideCounty(tianzhu, { code: '', name: '锦屏县' })).toBe(true);
    expect(outsideCounty(tianzhu, { code: '', name: '天柱县' })).toBe(false);
    expect(outsideCounty(tianzhu, { code: '', name: '' })).toBe(false);
    expect(outsideCounty(null, { code: '522628', name: '锦屏县' })).toBe(false);
  });
  it('names both counties and the article', () => {
    const m = outsideCountyMessage(tianzhu, { code: '', name: '锦屏县' });
    expect(m).toContain('当事人登记在锦屏县，本局位于天柱县');
    expect(m).toContain('行政处罚法第二十二条');
  });
});
