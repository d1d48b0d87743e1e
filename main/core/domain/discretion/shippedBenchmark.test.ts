/**
 * The benchmark shipped in resources/discretion/violations.json: well-formed, keeps the ids cases
 * already use, ships the categories of shared/domain.md, and — where ../shared/laws is present —
 * every citation exists in the statute text and every band and 处罚条文 is what the article says.
 */
import { describe, expect, it } from 'vitest';
import type { BenchmarkEntry } from '#common/schemas/discretion.js';
import type { ArticleRef } from '#common/schemas/reference.js';
import { loadBenchmark } from '#core/services.js';
import { sharedLawNames, sharedLawsPresent, readSharedLaw } from '#core/testing/sharedLaws.js';
import { lawKey, parseArticleCitation } from '../laws/citation.js';
import { fineBandsInText } from '../laws/fineFromText.js';
import { isTemplateFile, parseLawMarkdown } from '../laws/parse.js';
import type { LawArticle, ParsedLaw } from '../laws/types.js';

const benchmark = loadBenchmark();

describe('the shipped discretion benchmark', () => {
  it('keeps the ids of the first entries (cases and tests refer to them) and has every category', () => {
    const ids = benchmark.violations.map((v) => v.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'eia-unapproved-construction',
        'air-over-standard-emission',
        'water-over-standard-discharge',
      ]),
    );
    expect(benchmark.categories.map((c) => c.name)).toEqual([
      '建设项目',
      '排污许可',
      '水',
      '大气',
      '土壤',
      '固废',
      '辐射',
      '噪声',
      '其他',
    ]);
    for (const c of benchmark.categories)
      expect(
        benchmark.violations.some((v) => v.category === c.name),
        c.name,
      ).toBe(true);
    // The 2023 Guizhou table's counts (Liupanshui note of 2023-08-22) are kept as data, not checks.
    expect(benchmark.categories.slice(0, 7).map((c) => c.guizhouCount)).toEqual([11, 23, 40, 39, 24, 58, 44]);
  });

  it('ships the statutory bands of shared/domain.md', () => {
    const band = (id: string) => benchmark.violations.find((v) => v.id === id)!.band;
    expect(band('eia-unapproved-construction')).toEqual({
      kind: 'percent',
      of: '建设项目总投资额',
      minPercent: 1,
      maxPercent: 5,
    });
    expect(band('air-over-standard-emission')).toEqual({ kind: 'range', min: 100_000, max: 1_000_000 }); // 大气法 art. 99
    expect(band('water-over-standard-discharge')).toEqual({ kind: 'range', min: 100_000, max: 1_000_000 }); // 水法 art. 83
    expect(band('air-auto-monitoring')).toEqual({ kind: 'range', min: 20_000, max: 200_000 }); // 大气法 art. 100
    expect(band('hw-storage-not-standard')).toEqual({ kind: 'range', min: 100_000, max: 1_000_000 }); // 固废法 art. 112
    expect(band('hw-illegal-dumping')).toEqual({
      kind: 'multiple',
      of: '所需处置费用',
      minTimes: 3,
      maxTimes: 5,
      minBase: 200_000,
    });
    expect(band('permit-discharge-without-permit')).toEqual({ kind: 'range', min: 200_000, max: 1_000_000 }); // 排污许可条例 art. 33
    expect(band('permit-exceed-licensed-limits')).toEqual({ kind: 'range', min: 200_000, max: 1_000_000 }); // art. 34
    expect(band('permit-self-monitoring-missing')).toEqual({ kind: 'range', min: 20_000, max: 200_000 }); // art. 36
  });

  it("gives every type factors, 违法证据 and keywords, and marks the factors as not the province's", () => {
    expect(benchmark.verified).toBe(false);
    expect(benchmark.note).toMatch(/未经贵州省生态环境厅核实/);
    for (const v of benchmark.violations) {
      expect(v.keywords.length, v.id).toBeGreaterThan(0);
      expect(v.verified, v.id).toBe(true);
      expect((v.penalties ?? []).length, v.id).toBeGreaterThan(0);
    }
    expect(benchmark.repetition.find((r) => r.id === 'criminal-2y-2x')).toMatchObject({
      windowMonths: 24,
      minPrior: 2,
      verified: true,
    });
    expect(benchmark.repetition.find((r) => r.id === 'repeat-1y')).toMatchObject({ verified: false });
  });
});

describe.skipIf(!sharedLawsPresent)('the shipped benchmark against the statute texts in ../shared/laws', () => {
  const laws = new Map<string, ParsedLaw>();
  if (sharedLawsPresent) {
    for (const name of sharedLawNames()) {
      const content = readSharedLaw(name);
      if (isTemplateFile(name, content)) continue;
      const law = parseLawMarkdown(name, content);
      laws.set(law.shortName, law);
    }
  }
  const article = (ref: ArticleRef): LawArticle => {
    const law = laws.get(lawKey(ref.law));
    if (!law) throw new Error(`${ref.law} 不在 shared/laws 中`);
    const c = parseArticleCitation(ref.article);
    if (!c) throw new Error(`无法识别 ${ref.article}`);
    const a = law.articles.find((x) => x.number === c.number && x.sub === c.sub);
    if (!a) throw new Error(`${ref.law}没有${ref.article}`);
    if (c.paragraph && !a.paragraphs[c.paragraph - 1]) throw new Error(`${ref.law}${a.label}没有第${c.paragraph}款`);
    if (c.item) {
      const holder = c.paragraph ? a.paragraphs[c.paragraph - 1]! : a.paragraphs.find((p) => p.items.length);
      if (!holder?.items[c.item - 1]) throw new Error(`${ref.law}${ref.article}：没有第${c.item}项`);
    }
    return a;
  };
  const flat = (s: string) => s.replace(/[\s:：]/g, '');

  it.each(benchmark.violations.map((v) => [v.id, v] as [string, BenchmarkEntry]))(
    "%s: citations exist, the 处罚条文 and the band are the article's",
    (_id, v) => {
      for (const ref of v.breached) article(ref);
      const penalty = article(v.penaltyArticle);
      const text = flat(penalty.text);
      // Every clause of the 处罚条文 is in the article (the entry may join the article's sentences).
      for (const clause of v.penaltyText.split('；')) expect(text, clause).toContain(flat(clause));
      if (v.band.kind === 'range' || v.band.kind === 'percent') {
        const stated = fineBandsInText(penalty.text).map((b) => JSON.stringify(b));
        expect(stated, `${v.id} 的幅度 ${JSON.stringify(v.band)} 不在条文中`).toContain(JSON.stringify(v.band));
      }
      if (v.aggravated?.band.kind === 'range')
        expect(fineBandsInText(penalty.text).map((b) => JSON.stringify(b))).toContain(
          JSON.stringify(v.aggravated.band),
        );
    },
  );
});
