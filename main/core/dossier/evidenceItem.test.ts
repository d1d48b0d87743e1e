/**
 * Evidence of every kind in the dossier: scans become pages (a PDF's own, a TIFF's each on A4), and
 * recordings, videos and office files a listing page with the file's name, hash and what it shows.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { EvidenceRecord } from '#common/schemas/cases.js';
import { assembleDossier } from './assemble.js';
import { evidenceItem, wavDuration } from './evidenceItem.js';
import { caseInput, fixturePdf } from './testFixtures.js';
import { cornerNumber, inspectPdf } from './testPdf.js';

const squash = (s: string): string => s.replace(/\s+/g, '');
const hashOf = (n: number): string => String(n).repeat(64).slice(0, 64);

function record(over: Partial<EvidenceRecord>): EvidenceRecord {
  return {
    id: 'e',
    kind: 'scan',
    fileName: 'f',
    mimeType: 'application/octet-stream',
    hash: hashOf(1),
    size: 2_500_000,
    description: '说明',
    takenOn: '2025-03-06',
    addedAt: '',
    addedBy: '',
    ...over,
  };
}

/** A WAV of `seconds` of 8 kHz 16-bit mono silence. */
function wav(seconds: number): Buffer {
  const data = 8000 * 2 * seconds;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVEfmt ', 8, 'latin1');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'latin1');
  b.writeUInt32LE(data, 40);
  return b;
}

async function twoPageTiff(): Promise<Buffer> {
  const page = (bg: string) =>
    sharp({ create: { width: 620, height: 877, channels: 3, background: bg } })
      .png()
      .toBuffer();
  return sharp([await page('#ffffff'), await page('#eeeeee')], { join: { animated: true } })
    .tiff()
    .toBuffer();
}

describe('evidenceItem in the dossier', () => {
  it('files scans as pages and recordings as a listing page, each with its catalog row', async () => {
    const files = new Map<string, Uint8Array>([
      [hashOf(1), await fixturePdf('scan', { pages: 3 })],
      [hashOf(2), await twoPageTiff()],
      [hashOf(3), wav(187)],
    ]);
    const read = (hash: string): Uint8Array => files.get(hash) ?? Buffer.alloc(0);
    const items = [
      await evidenceItem(record({ fileName: '监测报告.pdf', hash: hashOf(1), description: '监测报告' }), read, '局'),
      await evidenceItem(record({ fileName: '许可证.tif', hash: hashOf(2), description: '排污许可证' }), read, '局'),
      await evidenceItem(
        record({
          kind: 'audio',
          fileName: '询问录音.wav',
          mimeType: 'audio/wav',
          hash: hashOf(3),
          description: '询问当事人的录音',
          takenAt: '09:30',
          place: '厂区办公室',
          source: '执法记录仪',
          collectors: ['张伟', '王强'],
        }),
        read,
        '局',
      ),
      await evidenceItem(
        record({
          kind: 'video',
          fileName: '执法记录仪.mp4',
          mimeType: 'video/mp4',
          hash: hashOf(4),
          description: '排放口',
        }),
        () => {
          throw new Error('a video is not read for its listing');
        },
        '局',
      ),
    ];
    const result = await assembleDossier(caseInput(items));
    expect(result.catalog.map((r) => [r.title, r.page])).toEqual([
      ['书证：监测报告', '1-3'],
      ['书证：排污许可证', '4-5'],
      ['录音：询问当事人的录音', '6'],
      ['录像：排放口', '7'],
    ]);
    const seen = await inspectPdf(result.pdf);
    const first = seen.pages.findIndex((p) => p.text.includes('Fixture scan page 1 of 3'));
    expect(seen.pages[first + 2]?.text).toContain('Fixture scan page 3 of 3');
    // The TIFF's pages are A4 pages of their own, numbered on.
    expect(Math.round(seen.pages[first + 3]!.width)).toBe(595);
    expect(cornerNumber(seen.pages[first + 4]!)).toBe('5');
    const audio = squash(seen.pages[first + 5]!.text);
    for (const s of [
      '询问录音.wav',
      hashOf(3),
      '3分07秒',
      '2.4MB',
      '2025-03-0609:30',
      '厂区办公室',
      '执法记录仪',
      '张伟、王强',
    ])
      expect(audio).toContain(s);
    const video = squash(seen.pages[first + 6]!.text);
    expect(video).toContain('执法记录仪.mp4');
    expect(video).toContain(hashOf(4));
  });

  it('reads a WAV’s length from its header, and none from anything else', () => {
    expect(wavDuration(wav(65))).toBe('1分05秒');
    expect(wavDuration(Buffer.from('RIFF....WAVE'))).toBeNull();
  });

  it('refuses a damaged scan, naming the item', async () => {
    const tiff = await twoPageTiff();
    const bad = evidenceItem(
      record({ fileName: '许可证.tif', description: '排污许可证' }),
      () => tiff.subarray(0, 300),
      '局',
    );
    await expect(bad).rejects.toMatchObject({
      code: 'INTEGRITY',
      message: expect.stringContaining('书证：排污许可证'),
    });
  });
});
