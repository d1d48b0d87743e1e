/** The law library through the operations, as the UI and the CLI call it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { exampleLaw2015, exampleLaw2021, lawMarkdown } from '../testing/lawFixtures.js';
import { sharedLawsDir, sharedLawsPresent } from '../testing/sharedLaws.js';
import type { ArticleMapEntry } from '#common/schemas/laws.js';
import { applicableLaw } from '#core/application/lawApplicable.js';
import { lawKey } from '../domain/laws/citation.js';

let t: TestCore;
let reviewer: string;
let officer: string;
const counts = () => t.core.services.laws.counts();

beforeEach(async () => {
  t = await createTestCore();
  reviewer = await t.login('reviewer');
  officer = await t.login('officer');
});
afterEach(async () => t.close());

const importExample = () =>
  t.call(reviewer, 'laws.import', {
    files: [
      { name: '示例污染防治法(2015-08-29).md', content: exampleLaw2015 },
      { name: '示例污染防治法(2021-01-22).md', content: exampleLaw2021 },
    ],
  });

describe('laws.import', () => {
  it('imports files, reports each, and a second import changes nothing', async () => {
    const r = await importExample();
    expect([r.added, r.updated, r.unchanged, r.failed]).toEqual([2, 0, 0, 0]);
    expect(r.results[1]).toMatchObject({
      law: '示例污染防治法',
      versionDate: '2021-01-22',
      articleCount: 3,
      closed: { versionDate: '2015-08-29', effectiveTo: '2021-07-14' },
    });
    const again = await importExample();
    expect([again.added, again.unchanged]).toEqual([0, 2]);
    expect(counts()).toEqual({ laws: 1, versions: 2, articles: 6 });
    const list = await t.call(officer, 'laws.list', {});
    expect(list.map((l) => [l.id, l.fullName, l.versions.length])).toEqual([
      ['示例污染防治法', '中华人民共和国示例污染防治法', 2],
    ]);
  });

  it('imports a folder given by path (the CLI), skipping the template file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'anjuan-lawdir-'));
    try {
      writeFileSync(join(folder, '示例污染防治法(2015-08-29).md'), exampleLaw2015);
      writeFileSync(
        join(folder, '法律法规模版.md'),
        '---\nbookHidden: true\n---\n# 某条法律的标题\n<!-- INFO END -->\n第一条 xxxxx',
      );
      writeFileSync(join(folder, 'notes.txt'), 'not a law');
      const r = await t.cli(reviewer, 'laws.import', { path: folder });
      expect(r.results.map((x) => [x.file, x.status])).toEqual([
        ['法律法规模版.md', 'skipped'],
        ['示例污染防治法(2015-08-29).md', 'added'],
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("warns when the text does not state the version's commencement, and uses the date table when it has one", async () => {
    const amended = lawMarkdown({
      title: '中华人民共和国大气污染防治法',
      history: ['2018年10月26日 第二次修正'],
      articles: ['甲。', '本法自2016年1月1日起施行。'],
    });
    const r = await t.call(reviewer, 'laws.import', {
      files: [
        { name: '大气污染防治法(2018-10-26).md', content: amended },
        {
          name: '某法(2019-05-05).md',
          content: lawMarkdown({ title: '某法', articles: ['甲。', '本法自2016年1月1日起施行。'] }),
        },
      ],
    });
    expect(r.results[0]!.warnings).toEqual([]);
    expect(r.results[1]!.warnings.join()).toMatch(/未载明本版本的施行日期，暂按版本日期2019-05-05计/);
    const list = await t.call(officer, 'laws.list', {});
    expect(list.find((l) => l.id === '大气污染防治法')!.versions[0]).toMatchObject({
      effectiveFrom: '2018-10-26',
      effectiveFromSource: 'data',
    });
  });
});

describe('bad input gets a Chinese error and changes nothing', () => {
  it.each([
    ['not Markdown', { name: '大气污染防治法.docx', content: 'PK…' }, /不是Markdown文件/],
    ['empty', { name: 'a.md', content: '' }, /文件为空/],
    ['unknown format', { name: 'README.md', content: '# 项目说明\n\n这是一个说明文件。' }, /INFO END/],
    [
      'broken numbering',
      { name: 'a(2015-01-01).md', content: '# 某法\n<!-- INFO END -->\n第一条 甲。\n第三条 丙。' },
      /^a\(2015-01-01\)\.md：第4行：条文序号不连续/,
    ],
  ])('%s', async (_n, f, message) => {
    const err = await expectFailure(t.call(reviewer, 'laws.import', { files: [f] }));
    expect(err.code).toBe('LAW_FORMAT');
    expect(err.message).toMatch(message);
    expect(counts()).toEqual({ laws: 0, versions: 0, articles: 0 });
  });

  it('a bad file in a batch is reported with its line; the good ones are imported', async () => {
    const r = await t.call(reviewer, 'laws.import', {
      files: [
        { name: '示例污染防治法(2015-08-29).md', content: exampleLaw2015 },
        { name: 'b(2015-01-01).md', content: '# 某法\n<!-- INFO END -->\n第一条 甲：\n（二）乙。' },
      ],
    });
    expect([r.added, r.failed]).toEqual([1, 1]);
    expect(r.results[1]).toMatchObject({ status: 'failed', line: 4 });
    expect(r.results[1]!.message).toMatch(/项的序号不连续/);
    expect(counts().laws).toBe(1);
  });

  it('refuses a missing folder, no input, officers importing and an unreadable citation', async () => {
    expect(
      (await expectFailure(t.cli(reviewer, 'laws.import', { path: join(tmpdir(), 'no-such-anjuan-folder') }))).message,
    ).toMatch(/找不到文件夹/);
    expect((await expectFailure(t.call(reviewer, 'laws.import', {} as never))).code).toBe('VALIDATION');
    expect(
      (await expectFailure(t.call(officer, 'laws.import', { files: [{ name: 'a.md', content: exampleLaw2015 }] })))
        .code,
    ).toBe('FORBIDDEN_ROLE');
    expect(
      (await expectFailure(t.call(officer, 'laws.article', { law: '行政处罚法', article: '三十六' }))).message,
    ).toMatch(/无法识别条文序号/);
    expect((await expectFailure(t.call(officer, 'laws.search', { query: '  ' }))).code).toBe('VALIDATION');
    expect(counts()).toEqual({ laws: 0, versions: 0, articles: 0 });
  });
});

describe('reading and citing articles', () => {
  beforeEach(async () => {
    await importExample();
  });

  it('laws.article gives the text in force on a date with its version, and the cited item', async () => {
    const old = await t.call(officer, 'laws.article', {
      law: '《中华人民共和国示例污染防治法》',
      article: '第二条第一项',
      on: '2020-06-01',
    });
    expect(old.status).toBe('loaded');
    if (old.status !== 'loaded') return;
    expect(old.version.versionDate).toBe('2015-08-29');
    expect(old.citedText).toBe(
      '违反本法规定，有下列行为之一的，由生态环境主管部门责令改正，并处十万元以上一百万元以下的罚款：\n（一）未取得排污许可证排放大气污染物的；',
    );
    expect(old.citation).toBe('《中华人民共和国示例污染防治法》第二条第一项');
    const current = await t.call(officer, 'laws.article', { law: '示例污染防治法', article: '第二条' });
    expect(current.status === 'loaded' && current.version.versionDate).toBe('2021-01-22');
  });

  it('says 条文未载入 — and why — for a law, an article or a date the library does not hold', async () => {
    const refs = [
      { law: '《中华人民共和国大气污染防治法》', article: '第九十九条第二项' },
      { law: '示例污染防治法', article: '第九十九条' },
      { law: '示例污染防治法', article: '第二条' },
      { law: '示例污染防治法', article: '第二条第三款' },
    ];
    const [noLaw, noArticle, beforeFirst] = await t.call(officer, 'laws.cite', {
      refs: refs.slice(0, 3),
      on: '2015-01-01',
    });
    expect(noLaw).toMatchObject({
      status: 'not-loaded',
      reason: 'law-not-loaded',
      citation: '《中华人民共和国大气污染防治法》第九十九条第二项',
    });
    expect(noLaw!.status === 'not-loaded' && noLaw!.message).toMatch(
      /^条文未载入：法律法规库中没有《中华人民共和国大气污染防治法》/,
    );
    expect(noArticle).toMatchObject({ status: 'not-loaded', reason: 'article-not-found' });
    expect(beforeFirst).toMatchObject({ status: 'not-loaded', reason: 'not-in-force' });
    const [missingPart] = await t.call(officer, 'laws.cite', { refs: refs.slice(3) });
    expect(missingPart).toMatchObject({ status: 'loaded', warning: '第二条只有1款，没有第三款' });
  });

  it("laws.get returns a version's articles; laws.search finds them with highlights", async () => {
    const law = await t.call(officer, 'laws.get', { law: '示例污染防治法', versionDate: '2015-08-29' });
    expect(law.articles.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条']);
    expect(law.version.effectiveTo).toBe('2021-07-14');
    expect((await expectFailure(t.call(officer, 'laws.get', { law: '不存在法' }))).code).toBe('NOT_FOUND');
    const hits = await t.call(officer, 'laws.search', { query: '排污许可证' });
    expect(hits.rows.map((h) => [h.law, h.label, h.versionDate])).toEqual([['示例污染防治法', '第二条', '2021-01-22']]);
    expect(hits.rows[0]!.snippet.some((s) => s.hit && s.text === '排污许可证')).toBe(true);
  });

  it('laws.applicable: a violation under the 2015 text, decided under the lighter 2021 text, applies the 2021 text', async () => {
    const r = await t.call(officer, 'laws.applicable', {
      law: '示例污染防治法',
      article: '第二条第一项',
      violationOn: '2021-03-01',
      decisionOn: '2021-08-01',
    });
    expect(r.rule).toBe('new-law-lighter');
    expect(r.chosen?.status === 'loaded' && r.chosen.version.versionDate).toBe('2021-01-22');
    expect(r.reason).toMatch(/处罚较轻/);
    // Same number in a revised text, with no mapping registered: flagged for a person to check.
    expect(r.needsReview).toBe(true);
    const same = await t.call(officer, 'laws.applicable', {
      law: '示例污染防治法',
      article: '第二条',
      violationOn: '2021-08-01',
      decisionOn: '2021-09-01',
    });
    expect([same.rule, same.needsReview]).toEqual(['unchanged', false]);
    expect(
      (
        await expectFailure(
          t.call(officer, 'laws.applicable', {
            law: '示例污染防治法',
            article: '第二条',
            violationOn: '2021-09-01',
            decisionOn: '2021-08-01',
          }),
        )
      ).message,
    ).toMatch(/不能早于/);
  });
});

/** Small texts standing for a repealed sector law and the code that replaces it (real numbers are tested on ../shared/laws below). */
const airLaw = lawMarkdown({
  title: '中华人民共和国大气污染防治法',
  history: ['2015年8月29日 修订', '2018年10月26日 第二次修正'],
  articles: [
    '为了保护和改善环境，防治大气污染，制定本法。',
    '违反本法规定，有下列行为之一的，由生态环境主管部门责令改正，处十万元以上一百万元以下的罚款：\n（一）未依法取得排污许可证排放大气污染物的；\n（二）超过大气污染物排放标准排放大气污染物的。',
    '本法自2016年1月1日起施行。',
  ],
});
const codeText = (repealClause: string) =>
  lawMarkdown({
    title: '中华人民共和国生态环境法典',
    history: ['2026年3月12日 第十四届全国人民代表大会第四次会议通过'],
    articles: [
      '为了保护生态环境，制定本法。',
      '违反本法规定，未依法取得排污许可证排放污染物的，由生态环境主管部门责令改正，处五万元以上五十万元以下的罚款。',
      `本法自2026年8月15日起施行。${repealClause}`,
    ],
  });
