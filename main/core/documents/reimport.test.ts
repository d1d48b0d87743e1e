import { describe, expect, it } from 'vitest';
import { compareDocuments } from './reimport.js';

describe('comparing an edited document with the version it came from', () => {
  const before = '行政处罚决定书\n当事人：天柱某某砂石有限公司\n罚款人民币贰拾万元整（¥200,000.00）。\n联系人：张伟';
  const fields = [
    { key: 'partyName', label: '当事人名称', value: '天柱某某砂石有限公司' },
    { key: 'fineWords', label: '罚款金额（大写）', value: '贰拾万元整' },
    { key: 'officerNames', label: '联系人', value: '张伟' },
  ];
  it('names the data fields whose text changed, and the paragraphs added and removed', () => {
    const after =
      '行政处罚决定书\n当事人：天柱某某砂石有限公司\n罚款人民币壹拾伍万元整（¥150,000.00）。\n联系人：张伟\n附：整改报告一份';
    const c = compareDocuments(before, after, fields);
    expect(c.changedFields).toEqual([{ key: 'fineWords', label: '罚款金额（大写）', before: '贰拾万元整' }]);
    expect(c.added).toEqual(['罚款人民币壹拾伍万元整（¥150,000.00）。', '附：整改报告一份']);
    expect(c.removed).toEqual(['罚款人民币贰拾万元整（¥200,000.00）。']);
  });
  it('an unchanged document, or one re-flowed by Word, has no changes', () => {
    const c = compareDocuments(before, before.replace('当事人：', '当事人： '), fields);
    expect(c).toEqual({ changedFields: [], added: [], removed: [] });
  });
});
