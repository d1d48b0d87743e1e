import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap.js';

// Chinese characters 1 wide, ASCII ½, as in a CJK font.
const width = (s: string): number => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);
const wrap = (text: string, max: number): string[] => wrapText(text, max, width);

describe('wrapText', () => {
  it('breaks Chinese anywhere and keeps text that fits on one line', () => {
    expect(wrap('行政处罚决定书', 10)).toEqual(['行政处罚决定书']);
    expect(wrap('行政处罚事先告知书', 4)).toEqual(['行政处罚', '事先告知', '书']);
  });

  it('keeps a Latin or number run whole when it fits on a line', () => {
    expect(wrap('文件IMG_0001.jpg已归档', 6.5)).toEqual(['文件', 'IMG_0001.jpg', '已归档']);
    expect(wrap('黔东南环罚〔2025〕12号', 6)).toEqual(['黔东南环罚', '〔2025〕12号']);
  });

  it('breaks a run longer than a line by character', () => {
    expect(wrap('ABCDEFGHIJ', 2)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    // “。” would start line 2: the character before it goes down with it.
    expect(wrap('废水超标排放。', 6)).toEqual(['废水超标排', '放。']);
    // “《” would end line 1: it moves down to its title.
    expect(wrap('依据《环境保护法》', 3)).toEqual(['依据', '《环境', '保护', '法》']);
    for (const lines of [
      wrap('现场检查（勘察）笔录，调查询问笔录。', 5),
      wrap('关于《行政处罚决定书》的送达回证：已签收。', 4),
    ]) {
      for (const l of lines) {
        expect('，。、；：？！）》」』〕】').not.toContain(l[0]);
        expect('（《「『〔【').not.toContain(l[l.length - 1]);
      }
    }
  });

  it('drops spaces at line breaks and returns nothing for empty text', () => {
    expect(wrap('ab cd ef', 2)).toEqual(['ab', 'cd', 'ef']);
    expect(wrap('', 5)).toEqual([]);
    expect(wrap('   ', 5)).toEqual([]);
  });
});
