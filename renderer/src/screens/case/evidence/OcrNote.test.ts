import { describe, expect, it } from 'vitest';
import { ocrNoteText } from './OcrNote';

const base = { evidenceId: 'e1', pages: 3, unreadablePages: [] as number[], failure: null };

describe('the OCR note on a scan', () => {
  it('says which pages are not searchable', () => {
    expect(ocrNoteText({ ...base, state: 'done', unreadablePages: [2] })).toEqual({
      text: '第2页未能识别，不可检索；其余2页可检索',
      warn: true,
    });
    expect(ocrNoteText({ ...base, state: 'done', pages: 20, unreadablePages: [1, 2, 3, 4, 5, 6, 7, 8] }).text).toBe(
      '第1、2、3、4、5、6等8页未能识别，不可检索；其余12页可检索',
    );
  });
  it('waiting, all read, none read, a corrupt file', () => {
    expect(ocrNoteText({ ...base, state: 'waiting' }).text).toBe('正在后台识别文字，完成后可被检索');
    expect(ocrNoteText({ ...base, state: 'done' })).toEqual({ text: '已识别文字（3页），可检索', warn: false });
    expect(ocrNoteText({ ...base, state: 'done', pages: 1, unreadablePages: [1] }).text).toBe(
      '未能识别出文字，不可检索',
    );
    expect(ocrNoteText({ ...base, state: 'done', pages: 0, failure: 'PDF文件已损坏或已加密，无法识别文字' }).text).toBe(
      'PDF文件已损坏或已加密，无法识别文字，不可检索',
    );
  });
});
