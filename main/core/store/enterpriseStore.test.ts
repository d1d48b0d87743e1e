import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './db.js';
import { EnterpriseStore, type EnterpriseUndo } from './enterpriseStore.js';
import { EnterpriseSearch } from './enterpriseSearch.js';
import type { EnterpriseRecord } from '../domain/enterprises/row.js';
import { usccCheckChar } from '../domain/uscc.js';
import { pinyinInitials, InitialsCache } from '../domain/enterprises/initials.js';

const code = (org: string, area = '522627'): string => `91${area}${org}${usccCheckChar(`91${area}${org}`)}`;
const rec = (over: Partial<EnterpriseRecord>): EnterpriseRecord => ({
  name: '天柱县鑫源塑料再生有限公司',
  uscc: code('MA6DLX3K0'),
  legalRepresentative: '王建华',
  address: '贵州省天柱县凤城街道1号',
  countyCode: '522627',
  county: '天柱县',
  industryCode: 'C4220',
  longitude: 109.2,
  latitude: 26.9,
  permitNumbers: [],
  keyPolluter: [],
  ...over,
});

function fresh() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'anjuan-ent-')), 'a.sqlite'));
  return { db, store: new EnterpriseStore(db), search: new EnterpriseSearch(db) };
}

const meta = { source: '名录.csv', importedAt: '2026-03-02T02:00:00.000Z' };
const directory: EnterpriseRecord[] = [
  rec({}),
  rec({
    name: '凯里市恒达化工有限公司',
    uscc: code('MA6DKQ001', '522601'),
    legalRepresentative: '李明',
    address: '贵州省凯里市开发区9号',
    countyCode: '522601',
    county: '凯里市',
  }),
  rec({
    name: '重庆长安汽车维修厂',
    uscc: code('MA6DKQ002', '500101'),
    legalRepresentative: '单国强',
    address: '重庆市万州区1号',
    countyCode: '500101',
    county: '',
  }),
  rec({
    name: '锦屏县化工原料厂',
    uscc: code('MA6DKQ003', '522628'),
    legalRepresentative: '王明',
    address: '贵州省锦屏县三江镇天柱路5号',
    countyCode: '522628',
    county: '锦屏县',
  }),
  rec({
    name: 'ABC环保科技（贵州）有限公司',
    uscc: code('MA6DKQ004', '520102'),
    legalRepresentative: '张丽',
    address: '贵阳市南明区',
    countyCode: '520102',
    county: '南明区',
  }),
];

