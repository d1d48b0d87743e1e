import { describe, expect, it } from 'vitest';
import { highlightSnippet, searchTerms } from './highlight.js';

describe('search excerpts', () => {
  it('marks every occurrence of every word around the first hit', () => {
    const segs = highlightSnippet('违反本法规定，有下列行为之一的，由县级以上人民政府生态环境主管部门责令改正', [
      '违反',
      '责令改正',
    ]);
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['违反', '责令改正']);
    expect(segs.map((s) => s.text).join('')).toBe(
      '违反本法规定，有下列行为之一的，由县级以上人民政府生态环境主管部门责令改正',
    );
  });

  it('cuts long texts around the hit with ellipses and never splits the text differently from the source', () => {
    const text = `${'甲'.repeat(100)}排污许可证${'乙'.repeat(100)}`;
    const segs = highlightSnippet(text, ['排污许可'], 10);
    expect(segs[0]).toEqual({ text: '…', hit: false });
    expect(segs.at(-1)).toEqual({ text: '…', hit: false });
    expect(segs.find((s) => s.hit)?.text).toBe('排污许可');
    expect(
      segs
        .map((s) => s.text)
        .join('')
        .replace(/…/g, ''),
    ).toBe(`${'甲'.repeat(10)}排污许可证${'乙'.repeat(15)}`);
  });

  it('splits a query into distinct words', () => {
    expect(searchTerms(' 排污  许可　排污 ')).toEqual(['排污', '许可']);
  });
});
