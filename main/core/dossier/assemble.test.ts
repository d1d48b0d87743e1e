import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#common/errors.js';
import { assembleDossier, type DossierInput, type DossierItem } from './assemble.js';
import { compactDate } from './format.js';
import { cornerNumber, inspectPdf, type InspectedPdf } from './testPdf.js';
import {
  caseInput,
  fixturePdf,
  pdfItem,
  photoItem,
  pngBytes,
  redBlueJpeg,
  withExifOrientation,
} from './testFixtures.js';

const has = (tool: string): boolean => spawnSync(tool, ['-v']).error === undefined;
const work = mkdtempSync(join(tmpdir(), 'anjuan-dossier-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const longTitle = '关于天柱县某生态养殖场因停电导致废水处理设施停止运行期间化学需氧量和总磷超标排放情况的调查报告';

/** Ten documents (15 pages) and three photos, in filing order; page counts alongside. */
async function sampleItems(): Promise<Array<{ item: DossierItem; pages: number }>> {
  const doc = async (
    title: string,
    pages: number,
    extra: Partial<Parameters<typeof fixturePdf>[1]> = {},
    number = '',
  ) => ({
    item: pdfItem(title, await fixturePdf(title.length > 10 ? 'long' : String(pages), { pages, ...extra }), number),
    pages,
  });
  const photo = (title: string, bytes: Uint8Array, caption: string) => ({
    item: photoItem(title, bytes, caption),
    pages: 1,
  });
  return [
    await doc('行政处罚决定书', 2, {}, '黔东南环罚〔2025〕12号'),
    await doc('送达回证', 1),
    await doc('立案审批表', 1, {}, '黔东南环立〔2025〕8号'),
    await doc('现场检查（勘察）笔录', 3),
    photo(
      '现场照片：废水排放口',
      pngBytes(40, 30, [0, 160, 0], [230, 200, 0]),
      '养殖场废水排放口，废水呈黑褐色（拍摄日期：2025-03-06，文件：IMG_0001.jpg）',
    ),
    photo('现场照片：污水处理设施停运', redBlueJpeg, '污水处理设施因停电停止运行'),
    photo('现场照片：在线监测仪表读数', withExifOrientation(redBlueJpeg, 6), '手机拍摄，照片按EXIF方向转正'),
    await doc('调查询问笔录', 2, { leaveTransform: true }),
    await doc('监测报告', 2, { rotate: 90 }),
    await doc(longTitle, 1),
    await doc('行政处罚事先（听证）告知书', 1, {}, '黔东南环罚告〔2025〕9号'),
    await doc('送达回证', 1),
    await doc('结案审批表', 1),
  ];
}

/** The row of 卷内目录 as drawn: its cells in order, wrapped lines joined. */
const rowText = (seq: number, number: string, author: string, title: string, date: string, page: string): string =>
  `${seq}${number}${author}${title}${compactDate(date)}${page}`;
const squash = (s: string): string => s.replace(/\s+/g, '');

/** Centres of the saturated red and blue pixels of a page rendered by pdftoppm. */
function redBlueCentres(
  pdf: Uint8Array,
  pageNumber: number,
): { red: [number, number]; blue: [number, number]; box: [number, number] } {
  const file = join(work, `render-${pageNumber}.pdf`);
  writeFileSync(file, pdf);
  const out = join(work, `render-${pageNumber}`);
  spawnSync('pdftoppm', ['-r', '30', '-f', String(pageNumber), '-l', String(pageNumber), '-singlefile', file, out]);
  const ppm = readFileSync(`${out}.ppm`);
  const header = ppm.toString('latin1', 0, 40).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  if (!header) throw new Error('unexpected PPM header');
  const [width, height] = [Number(header[1]), Number(header[2])];
  let at = header[0].length;
  const acc = { red: { x: 0, y: 0, n: 0 }, blue: { x: 0, y: 0, n: 0 } };
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++, at += 3) {
      const [r, g, b] = [ppm[at] as number, ppm[at + 1] as number, ppm[at + 2] as number];
      const kind = r > 150 && g < 90 && b < 90 ? 'red' : b > 150 && r < 90 && g < 90 ? 'blue' : null;
      if (!kind) continue;
      acc[kind].x += x;
      acc[kind].y += y;
      acc[kind].n += 1;
      xs.push(x);
      ys.push(y);
    }
  }
  const centre = (a: { x: number; y: number; n: number }): [number, number] => [a.x / a.n, a.y / a.n];
  return {
    red: centre(acc.red),
    blue: centre(acc.blue),
    box: [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)],
  };
}