describe('importing batches keyed by 统一社会信用代码', () => {
  it('adds, then leaves the same data alone, then updates in place without a second row', () => {
    const { db, store, search } = fresh();
    expect(store.importBatch(directory, meta)).toEqual(['added', 'added', 'added', 'added', 'added']);
    const before = store.get(`ent-${directory[0]!.uscc}`)!;
    expect(store.importBatch(directory, meta)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    const moved = rec({ address: '贵州省天柱县邦洞街道8号', keyPolluter: ['水环境重点排污单位'] });
    expect(store.importBatch([moved], { ...meta, importedAt: '2026-04-01T02:00:00.000Z' })).toEqual(['updated']);
    expect(store.count()).toBe(5);
    const after = store.get(before.id)!;
    expect(after).toMatchObject({
      id: before.id,
      address: '贵州省天柱县邦洞街道8号',
      keyPolluter: ['水环境重点排污单位'],
      importedAt: '2026-04-01T02:00:00.000Z',
    });
    // The search index follows the update: the old address is gone, the new one found, no duplicate hit.
    expect(search.search('邦洞', 10).map((e) => e.id)).toEqual([before.id]);
    expect(search.search('凤城街道', 10)).toEqual([]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM enterprises_fts').get() as { n: number }).n).toBe(5);
  });

  it('updates a demo record of the same code rather than adding one', () => {
    const { store } = fresh();
    store.add({
      id: 'ent-000001',
      name: '旧名称',
      uscc: directory[0]!.uscc,
      legalRepresentative: '某',
      address: '某地',
      county: '天柱县',
    });
    expect(store.importBatch([directory[0]!], meta)).toEqual(['updated']);
    expect(store.get('ent-000001')).toMatchObject({ name: directory[0]!.name, countyCode: '522627' });
    expect(store.count()).toBe(1);
  });

  it('a failed batch writes nothing of that batch', () => {
    const { store } = fresh();
    const broken = { ...directory[1]!, name: null } as unknown as EnterpriseRecord;
    expect(() => store.importBatch([directory[0]!, broken], meta)).toThrow();
    expect(store.count()).toBe(0);
  });
});

describe('search', () => {
  const { store, search } = fresh();
  store.importBatch(directory, meta);
  const names = (q: string): string[] => search.search(q, 20).map((e) => e.name);

  it('finds name fragments of one, two and more characters, best match first', () => {
    expect(names('化工')).toEqual(['锦屏县化工原料厂', '凯里市恒达化工有限公司']);
    expect(names('恒')).toEqual(['凯里市恒达化工有限公司']);
    expect(names('鑫源塑料')).toEqual(['天柱县鑫源塑料再生有限公司']);
    expect(names('天柱县鑫源塑料再生有限公司')[0]).toBe('天柱县鑫源塑料再生有限公司');
  });

  it('ranks a name match before an address match', () => {
    // 天柱 is in one name and in another's address (天柱路).
    expect(names('天柱')).toEqual(['天柱县鑫源塑料再生有限公司', '锦屏县化工原料厂']);
  });

  it('finds by legal representative, address, and several words', () => {
    expect(names('单国强')).toEqual(['重庆长安汽车维修厂']);
    expect(names('三江镇')).toEqual(['锦屏县化工原料厂']);
    expect(names('锦屏 化工')).toEqual(['锦屏县化工原料厂']);
    expect(names('王明')).toEqual(['锦屏县化工原料厂']);
  });

  it('finds by 统一社会信用代码 prefix, in any case', () => {
    const c = directory[1]!.uscc;
    expect(search.search(c, 20).map((e) => e.uscc)).toEqual([c]);
    expect(search.search(c.slice(0, 10).toLowerCase(), 20)[0]!.uscc).toBe(c);
    expect(search.search('9152', 20).map((e) => e.name)).toHaveLength(4);
  });

  it('finds by pinyin initials of the name (polyphones read in context) and of the legal representative', () => {
    expect(names('hdhg')).toEqual(['凯里市恒达化工有限公司']);
    expect(names('cqca')).toEqual(['重庆长安汽车维修厂']);
    expect(names('TZX')).toEqual(['天柱县鑫源塑料再生有限公司']);
    expect(names('wjh')).toEqual(['天柱县鑫源塑料再生有限公司']);
    expect(names('abc')).toEqual(['ABC环保科技（贵州）有限公司']);
  });

  it('treats FTS syntax and punctuation as plain text', () => {
    expect(names('"')).toEqual([]);
    expect(names('（）')).toEqual([]);
    expect(names('化工" OR "x')).toEqual([]);
    expect(names('ABC环保科技（贵州')).toEqual(['ABC环保科技（贵州）有限公司']);
    expect(search.search('', 3)).toHaveLength(3);
  });

  it('the initials cache gives what the whole reading gives', () => {
    const cache = new InitialsCache();
    for (const n of [...directory.map((d) => d.name), '长顺县', '重庆', '银行', '盛华厂', '合作社'])
      expect(cache.initials(n)).toBe(pinyinInitials(n));
    expect(pinyinInitials('长顺县')).toBe('csx');
  });
});

describe('the search index', () => {
  it('is rebuilt at start when rows were written without it', () => {
    const { db, store, search } = fresh();
    store.importBatch(directory, meta);
    db.prepare(
      "INSERT INTO enterprises (id, name, uscc, legal_representative, address, county) VALUES ('x', '手工录入厂', 'X', '某', '某地', '')",
    ).run();
    expect(search.search('手工', 5)).toEqual([]);
    expect(store.ensureSearchIndex()).toBe(true);
    expect(search.search('手工', 5).map((e) => e.id)).toEqual(['x']);
    expect(names(search, '化工')).toHaveLength(2);
    expect(store.ensureSearchIndex()).toBe(false);
  });
});

function names(search: EnterpriseSearch, q: string): string[] {
  return search.search(q, 20).map((e) => e.name);
}

describe('undoing an import', () => {
  it('restores updated records with their search entries, removes added ones, and keeps one a case was opened on', () => {
    const { db, store, search } = fresh();
    store.importBatch(directory.slice(0, 2), meta);
    const before = store.get(`ent-${directory[0]!.uscc}`);
    const undo: EnterpriseUndo[] = [];
    const outcomes = store.importBatch(
      [{ ...directory[0]!, name: '天柱县新名称有限公司' }, directory[2]!, directory[3]!],
      { ...meta, source: '新名录.csv' },
      undo,
    );
    expect(outcomes).toEqual(['updated', 'added', 'added']);
    expect(undo.map((u) => u.kind)).toEqual(['updated', 'added', 'added']);
    // A case opened on 锦屏县化工原料厂 while the import ran: the undo must not pull its party away.
    db.prepare(`INSERT INTO cases (id, number, party_name, violation_name, node, filed_on, updated_at, closed, version, state)
      VALUES ('c1', 'N1', '锦屏县化工原料厂', 'v', 'n', '2026-03-02', '2026-03-02', 0, 1, ?)`).run(
      JSON.stringify({ party: { enterpriseId: `ent-${directory[3]!.uscc}` } }),
    );
    expect(store.undoImport(undo)).toBe(1);
    expect(store.get(`ent-${directory[0]!.uscc}`)).toEqual(before);
    expect(store.get(`ent-${directory[2]!.uscc}`)).toBeNull();
    expect(store.get(`ent-${directory[3]!.uscc}`)).not.toBeNull();
    expect(search.search('新名称', 5)).toEqual([]);
    expect(search.search('鑫源塑料', 5).map((e) => e.uscc)).toEqual([directory[0]!.uscc]);
    expect(search.search('长安汽车', 5)).toEqual([]);
  });
});
