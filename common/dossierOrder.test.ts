import { describe, expect, it } from 'vitest';
import {
  applyArrangement,
  arrangementRefusal,
  excludeRefusal,
  moveItem,
  moveRefusal,
  type Arrangement,
  type OrderItem,
} from './dossierOrder.js';

const decisions = '行政处罚决定书至案件移送函';
const investigation = '现场检查(勘察)笔录至行政处罚案件调查报告';
const item = (id: string, band: number, over: Partial<OrderItem> = {}): OrderItem => ({
  id,
  title: id,
  volume: '正卷',
  band,
  bandLabel: band === 2 ? decisions : band === 8 ? '立案审批表' : investigation,
  draft: false,
  ...over,
});

/** The rules' order of a small file: decision and its receipt, filing, two records and two photos. */
const plan: OrderItem[] = [
  item('决定书', 2),
  item('回证', 2, { follows: '决定书' }),
  item('立案审批表', 8),
  item('检查笔录', 10),
  item('照片1', 10),
  item('照片2', 10),
  item('询问笔录', 10, { draft: true }),
  item('审批表', 61, { volume: '副卷', bandLabel: '听证报告至移送行政拘留案件审批表' }),
];
const ids = (list: readonly OrderItem[]) => list.map((i) => i.id);
const main = plan.filter((i) => i.volume === '正卷');
const arrangement = (order: string[], excluded: string[] = []): Arrangement => ({
  volumes: [
    { volume: '正卷', items: order },
    { volume: '副卷', items: ['审批表'] },
  ],
  excluded,
});

describe('moving an item within its group', () => {
  it('moves evidence among the investigation materials', () => {
    expect(moveRefusal(main, 5, -1)).toBeNull();
    expect(ids(moveItem(main, 5, -1)).slice(3)).toEqual(['检查笔录', '照片2', '照片1', '询问笔录']);
    // the interview taken first goes before the inspection record: the same group
    let list = main;
    for (let n = 6; n > 3; n--) list = moveItem(list, n, -1);
    expect(ids(list).slice(3)).toEqual(['询问笔录', '检查笔录', '照片1', '照片2']);
    expect(arrangementRefusal(plan, arrangement(ids(list)))).toBeNull();
  });

  it('refuses to move an item out of its group, and says why', () => {
    expect(moveRefusal(main, 3, -1)).toBe(`已在“${investigation}”一组最前：按文书清单的排列规则，只能在本组内调整顺序`);
    expect(moveRefusal(main, 2, 1)).toBe('已在“立案审批表”一组最后：按文书清单的排列规则，只能在本组内调整顺序');
    expect(moveRefusal(main, 0, -1)).toBe('已在本卷最前');
    expect(ids(moveItem(main, 3, -1))).toEqual(ids(main));
    // saved as a whole: a record put before the 立案审批表 is refused, naming both
    expect(
      arrangementRefusal(plan, arrangement(['决定书', '回证', '检查笔录', '立案审批表', '照片1', '照片2', '询问笔录'])),
    ).toBe(`“立案审批表”不能排在“检查笔录”之后：按文书清单的排列规则，“立案审批表”一组在前，只能在本组内调整顺序`);
  });

  it('keeps a 送达回证 right after the document it proves', () => {
    expect(moveRefusal(main, 1, 1)).toBe('送达回证随其证明送达的文书排列，不单独移动');
    const twoDecisions = [item('决定书', 2), item('回证', 2, { follows: '决定书' }), item('移送函', 2)];
    // the decision moves with its receipt
    expect(ids(moveItem(twoDecisions, 2, -1))).toEqual(['移送函', '决定书', '回证']);
    expect(ids(moveItem(twoDecisions, 0, 1))).toEqual(['移送函', '决定书', '回证']);
    expect(
      arrangementRefusal(plan, arrangement(['回证', '决定书', '立案审批表', '检查笔录', '照片1', '照片2', '询问笔录'])),
    ).toBe('“回证”应紧随其证明送达的“决定书”，不能单独移动');
  });

  it('refuses an item put in the other volume, a missing item and an unknown one', () => {
    const moved: Arrangement = {
      volumes: [{ volume: '正卷', items: [...ids(main), '审批表'] }],
      excluded: [],
    };
    expect(arrangementRefusal(plan, moved)).toBe('“审批表”按规定归入副卷，不能排入正卷');
    expect(arrangementRefusal(plan, arrangement(ids(main).slice(1)))).toBe(
      '排列中缺少“决定书”（案件可能已有变更），请刷新后重新排列',
    );
    expect(arrangementRefusal(plan, arrangement([...ids(main), '别案材料']))).toMatch(/本案卷宗没有的材料/);
    expect(arrangementRefusal(plan, arrangement([...ids(main), '照片1']))).toBe('“照片1”在排列中出现了两次');
  });
});

describe('leaving drafts out', () => {
  it('leaves out a draft, never a final document or evidence', () => {
    const draft = main.find((i) => i.id === '询问笔录')!;
    expect(excludeRefusal(draft)).toBeNull();
    expect(excludeRefusal(main[0]!)).toBe('已定稿的文书必须入卷');
    expect(arrangementRefusal(plan, arrangement(ids(main), ['询问笔录']))).toBeNull();
    expect(arrangementRefusal(plan, arrangement(ids(main), ['决定书']))).toBe(
      '“决定书”已定稿（或为证据），必须入卷；只有未定稿的文书可以不入卷',
    );
    const applied = applyArrangement(plan, arrangement(ids(main), ['询问笔录']));
    expect([...applied.excluded]).toEqual(['询问笔录']);
  });

  it('keeps a receipt out with the document it proves', () => {
    const drafts = plan.map((i) => (i.id === '决定书' || i.id === '回证' ? { ...i, draft: true } : i));
    expect(arrangementRefusal(drafts, arrangement(ids(main), ['决定书']))).toBe('“决定书”不入卷时，其“回证”也不能入卷');
    expect(arrangementRefusal(drafts, arrangement(ids(main), ['决定书', '回证']))).toBeNull();
  });

  it('binds a document finalised since it was left out', () => {
    const finalised = plan.map((i) => ({ ...i, draft: false }));
    expect(applyArrangement(finalised, arrangement(ids(main), ['询问笔录'])).excluded.size).toBe(0);
  });
});

describe('a saved arrangement after the case changed', () => {
  it('keeps the arranged order of the items still there and puts new ones where the rules say', () => {
    const saved = arrangement(['决定书', '回证', '立案审批表', '询问笔录', '照片2', '检查笔录', '照片1']);
    // 照片1 was removed from the plan, a third photo and a 调查报告 came since
    const later = [
      ...plan.filter((i) => i.id !== '照片1' && i.volume === '正卷'),
      item('照片3', 10),
      item('调查报告', 10),
      plan.at(-1)!,
    ];
    expect(ids(applyArrangement(later, saved).items)).toEqual([
      '决定书',
      '回证',
      '立案审批表',
      '询问笔录',
      '照片2',
      '检查笔录',
      '照片3',
      '调查报告',
      '审批表',
    ]);
  });

  it('gives the rules’ order without an arrangement', () => {
    expect(ids(applyArrangement(plan, null).items)).toEqual(ids(plan));
  });
});
