/**
 * Evidence of every kind in the dossier: scans become pages (a PDF's own, a TIFF's each on A4), and
 * recordings, videos and office files a listing page with the file's name, hash and what it shows.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { EvidenceRecord } from '#common/schemas/cases.js';
import { wav } from '../media/testMedia.js';
import { assembleDossier } from './assemble.js';
import { evidenceItem, measureWith } from './evidenceItem.js';
import { stillCaption } from './listingPage.js';
import { caseInput, fixturePdf } from './testFixtures.js';
import { cornerNumber, inspectPdf } from './testPdf.js';

const work = mkdtempSync(join(tmpdir(), 'anjuan-evidence-item-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const hasPdfimages = spawnSync('pdfimages', ['-v']).error === undefined;

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
          durationSeconds: 187.02,
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
          durationSeconds: null,
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
    expect(video).toContain('MP4/MOV视频');
    // Its length could not be read at upload, nor a frame taken: the page says so.
    expect(video).toContain('时长：无法读取');
    expect(video).toContain('画面：未能提取画面');
  });

  it('measures a recording recorded before lengths were kept, from its file’s header', async () => {
    const file = join(work, 'old.wav');
    writeFileSync(file, wav(65));
    const old = record({ kind: 'audio', fileName: '旧录音.wav', mimeType: 'audio/wav', hash: hashOf(6) });
    const never = () => {
      throw new Error('a recording is not read whole for its listing');
    };
    const rows = async (measure?: Parameters<typeof evidenceItem>[3]) => {
      const item = await evidenceItem(old, never, '局', measure);
      return item.content.kind === 'listing' ? Object.fromEntries(item.content.rows) : {};
    };
    expect((await rows(measureWith({ localPath: () => file }))).时长).toBe('1分05秒');
    // No way to reach the file (a stand-in store), or a file that is not what it says: 无法读取.
    expect((await rows()).时长).toBe('无法读取');
    expect((await rows(measureWith({ localPath: () => join(work, 'missing') }))).时长).toBe('无法读取');
  });

  it('draws a video’s still frame on its listing page, fitted to the page at its own aspect', async () => {
    const still = await sharp({ create: { width: 320, height: 180, channels: 3, background: '#3a6ea5' } })
      .jpeg()
      .toBuffer();
    const files = new Map<string, Uint8Array>([[hashOf(5), still]]);
    const read = (hash: string): Uint8Array => {
      const b = files.get(hash);
      if (!b) throw new Error('a video is not read for its listing');
      return b;
    };
    const video = (over: Partial<EvidenceRecord>) =>
      evidenceItem(
        record({ kind: 'video', fileName: '执法记录仪.mp4', mimeType: 'video/mp4', hash: hashOf(4), ...over }),
        read,
        '局',
      );
    const items = [
      await video({ description: '排放口', durationSeconds: 3725, stillHash: hashOf(5) }),
      // The still's file missing (a copy from another desk): the page says so, the dossier still binds.
      await video({ description: '厂区', durationSeconds: 187, stillHash: hashOf(7) }),
      // A description so long the frame no longer fits under it: the frame gets a page of its own.
      await video({ description: '长'.repeat(500), durationSeconds: 2, stillHash: hashOf(5) }),
    ];
    const result = await assembleDossier(caseInput(items));
    expect(result.catalog.map((r) => r.page)).toEqual(['1', '2', '3-4']);
    const seen = await inspectPdf(result.pdf);
    const first = seen.pages.findIndex((p) => squash(p.text).includes('证明内容：排放口'));
    const page = squash(seen.pages[first]!.text);
    expect(page).toContain('时长：1时02分05秒');
    expect(page).toContain(squash(stillCaption));
    expect(page).not.toContain('未能提取画面');
    expect(squash(seen.pages[first + 1]!.text)).toContain('画面：未能提取画面');
    expect(squash(seen.pages[first + 1]!.text)).toContain('时长：3分07秒');
    expect(squash(seen.pages[first + 3]!.text)).toContain(squash(stillCaption));
    if (!hasPdfimages) {
      console.log('evidenceItem.test: no pdfimages (poppler-utils): the images are not listed');
      return;
    }
    const pdf = join(work, 'stills.pdf');
    writeFileSync(pdf, result.pdf);
    // page num type width height color comp bpc enc …: the JPEG itself, on the listing page and the continuation.
    const images = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .stdout.split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f.length > 8)
      .map((f) => ({ page: Number(f[0]) - 1, width: Number(f[3]), height: Number(f[4]), enc: f[8] }));
    expect(images.filter((i) => i.page === first || i.page === first + 3)).toEqual([
      { page: first, width: 320, height: 180, enc: 'jpeg' },
      { page: first + 3, width: 320, height: 180, enc: 'jpeg' },
    ]);
    expect(images.filter((i) => i.page === first + 1 || i.page === first + 2)).toEqual([]);
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
