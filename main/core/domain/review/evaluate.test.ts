/**
 * The 案卷评查 evaluator on hand-made facts: the shipped criteria load (eight areas, every rule with a
 * detector), points are deducted per finding up to the rule's cap and never below an area's zero, and the
 * rules read what the file really shows — the catalog's page ranges against the items' first pages, the
 * counts on the cover and the 备考表, receipts, deadlines met late, required contents, repealed articles.
 * (The scenarios through the core: application/fileReview.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { CaseState } from '#common/schemas/cases.js';
import { reviewCriteria, type ReviewCriteria } from '#common/schemas/fileReview.js';
import { shippedReviewCriteria } from '#core/reviewCriteria.js';
import { sampleCaseState } from '#core/documents/fixtures.js';
import { detectors, missingDetectors } from './detectors.js';
import { evaluateFile } from './evaluate.js';
import type { BoundVolumeFacts, ReviewFacts } from './facts.js';
import { metOn } from '../procedure/metOn.js';

const criteria = shippedReviewCriteria();

function volume(over: Partial<BoundVolumeFacts> = {}): BoundVolumeFacts {
  return {
    volume: '正卷',
    catalog: [
      { seq: 1, page: '1-2' },
      { seq: 2, page: '3' },
      { seq: 3, page: '4-6' },
    ],
    starts: [
      { title: '行政处罚决定书', page: 1 },
      { title: '送达回证', page: 3 },
      { title: '立案审批表', page: 4 },
    ],
    remarksStart: 7,
    numberedPages: 7,
    cover: { items: 3, pages: 7 },
    remarks: { items: 3, pages: 7 },
    ...over,
  };
}

function facts(over: Partial<ReviewFacts> = {}): ReviewFacts {
  return {
    state: sampleCaseState(),
    today: '2026-12-07',
    legality: { decision: null, closing: null },
    actOn: '2026-03-02',
    repeals: [
      {
        law: '大气污染防治法',
        repealedOn: '2026-08-15',
        by: { law: '《中华人民共和国生态环境法典》', article: '第一千二百四十二条' },
        source: 'test',
        verified: true,
      },
    ],
    deadlines: [],
    texts: [],
    volumes: [volume()],
    ...over,
  };
}

const only = (f: ReviewFacts, rule: string) => {
  const single: ReviewCriteria = {
    ...criteria,
    areas: criteria.areas
      .map((a) => ({ ...a, rules: a.rules.filter((r) => r.id === rule) }))
      .filter((a) => a.rules.length),
  };
  return evaluateFile(single, f).deductions;
};

describe('the criteria', () => {
  it('has the eight areas of the guide, 100 points, weights marked unverified, and a detector for every rule', () => {
    expect(criteria.areas.map((a) => a.name)).toEqual([
      '主体合法',
      '事实清楚',
      '证据充分',
      '适用法律正确',
      '程序合法',
      '文书规范',
      '执行到位',
      '归档规范',
    ]);
    expect(criteria.areas.reduce((n, a) => n + a.points, 0)).toBe(100);
    expect(criteria.weights.verified).toBe(false);
    for (const a of criteria.areas) expect(a.weightSource).toMatch(/未经核对/);
    expect(missingDetectors(criteria)).toEqual([]);
    // every detector is used by the data: none is dead code
    expect(Object.keys(detectors).sort()).toEqual(criteria.areas.flatMap((a) => a.rules.map((r) => r.id)).sort());
  });

  it('refuses a file missing an area or repeating a rule, and names a rule without a detector', () => {
    const broken = structuredClone(criteria);
    broken.areas.pop();
    expect(reviewCriteria.safeParse(broken).success).toBe(false);
    const twice = structuredClone(criteria);
    twice.areas[0]!.rules.push({ ...twice.areas[0]!.rules[0]! });
    expect(reviewCriteria.safeParse(twice).error?.issues.map((i) => i.message)).toContain(
      '评查规则“officersCertified”重复',
    );
    const unknown = structuredClone(criteria);
    unknown.areas[0]!.rules[0]!.id = 'noSuchCheck';
    expect(missingDetectors(unknown)).toEqual(['noSuchCheck']);
  });
});

describe('the dossier as bound', () => {
  it('a consistent volume loses nothing', () => {
    for (const r of ['catalogPages', 'coverCounts', 'remarksCounts']) expect(only(facts(), r)).toEqual([]);
  });

  it('a row whose range ends a page early, and one starting a page late, are each named with its row', () => {
    const v = volume({
      catalog: [
        { seq: 1, page: '1' },
        { seq: 2, page: '3' },
        { seq: 3, page: '5-6' },
      ],
    });
    expect(only(facts({ volumes: [v] }), 'catalogPages').map((d) => [d.page, d.message])).toEqual([
      ['正卷卷内目录第1行', '卷内目录第1行（行政处罚决定书）页号为“1”，实际为第1-2页'],
      ['正卷卷内目录第3行', '卷内目录第3行（立案审批表）页号为“5-6”，实际为第4-6页'],
    ]);
  });

  it('an item bound without a catalog row, and a row with no item, are found', () => {
    const fewer = volume({ catalog: volume().catalog.slice(0, 2) });
    expect(only(facts({ volumes: [fewer] }), 'catalogPages')[0]!.message).toBe(
      '立案审批表已装订，卷内目录中没有其条目',
    );
    const more = volume({ catalog: [...volume().catalog, { seq: 4, page: '7' }] });
    expect(only(facts({ volumes: [more] }), 'catalogPages')[0]!.message).toBe('卷内目录第4行在卷内没有对应的文件');
  });

  it('the cover and the 备考表 are checked against what the volume holds', () => {
    const v = volume({ cover: { items: 3, pages: 6 }, remarks: null });
    expect(only(facts({ volumes: [v] }), 'coverCounts')).toEqual([
      expect.objectContaining({ message: '正卷封面载明“共3件6页”，卷内实有3件7页', page: '正卷卷宗封面', points: 2 }),
    ]);
    expect(only(facts({ volumes: [v] }), 'remarksCounts')[0]!.message).toBe('正卷备考表未载明卷内件数和页数');
  });

  it('a file changed after its binding is not the file', () => {
    const s = sampleCaseState();
    s.dossier = { ...s.dossier!, builtAt: '2026-01-01T00:00:00.000Z' };
    expect(only(facts({ state: s }), 'dossierBound')[0]!.message).toMatch(/案卷不是现状/);
    expect(only(facts({ state: { ...s, dossier: null } }), 'dossierBound')[0]!.message).toBe('尚未组卷');
  });
});

describe('scoring', () => {
  it('deducts per finding up to the rule’s cap, never below the area’s zero, and names each deduction', () => {
    // Every row off: 3 findings × 2 points under 归档规范 (10 points).
    const v = volume({ catalog: volume().catalog.map((r) => ({ ...r, page: '99' })) });
    const result = evaluateFile(criteria, facts({ volumes: [v] }));
    const rows = result.deductions.filter((d) => d.rule === 'catalogPages');
    expect(rows.map((d) => [d.id, d.points])).toEqual([
      ['catalogPages:1', 2],
      ['catalogPages:2', 2],
      ['catalogPages:3', 2],
    ]);
    // requiredContents caps at 6 whatever the number of findings.
    const texts = ['a', 'b', 'c', 'd'].map((x, i) => ({ documentId: `doc-${i}`, type: 'penalty-decision', text: x }));
    const s = sampleCaseState();
    s.documents = texts.map((t, i) => ({
      ...s.documents[0]!,
      id: t.documentId,
      type: 'penalty-decision',
      trackStep: i,
    }));
    const capped = only(facts({ state: s, texts }), 'requiredContents');
    expect(capped.length).toBeGreaterThan(3);
    expect(capped.reduce((n, d) => n + d.points, 0)).toBe(6);
    const area = (r: ReturnType<typeof evaluateFile>, id: string) => r.areas.find((a) => a.id === id)!;
    const many = volume({ catalog: [], cover: null, remarks: null, starts: Array(9).fill({ title: 'x', page: null }) });
    const worst = evaluateFile(criteria, facts({ volumes: [many] }));
    expect(area(worst, 'archiving').score).toBe(0);
  });
});

describe('the case record', () => {
  const s = sampleCaseState();

  it('each service without its 送达回证 is one finding', () => {
    const noReceipts = { ...s, documents: s.documents.filter((d) => d.type !== 'service-receipt') };
    const found = only(facts({ state: noReceipts }), 'serviceReceipts');
    expect(found.length).toBe(s.services.filter((x) => x.method !== '当场交付').length);
    expect(found[0]!.message).toMatch(/没有其送达回证$/);
    // The sample file serves its order to correct twice with one receipt; with the second, nothing is missing.
    expect(only(facts(), 'serviceReceipts').map((d) => d.message)).toEqual([
      '责令改正违法行为决定书已于2026-04-16送达（直接送达），案卷中没有其送达回证',
    ]);
    const receipt = s.documents.find((d) => d.type === 'service-receipt')!;
    const complete = {
      ...s,
      documents: [
        ...s.documents,
        { ...receipt, id: 'r-order', trackStep: 99, fields: { ...receipt.fields, servedDocument: 'correction-order' } },
      ],
    };
    expect(only(facts({ state: complete }), 'serviceReceipts')).toEqual([]);
  });

  it('a bureau deadline met late or overdue loses points; a party’s period never does', () => {
    const base = { track: 'main', citation: '行政处罚法第六十条', dueOn: '2026-05-31' };
    const deadlines = [
      { ...base, name: '作出处罚决定期限', owner: 'bureau' as const, status: 'met' as const, metOn: '2026-06-02' },
      { ...base, name: '决定书送达期限', owner: 'bureau' as const, status: 'overdue' as const, metOn: null },
      { ...base, name: '缴纳罚款期限', owner: 'party' as const, status: 'overdue' as const, metOn: null },
      { ...base, name: '立案期限', owner: 'bureau' as const, status: 'met' as const, metOn: '2026-05-31' },
    ];
    expect(only(facts({ deadlines }), 'deadlinesKept').map((d) => d.message)).toEqual([
      '作出处罚决定期限：应于2026-05-31前完成，实际于2026-06-02完成（行政处罚法第六十条）',
      '决定书送达期限：应于2026-05-31前完成，至今未完成（行政处罚法第六十条）',
    ]);
  });

  it('the day a deadline was met is read from the case', () => {
    expect(metOn(s, 'decisionApproved')).toBe('2026-04-02');
    expect(metOn(s, 'caseClosed')).toBe('2026-06-19');
    expect(metOn(s, 'paidInFull')).toBe(s.payments.at(-1)!.paidOn);
    expect(metOn(s, 'action:noSuchAction')).toBeNull();
  });

  it('a decision citing a law repealed before the act loses points; the same citation for an act before the repeal does not', () => {
    const decision = s.documents.find((d) => d.type === 'penalty-decision')!;
    const texts = [
      {
        documentId: decision.id,
        type: 'penalty-decision',
        text: '依据《中华人民共和国大气污染防治法》第九十九条的规定',
      },
    ];
    expect(only(facts({ texts, actOn: '2026-03-02' }), 'repealedArticle')).toEqual([]);
    const found = only(facts({ texts, actOn: '2026-09-01' }), 'repealedArticle');
    expect(found).toEqual([
      expect.objectContaining({
        points: 10,
        page: '正卷第1页',
        message: expect.stringMatching(
          /^《行政处罚决定书》引用《中华人民共和国大气污染防治法》第九十九条，该法已于2026年8月15日废止/,
        ),
      }),
    ]);
  });

  it('a decision that does not tell the party how to seek review is missing a required content', () => {
    const decision = s.documents.find((d) => d.type === 'penalty-decision')!;
    const text = '违法事实和证据……依据……十五日内缴纳……可以提起行政诉讼';
    const found = only(
      facts({ texts: [{ documentId: decision.id, type: 'penalty-decision', text }] }),
      'requiredContents',
    );
    expect(found.map((d) => d.message)).toEqual([
      '《行政处罚决定书》未载明申请行政复议、提起行政诉讼的途径和期限（行政处罚法第五十九条第一款第五项）',
    ]);
  });

  it('an unsealed decision, and a filing never approved, are found', () => {
    const unsealed: CaseState = {
      ...s,
      documents: s.documents.map((d) => (d.type === 'penalty-decision' ? { ...d, finalised: undefined } : d)),
    };
    expect(only(facts({ state: unsealed }), 'decisionSealed')[0]!.message).toMatch(/未定稿盖章$/);
    const unapproved = { ...s, steps: s.steps.filter((x) => x.action !== 'approveFiling') };
    expect(only(facts({ state: unapproved }), 'filingApproved')[0]!.message).toBe('立案未见行政机关负责人批准记录');
  });
});
