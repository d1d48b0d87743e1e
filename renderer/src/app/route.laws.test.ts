import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './route';

describe('法律法规 routes', () => {
  it('round-trips the library, a law and an article, with Chinese law names', () => {
    for (const r of [
      { name: 'laws' as const, law: null, article: null },
      { name: 'laws' as const, law: '大气污染防治法', article: null },
      { name: 'laws' as const, law: '大气污染防治法', article: 99 },
    ])
      expect(parseRoute(hrefOf(r))).toEqual(r);
    expect(hrefOf({ name: 'laws', law: '大气污染防治法', article: 99 })).toBe(
      `#/laws/${encodeURIComponent('大气污染防治法')}/99`,
    );
  });

  it('ignores an article that is not a positive number', () => {
    expect(parseRoute('#/laws/x/abc')).toEqual({ name: 'laws', law: 'x', article: null });
    expect(parseRoute('#/laws/x/0')).toEqual({ name: 'laws', law: 'x', article: null });
  });
});
