import { describe, expect, it } from 'vitest';
import { safeName, uniquePaths, unsafePathReason } from './paths.js';

describe('names inside a package', () => {
  it('refuses what could land outside the folder it is unpacked into, and keeps ordinary names', () => {
    expect(unsafePathReason('卷宗/正卷.pdf')).toBeNull();
    expect(unsafePathReason('../x')).toMatch(/“\.\.”/);
    expect(unsafePathReason('a/../../x')).toMatch(/“\.\.”/);
    expect(unsafePathReason('/etc/passwd')).toMatch(/绝对路径/);
    expect(unsafePathReason('c:/x')).toMatch(/绝对路径/);
    expect(unsafePathReason('a\\b')).toMatch(/反斜杠/);
    expect(unsafePathReason('a//b')).toMatch(/空的/);
    expect(unsafePathReason('a\u0000b')).toMatch(/控制字符/);
  });

  it('makes file names Windows keeps, bounded, with their extension', () => {
    expect(safeName('《行政处罚决定书》')).toBe('行政处罚决定书');
    expect(safeName('a/b:c*?.jpg')).toBe('a_b_c__.jpg');
    expect(safeName('..\u0001隐藏. ')).toBe('_隐藏');
    expect(safeName(`${'长'.repeat(100)}.jpeg`, 20)).toBe(`${'长'.repeat(15)}.jpeg`);
    expect(safeName('')).toBe('文件');
  });

  it('makes each path unique, whatever its case', () => {
    const u = uniquePaths();
    expect([u('证据/a.jpg'), u('证据/A.jpg'), u('证据/a.jpg'), u('证据/b')]).toEqual([
      '证据/a.jpg',
      '证据/A(2).jpg',
      '证据/a(3).jpg',
      '证据/b',
    ]);
  });
});
