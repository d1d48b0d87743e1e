import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from './db.js';
import { LawLibrary } from './lawLibrary.js';
import { searchLaws } from './lawSearch.js';
import { parseLawMarkdown } from '../domain/laws/parse.js';
import { exampleLaw2015, exampleLaw2021, lawMarkdown } from '../testing/lawFixtures.js';
import { sharedLawFile, sharedLawsPresent } from '../testing/sharedLaws.js';

let dir: string;
let db: Db;
let lib: LawLibrary;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'anjuan-laws-'));
  db = openDatabase(join(dir, 'a.sqlite'));
  lib = new LawLibrary(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, content: string, hash = name + content.length, lastDay: string | null = null) =>
  lib.importVersion(
    parseLawMarkdown(name, content),
    { sourceName: name, sourceHash: hash, importedAt: '2026-03-02T02:00:00.000Z' },
    lastDay,
  );
const changes = (): number => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const search = (query: string, extra: { lawId?: string; on?: string } = {}) =>
  searchLaws(db, { query, limit: 50, ...extra });

describe('importing versions', () => {
  it('importing the same file twice changes nothing', () => {
    const first = file('示例污染防治法(2015-08-29).md', exampleLaw2015);
    expect(first).toMatchObject({
      status: 'added',
      lawId: '示例污染防治法',
      versionDate: '2015-08-29',
      articleCount: 3,
      closed: null,
    });
    const before = changes();
    const again = file('示例污染防治法(2015-08-29).md', exampleLaw2015);
    expect(again.status).toBe('unchanged');
    expect(changes()).toBe(before);
    expect(lib.counts()).toEqual({ laws: 1, versions: 1, articles: 3 });
  });

  it('a new version closes the previous one, in whichever order they are imported', () => {
    file('示例污染防治法(2015-08-29).md', exampleLaw2015);
    const v2 = file('示例污染防治法(2021-01-22).md', exampleLaw2021);
    expect(v2.closed).toEqual({ versionDate: '2015-08-29', effectiveTo: '2021-07-14' });
    const periods = lib.laws()[0]!.versions.map((v) => [v.versionDate, v.effectiveFrom, v.effectiveTo]);
    expect(periods).toEqual([
      ['2021-01-22', '2021-07-15', null],
      ['2015-08-29', '2016-01-01', '2021-07-14'],
    ]);
    const art = lib
      .articleVersions('示例污染防治法', 2, 0)
      .map((a) => [a.version.versionDate, a.effectiveFrom, a.effectiveTo]);
    expect(art).toEqual([
      ['2015-08-29', '2016-01-01', '2021-07-14'],
      ['2021-01-22', '2021-07-15', null],
    ]);

    // The other order gives the same periods.
    const db2 = openDatabase(join(dir, 'b.sqlite'));
    const lib2 = new LawLibrary(db2);
    lib2.importVersion(parseLawMarkdown('x(2021-01-22).md', exampleLaw2021), {
      sourceName: 'x',
      sourceHash: 'b',
      importedAt: 't',
    });
    lib2.importVersion(parseLawMarkdown('x(2015-08-29).md', exampleLaw2015), {
      sourceName: 'x',
      sourceHash: 'a',
      importedAt: 't',
    });
    expect(lib2.laws()[0]!.versions.map((v) => [v.versionDate, v.effectiveFrom, v.effectiveTo])).toEqual(periods);
    db2.close();
  });

  it('a corrected file of the same version replaces its articles and their index entries', () => {
    file('示例污染防治法(2015-08-29).md', exampleLaw2015);
    const corrected = exampleLaw2015.replace('为了示例，制定本法。', '为了防治示例污染，制定本法。');
    expect(file('示例污染防治法(2015-08-29).md', corrected).status).toBe('updated');
    expect(lib.counts()).toEqual({ laws: 1, versions: 1, articles: 3 });
    expect(search('防治示例污染').total).toBe(1);
    expect(search('为了示例').total).toBe(0);
  });
});