const tenLaws =
  '《中华人民共和国环境保护法》、《中华人民共和国环境影响评价法》、《中华人民共和国海洋环境保护法》、《中华人民共和国大气污染防治法》、《中华人民共和国水污染防治法》、《中华人民共和国土壤污染防治法》、《中华人民共和国固体废物污染环境防治法》、《中华人民共和国噪声污染防治法》、《中华人民共和国放射性污染防治法》、《中华人民共和国清洁生产促进法》同时废止。';
// The test's own map (the shipped resources/laws/article-map.json is being filled by others).
const airToCode: ArticleMapEntry = {
  from: { law: '《中华人民共和国大气污染防治法》', article: '第二条' },
  to: [{ law: '《中华人民共和国生态环境法典》', article: '第二条' }],
  relation: 'amended',
  effectiveFrom: '2026-08-15',
  note: '测试数据',
  verified: true,
};

describe('the 生态环境法典 and the laws it repealed (resources/laws/repeals.json)', () => {
  const importAir = () =>
    t.call(reviewer, 'laws.import', { files: [{ name: '大气污染防治法(2018-10-26).md', content: airLaw }] });
  const importCode = (clause = tenLaws) =>
    t.call(reviewer, 'laws.import', { files: [{ name: '生态环境法典(2026-03-12).md', content: codeText(clause) }] });
  const applicable = (q: { violationOn: string; decisionOn: string; article?: string }, map: ArticleMapEntry[] = []) =>
    applicableLaw(
      t.core.services.laws,
      { ...t.core.services.lawData, articleMap: map },
      { law: '大气污染防治法', article: '第二条第一项', ...q },
    );

  it('a repealed law ends the day before its repeal, on data, without the code being imported', async () => {
    const r = await importAir();
    expect(r.results[0]!.repealed).toMatchObject({
      repealedOn: '2026-08-15',
      effectiveTo: '2026-08-14',
      text: '已于2026年8月15日废止（《中华人民共和国生态环境法典》第一千二百四十二条）',
    });
    const [air] = await t.call(officer, 'laws.list', {});
    expect(air!.versions.map((v) => [v.versionDate, v.effectiveTo])).toEqual([['2018-10-26', '2026-08-14']]);
    expect(air!.repeal).toMatchObject({
      repealedOn: '2026-08-15',
      lastDay: '2026-08-14',
      by: '《中华人民共和国生态环境法典》第一千二百四十二条',
    });
    const ref = { law: '《中华人民共和国大气污染防治法》', article: '第二条第二项' };
    const [lastDay, repealed] = await Promise.all(
      ['2026-08-14', '2026-08-15'].map((on) => t.call(officer, 'laws.article', { ...ref, on })),
    );
    expect(lastDay!.status).toBe('loaded');
    expect(repealed).toMatchObject({
      status: 'not-loaded',
      reason: 'repealed',
      citation: '《中华人民共和国大气污染防治法》第二条第二项',
      message:
        '《中华人民共和国大气污染防治法》已于2026年8月15日废止（《中华人民共和国生态环境法典》第一千二百四十二条）',
    });
    // A repealed law the library does not hold is not in force either; before its repeal it is simply not loaded.
    const [after, before] = await Promise.all(
      ['2026-09-01', '2026-03-02'].map((on) =>
        t.call(officer, 'laws.cite', { refs: [{ law: '《中华人民共和国环境保护法》', article: '第五十九条' }], on }),
      ),
    );
    expect(after![0]).toMatchObject({
      reason: 'repealed',
      message: '《中华人民共和国环境保护法》已于2026年8月15日废止（《中华人民共和国生态环境法典》第一千二百四十二条）',
    });
    expect(before![0]).toMatchObject({ reason: 'law-not-loaded' });
    // The newest text, asked for without a date, is still shown (with its end).
    const newest = await t.call(officer, 'laws.article', ref);
    expect(newest.status === 'loaded' && newest.version.effectiveTo).toBe('2026-08-14');
  });

  it('importing the code checks its repeal clause against the data; a difference is reported, not applied', async () => {
    const fixture = (await importCode()).results[0]!;
    expect(fixture.repealClause).toMatchObject({ article: '第三条', effectiveFrom: '2026-08-15', agrees: false });
    // The fixture's clause is its 第三条, the data says 第一千二百四十二条: reported, once per law.
    expect(fixture.repealClause!.problems).toHaveLength(10);
    expect(fixture.warnings[0]).toMatch(
      /^废止数据记载《中华人民共和国环境保护法》由第一千二百四十二条废止，文本中为第三条，请核对$/,
    );

    const t2 = await createTestCore();
    try {
      const rev = await t2.login('reviewer');
      const other = codeText('《中华人民共和国环境保护法》、《中华人民共和国森林法》同时废止。');
      const r = (
        await t2.call(rev, 'laws.import', { files: [{ name: '生态环境法典(2026-03-12).md', content: other }] })
      ).results[0]!;
      expect(r.repealClause!.laws).toEqual(['中华人民共和国环境保护法', '中华人民共和国森林法']);
      expect(r.warnings.join('\n')).toMatch(/废止《中华人民共和国森林法》，但废止数据中没有这一项/);
      expect(r.warnings.join('\n')).toMatch(/记载《大气污染防治法》由本法第三条废止，但该条文本中没有这部法律/);
      // Not applied: 森林法 is not treated as repealed.
      const forest = await t2.call(rev, 'laws.cite', {
        refs: [{ law: '森林法', article: '第一条' }],
        on: '2026-09-01',
      });
      expect(forest[0]).toMatchObject({ reason: 'law-not-loaded' });
    } finally {
      await t2.close();
    }
  });

  it("laws.get gives the code's outline and each article's place; the code is in force from 2026-08-15", async () => {
    await importCode();
    const code = await t.call(officer, 'laws.get', { law: '生态环境法典' });
    expect(code.version).toMatchObject({
      effectiveFrom: '2026-08-15',
      effectiveFromSource: 'final-article',
      effectiveTo: null,
    });
    expect(code.outline!.map((n) => [n.label, n.first.number, n.last.number])).toEqual([['第一章', 1, 3]]);
    expect(code.articles[1]!.divisions).toEqual([{ kind: '章', number: 1, label: '第一章', title: '总则' }]);
    const [before, on] = await Promise.all(
      ['2026-08-14', '2026-08-15'].map((d) =>
        t.call(officer, 'laws.article', { law: '生态环境法典', article: '第二条', on: d }),
      ),
    );
    expect(before).toMatchObject({ status: 'not-loaded', reason: 'not-in-force' });
    expect(on).toMatchObject({
      status: 'loaded',
      citation: '《中华人民共和国生态环境法典》第二条',
      divisions: [{ label: '第一章' }],
    });
  });

  it('laws.applicable follows the article map from a repealed article to the code (从旧兼从轻)', async () => {
    await importAir();
    await importCode();
    // No mapping: the old article is repealed by the decision date and nothing says what replaced it.
    const unmapped = applicable({ violationOn: '2026-06-01', decisionOn: '2026-12-07' });
    expect([unmapped.rule, unmapped.needsReview]).toEqual(['old-law-unverified', true]);
    expect(unmapped.reason).toMatch(/已于2026年8月15日废止.*条文对应表.*没有其对应的新规定/);
    // With the mapping: the code's band (5万–50万) is lighter than the old one (10万–100万).
    const mapped = applicable({ violationOn: '2026-06-01', decisionOn: '2026-12-07' }, [airToCode]);
    expect(mapped.rule).toBe('new-law-lighter');
    expect(mapped.chosen).toMatchObject({ status: 'loaded', citation: '《中华人民共和国生态环境法典》第二条' });
    expect(mapped.atViolation).toMatchObject({
      status: 'loaded',
      citation: '《中华人民共和国大气污染防治法》第二条第一项',
    });
    expect(mapped.mapping).toMatchObject({ relation: 'amended', verified: true });
    expect(mapped.needsReview).toBe(false);
    // An act after the repeal: the cited old article is followed to the code's, in force on the day of the act.
    const late = applicable({ violationOn: '2026-09-10', decisionOn: '2026-12-07' }, [airToCode]);
    expect(late.rule).toBe('unchanged');
    expect(late.chosen).toMatchObject({ citation: '《中华人民共和国生态环境法典》第二条' });
    expect(late.reason).toMatch(
      /^所引《中华人民共和国大气污染防治法》第二条第一项在违法行为发生时已废止，按条文对应表改依《中华人民共和国生态环境法典》第二条/,
    );
    const lost = applicable({ violationOn: '2026-09-10', decisionOn: '2026-12-07' });
    expect([lost.rule, lost.chosen, lost.needsReview]).toEqual(['not-loaded', null, true]);
    expect(lost.reason).toMatch(/请改引违法行为发生时有效的规定/);
  });
});

