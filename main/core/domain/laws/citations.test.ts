import { describe, expect, it } from 'vitest';
import { citationsFile, type CitationsFile } from '#common/schemas/citations.js';
import { loadCitations } from '#core/citationResources.js';
import {
  articleCited,
  basisCited,
  citationOn,
  citationProblems,
  CitationError,
  itemByLabel,
  itemForArticle,
} from './citations.js';
import { parseLawMarkdown } from './parse.js';
import { parseArticleCitation } from './citation.js';
import { sharedLawFile, sharedLawsPresent } from '#core/testing/sharedLaws.js';

const data = loadCitations();
const cite = (purpose: string, date: string): string => articleCited(citationOn(data, purpose, date));

describe('citations.json: the law in force on the day the authority acts', () => {
  it('cites 环境保护法 until 2026-08-14 and the 生态环境法典 from 2026-08-15 (art. 1242)', () => {
    expect(cite('inspectionAuthority', '2026-08-14')).toBe('《中华人民共和国环境保护法》第二十四条');
    expect(cite('inspectionAuthority', '2026-08-15')).toBe('《中华人民共和国生态环境法典》第五十一条');
    expect(cite('seizure', '2026-03-05')).toBe('《中华人民共和国环境保护法》第二十五条');
    expect(cite('seizure', '2026-12-07')).toBe('《中华人民共和国生态环境法典》第五十二条');
    expect(cite('dailyPenalty', '2026-08-14')).toBe('《中华人民共和国环境保护法》第五十九条第一款');
    expect(cite('dailyPenalty', '2026-08-15')).toBe('《中华人民共和国生态环境法典》第一千零六十条第一款');
    expect(cite('productionRestriction', '2026-08-15')).toBe('《中华人民共和国生态环境法典》第一千一百零七条');
    expect(cite('detentionReferral.evadingSupervision', '2026-08-14')).toBe(
      '《中华人民共和国环境保护法》第六十三条第三项',
    );
    expect(cite('detentionReferral.evadingSupervision', '2026-08-15')).toBe(
      '《中华人民共和国生态环境法典》第一千一百零八条',
    );
    expect(cite('detentionReferral.buildingWithoutEia', '2026-09-01')).toBe(
      '《中华人民共和国生态环境法典》第一千零九十五条第二款',
    );
    expect(cite('detentionReferral.noPermitDischarge', '2026-09-01')).toBe(
      '《中华人民共和国生态环境法典》第一千一百零二条',
    );
    expect(cite('detentionReferral.bannedPesticide', '2026-09-01')).toBe(
      '《中华人民共和国生态环境法典》第一千一百三十一条第二款',
    );
  });

  it('prints the rules cited alongside, and drops the 2014 按日连续处罚办法 under the Code (its count from service conflicts with art. 1060)', () => {
    expect(basisCited(citationOn(data, 'dailyPenalty', '2026-03-01'))).toBe(
      '《中华人民共和国环境保护法》第五十九条第一款和《环境保护主管部门实施按日连续处罚办法》',
    );
    expect(basisCited(citationOn(data, 'dailyPenalty', '2026-09-01'))).toBe(
      '《中华人民共和国生态环境法典》第一千零六十条第一款',
    );
  });

  it('says in Chinese when a purpose, a situation or a date is not in the data', () => {
    expect(() => citationOn(data, 'noSuchPurpose', '2026-09-01')).toThrow(CitationError);
    expect(() => citationOn(data, 'noSuchPurpose', '2026-09-01')).toThrow(/没有用途“noSuchPurpose”/);
    expect(() => citationOn(data, 'detentionReferral.nothing', '2026-09-01')).toThrow(/没有情形“nothing”/);
    expect(() => citationOn(data, 'seizure', '2014-12-31')).toThrow(
      /2014-12-31没有适用的“查封、扣押”条文：引用条文表自2015-01-01起/,
    );
    // The Code has no general article for detention: the situation must be named.
    expect(() => citationOn(data, 'detentionReferral', '2026-08-15')).toThrow(/只到2026-08-14/);
    expect(cite('detentionReferral', '2026-08-14')).toBe('《中华人民共和国环境保护法》第六十三条');
  });

  it('finds the situation by the label the clerk chose, or by the case penalty clause', () => {
    expect(itemByLabel(data, 'detentionReferral', '逃避监管排放污染物')).toBe('evadingSupervision');
    expect(() => itemByLabel(data, 'detentionReferral', '其他')).toThrow(/应为：未批先建拒不停止建设、/);
    expect(
      itemForArticle(data, 'detentionReferral', '2026-09-01', '《中华人民共和国生态环境法典》', '第一千一百零八条'),
    ).toBe('evadingSupervision');
    expect(
      itemForArticle(data, 'detentionReferral', '2026-09-01', '中华人民共和国生态环境法典', '第一千零九十五条第二款'),
    ).toBe('buildingWithoutEia');
    expect(
      itemForArticle(data, 'detentionReferral', '2026-09-01', '《中华人民共和国生态环境法典》', '第一千一百零七条'),
    ).toBeNull();
    expect(
      itemForArticle(data, 'detentionReferral', '2026-03-01', '《中华人民共和国水污染防治法》', '第八十三条第三项'),
    ).toBeNull();
  });

  it('rejects a file with a gap, an overlap, an open entry before another, a closed last entry or an unreadable article', () => {
    const entry = { law: '《某法》', article: '第一条', source: 's', verified: false };
    const file = (entries: object[]) => ({ version: '1', purposes: { p: { name: '某用途', entries } } });
    expect(
      citationsFile.safeParse(
        file([
          { ...entry, from: '2020-01-01', to: '2020-12-31' },
          { ...entry, from: '2021-01-02', to: null },
        ]),
      ).error?.issues[0]?.message,
    ).toMatch(/不得有空档或重叠/);
    expect(
      citationsFile.safeParse(
        file([
          { ...entry, from: '2020-01-01', to: '2021-06-30' },
          { ...entry, from: '2021-01-01', to: null },
        ]),
      ).success,
    ).toBe(false);
    expect(
      citationsFile.safeParse(
        file([
          { ...entry, from: '2020-01-01', to: null },
          { ...entry, from: '2021-01-01', to: null },
        ]),
      ).success,
    ).toBe(false);
    expect(citationsFile.safeParse(file([{ ...entry, law: '某法', from: '2020-01-01', to: null }])).success).toBe(
      false,
    );
    const closed = citationsFile.parse(
      file([{ ...entry, article: '第一条第X款', from: '2020-01-01', to: '2020-12-31' }]),
    ) as CitationsFile;
    expect(citationProblems(closed)).toEqual([
      'p：条文序号“第一条第X款”无法识别',
      'p：最后一项应没有截止日期（现行有效）',
    ]);
    expect(citationProblems(data)).toEqual([]);
  });

  it.skipIf(!sharedLawsPresent)(
    'every article cited exists in the statute texts (the Code as transcribed in shared/laws)',
    () => {
      const texts = new Map(
        [
          ['《中华人民共和国环境保护法》', '环境保护法'],
          ['《中华人民共和国生态环境法典》', '生态环境法典'],
        ].map(([law, stem]) => {
          const f = sharedLawFile(stem!);
          return [law!, parseLawMarkdown(f.name, f.content)] as const;
        }),
      );
      const entries = Object.values(data.purposes).flatMap((p) => [
        ...p.entries,
        ...Object.values(p.items ?? {}).flatMap((it) => it.entries),
      ]);
      for (const e of entries) {
        const law = texts.get(e.law)!;
        const ref = parseArticleCitation(e.article)!;
        const art = law.articles.find((a) => a.number === ref.number && a.sub === ref.sub);
        expect(art, `${e.law}${e.article}`).toBeDefined();
        if (ref.paragraph) expect(art!.paragraphs.length, `${e.law}${e.article}`).toBeGreaterThanOrEqual(ref.paragraph);
        if (ref.item)
          expect(
            art!.paragraphs[ref.paragraph ? ref.paragraph - 1 : 0]!.items.length,
            `${e.law}${e.article}`,
          ).toBeGreaterThanOrEqual(ref.item);
      }
      const code = texts.get('《中华人民共和国生态环境法典》')!;
      const text = (n: number) => code.articles.find((a) => a.number === n)!.text;
      // Art. 1060: also on refusing or obstructing the re-check; counted from the day after the order.
      expect(text(1060)).toMatch(/拒绝、阻挠复查的，可以自责令改正之日的次日起/);
      expect(text(51)).toMatch(/进行现场检查/);
      expect(text(52)).toMatch(/查封、扣押/);
      expect(text(1107)).toMatch(/超过重点污染物排放总量控制指标排放污染物的.*限制生产、停产整治/);
      for (const n of [1095, 1102, 1108, 1131]) expect(text(n), String(n)).toMatch(/拘留/);
    },
  );
});