describe('assembleDossier: a full volume', () => {
  let sample: Array<{ item: DossierItem; pages: number }>;
  let input: DossierInput;
  let result: Awaited<ReturnType<typeof assembleDossier>>;
  let pdf: InspectedPdf;
  let catalogPages: number;
  const progress: Array<[number, number]> = [];
  const remarks = ['2025年5月12日 王五：法制审核意见已落实', '现场检查笔录第3页有当事人手写更正并按指印'];

  beforeAll(async () => {
    sample = await sampleItems();
    input = caseInput(
      sample.map((s) => s.item),
      remarks,
    );
    const t0 = performance.now();
    result = await assembleDossier(input, { onProgress: (d, t) => progress.push([d, t]) });
    const cold = performance.now() - t0;
    const t1 = performance.now();
    const again = await assembleDossier(input);
    const warm = performance.now() - t1;
    expect(Buffer.from(again.pdf).equals(Buffer.from(result.pdf))).toBe(true); // a rebuild is byte-identical
    pdf = await inspectPdf(result.pdf);
    catalogPages = result.pages - 1 - sample.reduce((n, s) => n + s.pages, 0) - 1;
    console.log(
      `[dossier] ${sample.filter((s) => s.item.content.kind === 'pdf').length} documents + ` +
        `${sample.filter((s) => s.item.content.kind === 'image').length} photos → ${result.pages} pages, ` +
        `${(result.pdf.length / 1024).toFixed(0)} KiB; cold ${cold.toFixed(0)} ms (first build in the process), warm ${warm.toFixed(0)} ms`,
    );
    expect(warm).toBeLessThan(2000);
  });

  it('orders cover, catalog, documents and 备考表, and counts them', () => {
    expect(catalogPages).toBeGreaterThanOrEqual(1);
    expect(pdf.pages.length).toBe(result.pages);
    expect(result.pages).toBe(1 + catalogPages + 18 + 1);
    expect(pdf.pages[1]?.text).toContain('卷内目录');
    expect(pdf.pages[pdf.pages.length - 1]?.text).toContain('备考表');
  });

  it('puts the case on the cover', () => {
    const cover = squash(pdf.pages[0]?.text ?? '');
    for (const s of [
      '行政处罚案卷',
      '（正卷）',
      '黔东南州生态环境局',
      input.caseTitle,
      input.caseNumber,
      input.partyName,
      '2025年3月5日',
      '2025年5月20日',
      '保管期限：30年',
      '立卷人：张三',
      '本卷共13件19页',
    ])
      expect(cover).toContain(s);
    // The 备考表 states the same 件数 and 页数 (its own page included) and the same 立卷人.
    const remarks = squash(pdf.pages[pdf.pages.length - 1]?.text ?? '');
    expect(remarks).toContain('本卷共有文件材料13件，共19页。');
    expect(remarks).toContain('立卷人：张三');
    expect(result).toMatchObject({ items: 13, numberedPages: 19 });
  });

  it('names the volume in the PDF’s Title, as a viewer’s title bar shows it', async () => {
    const doc = await PDFDocument.load(result.pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe(`${input.caseTitle}（正卷）`);
    expect(doc.getSubject()).toBe(input.caseNumber);
  });

  it('lists every document in 卷内目录 with its page range', () => {
    const text = squash(
      pdf.pages
        .slice(1, 1 + catalogPages)
        .map((p) => p.text)
        .join(''),
    );
    for (const h of ['卷内目录', '序号', '文号', '责任者', '题名', '日期', '页号']) expect(text).toContain(h);
    let first = 1;
    sample.forEach((s, i) => {
      const page = s.pages === 1 ? String(first) : `${first}-${first + s.pages - 1}`;
      expect(result.catalog[i]).toEqual({
        seq: i + 1,
        number: s.item.number,
        author: s.item.author,
        title: s.item.title,
        date: s.item.date,
        page,
      });
      expect(text).toContain(rowText(i + 1, s.item.number, s.item.author, s.item.title, s.item.date, page));
      first += s.pages;
    });
    expect(result.catalog.map((r) => r.page).slice(0, 5)).toEqual(['1-2', '3', '4', '5-7', '8']);
  });

  it('numbers the documents and 备考表 1..N in the bottom-right corner as seen, and not the cover or catalog', () => {
    pdf.pages.forEach((page, i) => {
      const n = i - catalogPages; // 0-based page index i; the first document is page 1
      if (n < 1) expect(cornerNumber(page)).toBeUndefined();
      else expect(cornerNumber(page), `page ${i + 1}`).toBe(String(n));
    });
    // The rotated report is seen landscape and is still numbered in its seen corner.
    const rotated = pdf.pages[catalogPages + 13];
    expect(rotated && rotated.width > rotated.height).toBe(true);
    expect(rotated?.text).toContain('Fixture 2 page 1 of 2');
  });

  it('keeps the documents’ own pages and text', () => {
    expect(pdf.pages[catalogPages + 1]?.text).toContain('Fixture 2 page 1 of 2');
    expect(pdf.pages[catalogPages + 7]?.text).toContain('Fixture 3 page 3 of 3');
  });

  it('makes a page for each photo with its title and 证据说明', () => {
    sample.forEach((s, i) => {
      if (s.item.content.kind !== 'image') return;
      const page = squash(pdf.pages[catalogPages + Number(result.catalog[i]!.page)]?.text ?? '');
      expect(page).toContain(s.item.title);
      expect(page).toContain(`证据说明：${s.item.content.caption}`);
    });
  });

  it('fills in 备考表', () => {
    const text = squash(pdf.pages[pdf.pages.length - 1]?.text ?? '');
    for (const s of [
      '本卷情况说明',
      `1．${remarks[0]}`,
      `2．${remarks[1]}`,
      '立卷人：张三',
      '检查人：李四',
      '立卷时间：2025年5月28日',
    ]) {
      expect(text).toContain(squash(s));
    }
  });

  it('bookmarks cover, catalog, each document and 备考表 at their pages', () => {
    const titles = ['封面', '卷内目录', ...sample.map((s) => s.item.title), '备考表'];
    expect(pdf.outline.map((o) => o.title)).toEqual(titles);
    const firstPages = result.catalog.map((r) => catalogPages + Number(r.page.split('-')[0]));
    expect(pdf.outline.map((o) => o.pageIndex)).toEqual([0, 1, ...firstPages, result.pages - 1]);
    expect(pdf.outline.find((o) => o.title === '监测报告')?.kind).toBe('Fit');
    expect(pdf.outline[0]?.kind).toBe('XYZ');
    expect(pdf.pageMode).toBe('UseOutlines');
  });

  it('labels pages in the viewer as they are numbered', () => {
    const numbered = Array.from({ length: 19 }, (_, i) => String(i + 1));
    const catalog = catalogPages === 1 ? ['目录'] : Array.from({ length: catalogPages }, (_, i) => `目录${i + 1}`);
    expect(pdf.labels).toEqual(['封面', ...catalog, ...numbered]);
  });

  it('sets the document information', () => {
    expect(pdf.info).toMatchObject({
      Title: '天柱县某生态养殖场超标排放水污染物案（正卷）',
      Author: '黔东南州生态环境局',
      Subject: '黔东南环罚〔2025〕12号',
      Producer: 'Anjuan',
    });
    expect(String(pdf.info.CreationDate)).toMatch(/^D:20250527160000/);
  });

  it('reports progress up to the total', () => {
    const total = sample.length + 2;
    expect(progress.map(([d]) => d)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(progress.every(([, t]) => t === total)).toBe(true);
  });

  it.runIf(has('pdffonts'))('embeds the Chinese font as a TrueType subset, with no Type 3 font', () => {
    const file = join(work, 'dossier.pdf');
    writeFileSync(file, result.pdf);
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
    expect(fonts).not.toMatch(/Type 3/);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSerifSC-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it.runIf(has('pdftotext'))('extracts as written (no CJK radicals in place of ideographs)', () => {
    const file = join(work, 'dossier-text.pdf');
    writeFileSync(file, result.pdf);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('黔东南州生态环境局');
    expect(text).toContain('现场照片：在线监测仪表读数');
    expect(text).toContain('IMG_0001.jpg'); // digits after Latin letters once became unmapped alternates
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/u);
  });

  it.runIf(has('pdftoppm'))('draws photos upright, applying the EXIF orientation', () => {
    const pageOf = (title: string): number =>
      1 + catalogPages + Number(result.catalog.find((r) => r.title === title)!.page);
    // As stored: red left of blue, landscape.
    const plain = redBlueCentres(result.pdf, pageOf('现场照片：污水处理设施停运'));
    expect(plain.red[0]).toBeLessThan(plain.blue[0]);
    expect(plain.box[0]).toBeGreaterThan(plain.box[1]);
    // Orientation 6 (turn 90° clockwise): the left (red) half ends on top, portrait.
    const turned = redBlueCentres(result.pdf, pageOf('现场照片：在线监测仪表读数'));
    expect(turned.red[1]).toBeLessThan(turned.blue[1]);
    expect(turned.box[1]).toBeGreaterThan(turned.box[0]);
  });
});

describe('assembleDossier: edge cases', () => {
  it('still makes cover, catalog and 备考表 with no documents', async () => {
    const { pdf, pages, catalog } = await assembleDossier({ ...caseInput([]), closedOn: null });
    expect(pages).toBe(3);
    expect(catalog).toEqual([]);
    const seen = await inspectPdf(pdf);
    expect(squash(seen.pages[0]!.text)).toContain('本卷共0件1页');
    expect(seen.pages[1]!.text).toContain('卷内目录');
    expect(seen.pages[1]!.text).toContain('无');
    const closing = squash(seen.pages[2]!.text);
    expect(closing).toContain('本卷情况说明：无');
    expect(cornerNumber(seen.pages[2]!)).toBe('1');
    expect(seen.outline.map((o) => [o.title, o.pageIndex])).toEqual([
      ['封面', 0],
      ['卷内目录', 1],
      ['备考表', 2],
    ]);
    expect(seen.labels).toEqual(['封面', '目录', '1']);
  });

  it('runs a long catalog over several pages, repeating the header, and long notes over several 备考表', async () => {
    const one = await fixturePdf('x', { pages: 1 });
    const items = Array.from({ length: 40 }, (_, i) =>
      pdfItem(`第${i + 1}份调查询问笔录`, one, `黔东南环询〔2025〕${i + 1}号`),
    );
    const notes = Array.from(
      { length: 40 },
      (_, i) => `第${i + 1}条说明：本卷第${i + 1}页所附材料为复印件，原件由当事人保存，经核对与原件一致。`,
    );
    const { pdf, pages } = await assembleDossier(caseInput(items, notes));
    const seen = await inspectPdf(pdf);
    const catalogPages = seen.pages.filter((p) => p.text.includes('卷内目录')).length;
    const closingPages = seen.pages.filter((p) => p.text.includes('备考表')).length;
    expect(catalogPages).toBeGreaterThan(1);
    expect(closingPages).toBeGreaterThan(1);
    expect(pages).toBe(1 + catalogPages + 40 + closingPages);
    for (const p of seen.pages.slice(1, 1 + catalogPages))
      for (const h of ['序号', '文号', '责任者', '题名', '日期', '页号']) expect(p.text).toContain(h);
    const text = squash(
      seen.pages
        .slice(1, 1 + catalogPages)
        .map((p) => p.text)
        .join(''),
    );
    for (const [i, it] of items.entries())
      expect(text).toContain(rowText(i + 1, it.number, it.author, it.title, it.date, String(i + 1)));
    // Signatures only on the last 备考表, which carries the last number.
    expect(seen.pages.filter((p) => p.text.includes('立卷人') && p.text.includes('备考表')).length).toBe(1);
    // The count line on the last 备考表 counts all of them.
    expect(squash(seen.pages[pages - 1]!.text)).toContain(`本卷共有文件材料40件，共${40 + closingPages}页。`);
    expect(cornerNumber(seen.pages[pages - 1]!)).toBe(String(40 + closingPages));
    expect(squash(seen.pages[pages - 1]!.text)).toContain('40．第40条说明');
  });

  it.each([
    ['text', Buffer.from('这不是图片')],
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj<<>>endobj\n', 'latin1')],
    ['a GIF', Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')],
    ['a PNG cut short', pngBytes(20, 20, [1, 2, 3], [4, 5, 6]).subarray(0, 40)],
  ])('rejects %s filed as a photo with NOT_AN_IMAGE naming the item', async (_, bytes) => {
    const items = [
      pdfItem('送达回证', await fixturePdf('r', { pages: 1 })),
      photoItem('现场照片：排污口', bytes, '排污口'),
    ];
    const failure = await assembleDossier(caseInput(items)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('NOT_AN_IMAGE');
    expect((failure as AppError).message).toContain('现场照片：排污口');
  });

  it('rejects a document whose PDF cannot be read, naming it', async () => {
    const failure = await assembleDossier(caseInput([pdfItem('询问笔录', Buffer.from('not a pdf at all'))])).catch(
      (e: unknown) => e,
    );
    expect((failure as AppError).code).toBe('INTEGRITY');
    expect((failure as AppError).message).toContain('询问笔录');
  });

  it('keeps the page number in place when a document leaves a transformation in force', async () => {
    const { pdf } = await assembleDossier(
      caseInput([pdfItem('询问笔录', await fixturePdf('t', { pages: 1, leaveTransform: true }))]),
    );
    const seen = await inspectPdf(pdf);
    expect(cornerNumber(seen.pages[2]!)).toBe('1');
  });
});
