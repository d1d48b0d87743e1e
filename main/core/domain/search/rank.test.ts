import { describe, expect, it } from 'vitest';
import { hitScore, termCounts } from './rank.js';

const base = { kind: 'document' as const, counts: [1], length: 1000, averageLength: 1000, wholeWords: false };

describe('the order of hits', () => {
  it('counts each term, case-insensitively, without overlaps', () => {
    expect(termCounts('化工化工厂 MA6D ma6d', ['化工', 'MA6D', '水'])).toEqual([2, 2, 0]);
  });

  it('more occurrences score higher, but less than in proportion', () => {
    const one = hitScore(base);
    const three = hitScore({ ...base, counts: [3] });
    expect(three).toBeGreaterThan(one);
    expect(three).toBeLessThan(3 * one);
  });

  it('a short text scores higher than a long one with as many occurrences', () => {
    expect(hitScore({ ...base, length: 100 })).toBeGreaterThan(hitScore({ ...base, length: 5000 }));
  });

  it('the case and its party first, then evidence captions, documents, OCR', () => {
    const by = (kind: 'case' | 'party' | 'document' | 'evidence' | 'ocr') => hitScore({ ...base, kind });
    expect(by('case')).toBe(by('party'));
    expect(by('party')).toBeGreaterThan(by('evidence'));
    expect(by('evidence')).toBeGreaterThan(by('document'));
    expect(by('document')).toBeGreaterThan(by('ocr'));
  });

  it('whole words score higher than the same characters inside other words', () => {
    expect(hitScore({ ...base, wholeWords: true })).toBeGreaterThan(hitScore(base));
  });
});