describe('a law repealed on data', () => {
  it('ends the day before its repeal; the same file again changes nothing; a repeal learnt later ends it then', () => {
    file('示例污染防治法(2015-08-29).md', exampleLaw2015, 'a', '2026-08-14');
    file('示例污染防治法(2021-01-22).md', exampleLaw2021, 'b', '2026-08-14');
    const periods = () => lib.laws()[0]!.versions.map((v) => [v.versionDate, v.effectiveTo]);
    expect(periods()).toEqual([
      ['2021-01-22', '2026-08-14'],
      ['2015-08-29', '2021-07-14'],
    ]);
    expect(lib.articleVersions('示例污染防治法', 2, 0).map((a) => a.effectiveTo)).toEqual(['2021-07-14', '2026-08-14']);
    const before = changes();
    expect(file('示例污染防治法(2021-01-22).md', exampleLaw2021, 'b', '2026-08-14').status).toBe('unchanged');
    expect(lib.endLaw('示例污染防治法', '2026-08-14')).toBe(false);
    expect(changes()).toBe(before);
    // The data no longer repeals it (or did not yet, when it was imported): the periods follow the data.
    expect(file('示例污染防治法(2021-01-22).md', exampleLaw2021, 'b', null).status).toBe('updated');
    expect(periods()[0]).toEqual(['2021-01-22', null]);
    expect(lib.endLaw('示例污染防治法', '2026-08-14')).toEqual({
      versionDate: '2021-01-22',
      effectiveTo: '2026-08-14',
    });
    expect(periods()[0]).toEqual(['2021-01-22', '2026-08-14']);
    expect(lib.counts()).toEqual({ laws: 1, versions: 2, articles: 6 });
  });

  it('is still found by search (its newest version, after the laws in force), but not on a date after its repeal', () => {
    file('示例污染防治法(2021-01-22).md', exampleLaw2021, 'b', '2026-08-14');
    file(
      '另一法(2020-01-01).md',
      lawMarkdown({
        title: '另一示例条例',
        articles: ['排放大气污染物的，应当取得排污许可证。', '本条例自2020年1月1日起施行。'],
      }),
    );
    const r = search('排污许可证');
    expect(r.rows.map((h) => [h.law, h.effectiveTo])).toEqual([
      ['另一示例条例', null],
      ['示例污染防治法', '2026-08-14'],
    ]);
    expect(search('排污许可证', { on: '2026-08-14' }).total).toBe(2);
    expect(search('排污许可证', { on: '2026-08-15' }).rows.map((h) => h.law)).toEqual(['另一示例条例']);
  });
});

describe('Chinese full-text search', () => {
  beforeEach(() => {
    file('示例污染防治法(2015-08-29).md', exampleLaw2015);
    file('示例污染防治法(2021-01-22).md', exampleLaw2021);
    file(
      '另一法(2020-01-01).md',
      lawMarkdown({ title: '另一示例条例', articles: ['化工企业应当防治污染。', '本条例自2020年1月1日起施行。'] }),
    );
  });

  it('finds substrings of three characters or more through the trigram index, in the newest versions by default', () => {
    const r = search('排污许可证');
    expect(r.total).toBe(1);
    expect(r.rows[0]).toMatchObject({
      law: '示例污染防治法',
      label: '第二条',
      versionDate: '2021-01-22',
      effectiveTo: null,
    });
    expect(r.rows[0]!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['排污许可证']);
  });

  it('finds one- and two-character words (which trigrams cannot) and combines words', () => {
    expect(search('化工').rows.map((r) => r.law)).toEqual(['另一示例条例']);
    expect(search('罚').rows.map((r) => r.label)).toEqual(['第二条']);
    expect(search('化工 防治污染').total).toBe(1);
    expect(search('化工 排污许可').total).toBe(0);
  });

  it('searches the text in force on a date, and one law only', () => {
    expect(search('十万元以上', { on: '2020-01-01' }).rows.map((r) => r.versionDate)).toEqual(['2015-08-29']);
    expect(search('十万元以上').total).toBe(0);
    expect(search('五万元以上', { on: '2021-07-15' }).total).toBe(1);
    expect(search('防治', { lawId: '另一示例条例' }).total).toBe(1);
  });

  it('treats LIKE wildcards and FTS syntax in the query as plain text', () => {
    expect(search('%').total).toBe(0);
    expect(search('_').total).toBe(0);
    expect(search('"排污" OR').total).toBe(0);
    expect(() => search('NEAR(排污 许可)')).not.toThrow();
  });
});

describe.skipIf(!sharedLawsPresent)('the statute texts in ../shared/laws', () => {
  it('imports the 生态环境法典 (1,242 articles, with their headings) and searches it with the words it uses', () => {
    const { name, content } = sharedLawFile('生态环境法典');
    expect(file(name, content).articleCount).toBe(1242);
    expect(lib.counts()).toEqual({ laws: 1, versions: 1, articles: 1242 });
    const articles = lib.articlesOf('生态环境法典', '2026-03-12');
    expect(articles.find((a) => a.number === 1107)!.divisions!.map((d) => d.label)).toEqual([
      '第五编',
      '第二章',
      '第三节',
    ]);
    // 暗管 (two characters: LIKE) is in the duty (第一百六十四条) and the penalty (第一千一百零八条).
    expect(search('暗管').rows.map((r) => r.label)).toEqual(['第一百六十四条', '第一千一百零八条']);
    expect(search('逃避监管的方式排放污染物').rows.map((r) => r.label)).toContain('第一千一百零八条');
    // 未批先建 is the trade's word; the code says 未经批准…擅自开工建设.
    expect(search('未批先建').total).toBe(0);
    expect(search('擅自开工建设 报告表').rows.map((r) => r.label)).toContain('第一千零九十五条');
    expect(search('裂隙 溶洞').rows.map((r) => r.label)).toContain('第一千一百零八条');
  });

  it('imports 大气污染防治法 and finds its penalty articles by any Chinese substring', () => {
    const { name, content } = sharedLawFile('大气污染防治法');
    expect(file(name, content).articleCount).toBe(129);
    const hits = search('逃避监管的方式排放大气污染物');
    expect(hits.rows.map((r) => r.label)).toContain('第九十九条');
    expect(search('扬尘').total).toBeGreaterThan(5);
  });
});
