/** Evidence files are known by their bytes; the name's extension and the kind chosen must agree. */
import { describe, expect, it } from 'vitest';
import { acceptFor, checkEvidenceFile, sniffFormat } from './evidenceFiles.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0]);
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const samples: Array<[string, Uint8Array, string]> = [
  ['jpeg', jpeg, 'IMG_0001.JPG'],
  ['png', png, '排放口.png'],
  ['tiff', bytes([0x49, 0x49, 0x2a, 0x00]), '监测报告.tif'],
  ['tiff', bytes([0x4d, 0x4d, 0x00, 0x2a]), '许可证.tiff'],
  ['pdf', bytes('%PDF-1.7\n'), '监测报告.pdf'],
  ['wav', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), '询问录音.wav'],
  ['mp3', bytes('ID3', [4, 0]), '询问录音.mp3'],
  ['amr', bytes('#!AMR\n'), '通话录音.amr'],
  ['m4a', bytes([0, 0, 0, 0x20], 'ftypM4A '), '录音.m4a'],
  ['mp4', bytes([0, 0, 0, 0x20], 'ftypisom'), '执法记录仪.MP4'],
  ['mp4', bytes([0, 0, 0, 0x14], 'ftypqt  '), '现场.mov'],
  ['avi', bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'), '监控.avi'],
  ['ooxml', bytes('PK', [3, 4], '\0\0\0\0[Content_Types].xml'), '台账.xlsx'],
  ['ole', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '旧台账.xls'],
  // Matroska (EBML): listed last, the checks below pick samples by position.
  ['webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]), '网页录像.webm'],
  ['webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]), '现场.mkv'],
];

describe('sniffFormat', () => {
  it.each(samples)('knows %s by its first bytes', (format, head) => {
    expect(sniffFormat(head)).toBe(format);
  });

  it('knows no format in text, an executable or a plain ZIP', () => {
    expect(sniffFormat(bytes('这不是文件'))).toBeNull();
    expect(sniffFormat(bytes('MZ', [0x90, 0]))).toBeNull();
    expect(sniffFormat(bytes('PK', [3, 4], '\0\0\0\0readme.txt'))).toBeNull();
    expect(sniffFormat(new Uint8Array())).toBeNull();
  });
});

describe('checkEvidenceFile', () => {
  it('accepts each kind’s own formats, whatever the extension’s case', () => {
    expect(checkEvidenceFile('IMG_0001.JPG', jpeg, 'photo')).toEqual({
      ok: true,
      format: 'jpeg',
      mimeType: 'image/jpeg',
    });
    expect(checkEvidenceFile('监测报告.tif', samples[2]![1], 'scan')).toMatchObject({ ok: true, format: 'tiff' });
    expect(checkEvidenceFile('询问录音.wav', samples[5]![1], 'audio')).toMatchObject({
      ok: true,
      mimeType: 'audio/wav',
    });
    expect(checkEvidenceFile('执法记录仪.MP4', samples[9]![1], 'video')).toMatchObject({ ok: true });
    expect(checkEvidenceFile('台账.xlsx', samples[12]![1], 'office')).toMatchObject({
      ok: true,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });

  it('refuses a file whose bytes and extension disagree, saying what it really is', () => {
    const r = checkEvidenceFile('排放口.jpg', png, 'photo');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('内容是PNG图片，与扩展名“.jpg”不符') });
    const video = checkEvidenceFile('监测报告.pdf', samples[9]![1], 'scan');
    expect(video.ok).toBe(false);
    expect(!video.ok && video.message).toContain('MP4/MOV视频');
    expect(checkEvidenceFile('无扩展名', jpeg, 'photo')).toMatchObject({
      ok: false,
      message: expect.stringContaining('“无”'),
    });
  });

  it('refuses an unknown type, and a known one under the wrong kind', () => {
    expect(checkEvidenceFile('程序.exe', bytes('MZ'), 'office')).toEqual({
      ok: false,
      message: '“程序.exe”的文件类型无法识别或不受支持，不能作为证据上传',
    });
    expect(checkEvidenceFile('询问录音.mp3', samples[6]![1], 'photo')).toEqual({
      ok: false,
      message: '“询问录音.mp3”是MP3录音，不能作为现场照片上传',
    });
  });

  it('offers the picker only the extensions of the kind chosen', () => {
    expect(acceptFor('photo')).toBe('.jpg,.jpeg,.png');
    expect(acceptFor('audio').split(',')).toEqual(['.mp3', '.wav', '.amr', '.m4a']);
    expect(acceptFor('scan')).toContain('.tif');
  });
});