describe.skipIf(!sharedLawsPresent)('the statute texts in ../shared/laws through laws.import { path }', () => {
  it("imports the whole folder once, then nothing changes; the benchmark's citations resolve", async () => {
    const first = await t.cli(reviewer, 'laws.import', { path: sharedLawsDir() });
    expect(first.failed).toBe(0);
    expect(first.skipped).toBe(1); // 法律法规模版.md
    expect(first.added).toBeGreaterThanOrEqual(20);
    const counted = counts();
    const rows = () =>
      t.core.services.db
        .prepare(
          'SELECT law_id, version_date, effective_from, effective_to, source_hash, imported_at FROM law_versions ORDER BY id',
        )
        .all();
    const versions = rows();
    const articleEnds = () =>
      t.core.services.db.prepare('SELECT COUNT(*) AS n, COUNT(effective_to) AS ended FROM law_articles').get();
    const ends = articleEnds();
    const second = await t.cli(reviewer, 'laws.import', { path: sharedLawsDir() });
    expect(second.unchanged).toBe(first.added);
    expect(second.results.filter((r) => r.status !== 'skipped').every((r) => r.status === 'unchanged')).toBe(true);
    expect([second.added, second.updated, second.failed]).toEqual([0, 0, 0]);
    expect(counts()).toEqual(counted);
    expect(rows()).toEqual(versions);
    expect(articleEnds()).toEqual(ends);

    // The code: 1,242 articles; its art. 1242 agrees with repeals.json; the repealed laws end on 2026-08-14.
    const code = first.results.find((r) => r.law === '生态环境法典')!;
    expect(code).toMatchObject({
      status: 'added',
      articleCount: 1242,
      repealClause: { article: '第一千二百四十二条', effectiveFrom: '2026-08-15', agrees: true, problems: [] },
    });
    expect(code.repealClause!.laws).toHaveLength(10);
    expect(first.results.find((r) => r.law === '大气污染防治法')!.repealed).toMatchObject({
      effectiveTo: '2026-08-14',
    });
    const list = await t.call(officer, 'laws.list', {});
    const repealed = list
      .filter((l) => l.repeal)
      .map((l) => l.id)
      .sort();
    expect(repealed).toEqual(
      [
        '噪声污染防治法',
        '固体废物污染环境防治法',
        '土壤污染防治法',
        '大气污染防治法',
        '放射性污染防治法',
        '水污染防治法',
        '环境保护法',
        '环境影响评价法',
      ].sort(),
    );
    for (const l of list.filter((x) => x.repeal)) expect(l.versions[0]!.effectiveTo).toBe('2026-08-14');
    expect(list.find((l) => l.id === '排污许可管理条例')!.repeal).toBeNull();

    const refs = t.core.services.violations.flatMap((v) => [...v.breached, v.penaltyArticle]);
    // Each reference on a day its law is in force: the code's from 2026-08-15, the others before it.
    const resolved = [];
    for (const [on, part] of [
      ['2026-09-01', refs.filter((r) => lawKey(r.law) === '生态环境法典')],
      ['2026-03-02', refs.filter((r) => lawKey(r.law) !== '生态环境法典')],
    ] as const) {
      // laws.cite takes at most 50 references a call; the benchmark cites more.
      for (let i = 0; i < part.length; i += 50)
        resolved.push(...(await t.call(officer, 'laws.cite', { refs: part.slice(i, i + 50), on })));
    }
    expect(resolved.length).toBe(refs.length);
    expect(resolved.filter((r) => r.status !== 'loaded')).toEqual([]);
    const air = await t.call(officer, 'laws.article', {
      law: '《中华人民共和国大气污染防治法》',
      article: '第九十九条第二项',
      on: '2026-03-02',
    });
    expect(air.status === 'loaded' && air.citedText.split('\n')[1]).toBe(
      '（二）超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的；',
    );
    const hits = await t.call(officer, 'laws.search', { query: '从旧兼从轻' });
    expect(hits.total).toBe(0); // the phrase is doctrine, not statute text
    const art37 = await t.call(officer, 'laws.search', { query: '处罚较轻', law: '行政处罚法' });
    expect(art37.rows.map((r) => r.label)).toContain('第三十七条');
  });

  it('cites the code with 款 and 项, and answers for a date from the data', async () => {
    await t.cli(reviewer, 'laws.import', { path: sharedLawsDir() });
    const code = '《中华人民共和国生态环境法典》';
    const on = '2026-09-10';
    const [a1107, a1095, a1086, a1102, a1054, a1242] = await t.call(officer, 'laws.cite', {
      on,
      refs: [
        { law: code, article: '第一千一百零七条' },
        { law: code, article: '第一千零九十五条第一款' },
        { law: code, article: '第一千零八十六条第一款第二项' },
        { law: code, article: '第一千一百零二条第一项' },
        { law: '生态环境法典', article: '第一千零五十四条' },
        { law: code, article: '第一千二百四十二条' },
      ],
    });
    expect(a1107).toMatchObject({
      status: 'loaded',
      citation: '《中华人民共和国生态环境法典》第一千一百零七条',
      number: 1107,
      warning: null,
    });
    expect(a1107!.status === 'loaded' && a1107!.divisions!.map((d) => `${d.label} ${d.title}`)).toEqual([
      '第五编 法律责任和附则',
      '第二章 法律责任分则',
      '第三节 违反排污许可管理规定',
    ]);
    expect(a1095).toMatchObject({ citation: '《中华人民共和国生态环境法典》第一千零九十五条第一款', paragraph: 1 });
    expect(a1095!.status === 'loaded' && a1095!.citedText).toMatch(
      /^违反本法规定，建设单位未依法报批.*报告表的，处十万元以上五十万元以下的罚款，情节严重的，处五十万元以上五百万元以下的罚款。$/,
    );
    expect(a1086!.status === 'loaded' && a1086!.citedText.split('\n')[1]).toMatch(
      /^（二）未安装、使用、维护、正常运行污染物排放自动监测/,
    );
    // This transcription's 第一千一百零二条 has no items: said, not guessed.
    expect(a1102).toMatchObject({
      status: 'loaded',
      citation: '《中华人民共和国生态环境法典》第一千一百零二条第一项',
      warning: '第一千一百零二条中没有第一项',
    });
    expect(a1054!.status === 'loaded' && a1054!.label).toBe('第一千零五十四条');
    expect(a1242!.status === 'loaded' && a1242!.divisions!.map((d) => d.label)).toEqual(['第五编', '第三章']);
    // Before 2026-08-15 the code is not in force; from that day the sector laws are not.
    expect(
      await t.call(officer, 'laws.article', { law: code, article: '第一千一百零七条', on: '2026-08-14' }),
    ).toMatchObject({ reason: 'not-in-force' });
    const air = await t.call(officer, 'laws.article', {
      law: '《中华人民共和国大气污染防治法》',
      article: '第九十九条第二项',
      on,
    });
    expect(air).toMatchObject({
      reason: 'repealed',
      message:
        '《中华人民共和国大气污染防治法》已于2026年8月15日废止（《中华人民共和国生态环境法典》第一千二百四十二条）',
    });
    expect(
      (
        await t.call(officer, 'laws.article', {
          law: '《中华人民共和国大气污染防治法》',
          article: '第九十九条第二项',
          on: '2026-08-14',
        })
      ).status,
    ).toBe('loaded');

    const text = await t.call(officer, 'laws.get', { law: '生态环境法典' });
    expect(text.articles).toHaveLength(1242);
    expect(text.outline!.map((n) => n.label)).toEqual(['第一编', '第二编', '第三编', '第四编', '第五编']);

    // Search: the code's articles (in force) before the repealed laws' (which carry their end date).
    const hidden = await t.call(officer, 'laws.search', { query: '暗管' });
    const firstEnded = hidden.rows.findIndex((r) => r.effectiveTo !== null);
    expect(firstEnded).toBeGreaterThan(0);
    expect(hidden.rows.slice(firstEnded).every((r) => r.effectiveTo !== null)).toBe(true);
    expect(hidden.rows.slice(0, firstEnded).map((r) => r.law)).toContain('生态环境法典');
    expect(hidden.rows.map((r) => `${r.law}${r.label}`)).toEqual(
      expect.arrayContaining(['生态环境法典第一千一百零八条', '水污染防治法第八十三条']),
    );
    expect(hidden.rows.find((r) => r.law === '水污染防治法')!.effectiveTo).toBe('2026-08-14');
    const inForce = await t.call(officer, 'laws.search', { query: '暗管', on });
    expect(inForce.rows.map((r) => r.law)).toContain('生态环境法典');
    expect(inForce.rows.filter((r) => r.effectiveTo !== null)).toEqual([]);
  });

  it('laws.applicable from a sector law to the code with a map (as article-map.json will hold them)', async () => {
    await t.cli(reviewer, 'laws.import', { path: sharedLawsDir() });
    const map: ArticleMapEntry[] = [
      {
        from: { law: '大气污染防治法', article: '第九十九条第三项' },
        to: [{ law: '生态环境法典', article: '第一千一百零八条' }],
        relation: 'amended',
        effectiveFrom: '2026-08-15',
        note: '测试',
        verified: false,
      },
      {
        from: { law: '环境影响评价法', article: '第三十一条' },
        to: [{ law: '生态环境法典', article: '第一千零九十五条' }],
        relation: 'amended',
        effectiveFrom: '2026-08-15',
        note: '测试',
        verified: false,
      },
    ];
    const data = { ...t.core.services.lawData, articleMap: map };
    // 逃避监管 (大气 99(3) → 法典 1108): 10万–100万 on both sides, so not lighter and the old law applies; the unverified mapping asks for review.
    const air = applicableLaw(t.core.services.laws, data, {
      law: '大气污染防治法',
      article: '第九十九条第三项',
      violationOn: '2026-06-01',
      decisionOn: '2026-12-07',
    });
    expect([air.rule, air.needsReview]).toEqual(['old-law', true]);
    expect(air.atDecision).toMatchObject({ citation: '《中华人民共和国生态环境法典》第一千一百零八条' });
    expect(air.reason).toMatch(/条文对应关系未经核实/);
    // The act after the repeal, cited under the old law: followed to 1108 in force on the day of the act.
    const late = applicableLaw(t.core.services.laws, data, {
      law: '大气污染防治法',
      article: '第九十九条第三项',
      violationOn: '2026-09-10',
      decisionOn: '2026-12-07',
    });
    expect(late).toMatchObject({
      rule: 'unchanged',
      chosen: { citation: '《中华人民共和国生态环境法典》第一千一百零八条' },
    });
    // 未批先建: 1–5 % of investment against the code's several bands (报告书/报告表, serious or not): left to a person.
    const eia = applicableLaw(t.core.services.laws, data, {
      law: '环境影响评价法',
      article: '第三十一条第一款',
      violationOn: '2026-06-01',
      decisionOn: '2026-12-07',
    });
    expect([eia.rule, eia.needsReview]).toEqual(['old-law-unverified', true]);
    expect(eia.atDecision).toMatchObject({ citation: '《中华人民共和国生态环境法典》第一千零九十五条' });
    expect(eia.reason).toMatch(/请人工核对/);
  });
});
