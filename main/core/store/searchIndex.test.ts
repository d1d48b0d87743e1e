import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';
import { SearchIndex, type SearchCaseRow, type SourceContent, type WantedSource } from './searchIndex.js';
import { searchPlan } from '../domain/search/segment.js';

const row = (caseId: string, over: Partial<SearchCaseRow> = {}): SearchCaseRow => ({
  caseId,
  bureauId: 'b1',
  officerIds: ',off-01,',
  closed: false,
  year: 2026,
  violationId: 'v1',
  violationName: '超标排放',
  partyName: '天柱化工有限公司',
  number: '天环罚〔2026〕1号',
  filedOn: '2026-03-02',
  ...over,
});

function source(key: string, hash: string, text: string, built: string[]): WantedSource {
  return {
    key,
    hash,
    build: (): SourceContent => {
      built.push(key);
      return { kind: 'document', ref: key, title: '《文书》', page: null, text };
    },
  };
}

const fresh = () => {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'anjuan-search-')), 'a.sqlite'));
  return { db, index: new SearchIndex(db) };
};
const find = (index: SearchIndex, q: string, scope = { bureauId: 'b1' }) =>
  index.candidates(searchPlan(q).match, scope, {}, 100).map((c) => c.id);

describe('the search index of a case', () => {
  it('builds a row only when new or changed, and removes what the case no longer holds', () => {
    const { index } = fresh();
    const built: string[] = [];
    index.syncCase(row('c1'), [source('d1', 'h1', '暗管排放废水', built), source('d2', 'h2', '超标排放', built)]);
    expect(built).toEqual(['d1', 'd2']);
    built.length = 0;
    index.syncCase(row('c1'), [source('d1', 'h1', '暗管排放废水', built), source('d2', 'h3', '噪声扰民', built)]);
    expect(built).toEqual(['d2']);
    expect(find(index, '超标')).toEqual([]);
    expect(find(index, '噪声')).toHaveLength(1);
    index.syncCase(row('c1'), [source('d2', 'h3', '噪声扰民', built)]);
    expect(find(index, '暗管')).toEqual([]);
  });

  it('a source that cannot be built now is left out and built at the next save', () => {
    const { index } = fresh();
    index.syncCase(row('c1'), [{ key: 'd1', hash: 'h1', build: () => null }]);
    expect(find(index, '废水')).toEqual([]);
    index.syncCase(row('c1'), [source('d1', 'h1', '废水', [])]);
    expect(find(index, '废水')).toHaveLength(1);
  });

  it('scopes by bureau and officer, newest first', () => {
    const { index } = fresh();
    index.syncCase(row('c1'), [source('d', 'h', '废水', [])]);
    index.syncCase(row('c2', { officerIds: ',off-02,' }), [source('d', 'h', '废水', [])]);
    index.syncCase(row('c3', { bureauId: 'b2' }), [source('d', 'h', '废水', [])]);
    const all = find(index, '废水');
    expect(all).toHaveLength(2);
    expect(all[0]).toBeGreaterThan(all[1]!);
    expect(find(index, '废水', { bureauId: 'b1', officerId: 'off-02' } as never)).toHaveLength(1);
    expect(find(index, '废水', { bureauId: 'b1', officerId: null } as never)).toEqual([]);
  });

  it('another officer put on the case finds its rows at once', () => {
    const { index } = fresh();
    const built: string[] = [];
    index.syncCase(row('c1'), [source('d', 'h', '废水', built)]);
    const off2 = { bureauId: 'b1', officerId: 'off-02' } as never;
    expect(find(index, '废水', off2)).toEqual([]);
    index.syncCase(row('c1', { officerIds: ',off-01,off-02,' }), [source('d', 'h', '废水', built)]);
    expect(find(index, '废水', off2)).toHaveLength(1);
    expect(built).toEqual(['d', 'd']);
  });
});
