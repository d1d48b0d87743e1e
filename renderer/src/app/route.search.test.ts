import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './route';

describe('检索 in the hash', () => {
  it('round-trips the words, and a case opened at a document', () => {
    expect(parseRoute(hrefOf({ name: 'search', q: '化工 黔环罚〔2026〕1号' }))).toEqual({
      name: 'search',
      q: '化工 黔环罚〔2026〕1号',
    });
    expect(hrefOf({ name: 'search', q: '' })).toBe('#/search');
    const at = { name: 'case', caseId: 'c1', tab: 'documents', focus: 'd9' } as const;
    expect(hrefOf(at)).toBe('#/cases/c1/documents/d9');
    expect(parseRoute('#/cases/c1/documents/d9')).toEqual(at);
    expect(parseRoute('#/cases/c1/evidence')).toEqual({ name: 'case', caseId: 'c1', tab: 'evidence' });
  });
});
