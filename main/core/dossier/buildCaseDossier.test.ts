/**
 * The case file bound as two volumes: 正卷 (the record) and 副卷 (internal deliberation), each with
 * its own cover, 卷内目录, numbering from 1, bookmarks and 备考表; photos and types the manifest does
 * not know stay in the 正卷; no 副卷 when nothing belongs in it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '#common/schemas/cases.js';
import { applyEvent } from '../domain/caseReducer.js';
import { loadManifest } from '../documents/manifest.js';
import { event, openedCase } from '../testing/procedureCase.js';
import { buildCaseDossier, type BuiltVolume, type DossierDeps } from './buildCaseDossier.js';
import { cornerNumber, inspectPdf, type InspectedPdf } from './testPdf.js';
import { fixturePdf, pngBytes } from './testFixtures.js';

const manifest = loadManifest();
const squash = (s: string): string => s.replace(/\s+/g, '');
const nameOf = (type: string): string => manifest.find((t) => t.id === type)?.name ?? '新增文书类型';

/** Fixture files by hash: each document's PDF says "Fixture <type> page p of n". */
const blobs = new Map<string, Buffer>();
const deps: DossierDeps = {
  blobs: {
    get: (hash) => {
      const b = blobs.get(hash);
      if (!b) throw new Error(`no blob ${hash}`);
      return b;
    },
  },
  pdf: { pdfFor: async (docxHash) => ({ pdfHash: `pdf:${docxHash}`, pages: 1, engine: 'fake' }) },
  manifest,
  bureauName: '黔东南州生态环境局',
  retention: '30年',
};

async function withDocument(
  s: CaseState,
  type: string,
  pages: number,
  fields: Record<string, string> = {},
  number: string | null = null,
): Promise<CaseState> {
  const docxHash = `docx:${type}:${s.version}`;
  blobs.set(`pdf:${docxHash}`, Buffer.from(await fixturePdf(type, { pages })));
  return applyEvent(
    s,
    event(s, {
      type: 'document.generated',
      payload: {
        id: `d${s.version}`,
        type,
        name: `《${nameOf(type)}》`,
        number,
        version: 1,
        docxHash,
        templateVersion: '1',
        generatedAt: '2026-03-10T02:00:00.000Z',
        generatedBy: '张伟',
        fields,
      },
    }),
  );
}

function withPhoto(s: CaseState, description: string): CaseState {
  const hash = `photo:${s.version}`;
  blobs.set(hash, Buffer.from(pngBytes(40, 30, [0, 160, 0], [230, 200, 0])));
  return applyEvent(
    s,
    event(s, {
      type: 'evidence.added',
      payload: {
        id: `p${s.version}`,
        kind: 'photo',
        fileName: 'IMG_0001.png',
        mimeType: 'image/png',
        hash,
        size: 1,
        description,
        takenOn: '2026-03-03',
        addedAt: '',
        addedBy: '',
      },
    }),
  );
}

/** Documents of both volumes, created out of filing order, plus a photo and a type the manifest lacks. */
async function twoVolumeCase(): Promise<CaseState> {
  let s = openedCase('2026-03-02');
  s = await withDocument(s, 'filing-approval', 1);
  s = await withDocument(s, 'inspection-record', 2);
  s = withPhoto(s, '1号排气筒排放状况');
  s = await withDocument(s, 'internal-approval', 2);
  s = await withDocument(s, 'legal-review-opinion', 1);
  s = await withDocument(s, 'penalty-decision', 1, {}, '黔东南环天罚字〔2026〕1号');
  s = await withDocument(s, 'service-receipt', 1, { servedDocument: '行政处罚决定书' });
  s = await withDocument(s, 'future-type', 1);
  // Printed copies of the sheets the assembler draws itself are not filed.
  s = await withDocument(s, 'dossier-cover', 1);
  return s;
}

describe('buildCaseDossier: 正卷 and 副卷', () => {
  let volumes: BuiltVolume[];
  let main: BuiltVolume;
  let side: BuiltVolume;
  let mainPdf: InspectedPdf;
  let sidePdf: InspectedPdf;
  const progress: Array<[number, number]> = [];

  beforeAll(async () => {
    volumes = await buildCaseDossier(await twoVolumeCase(), deps, '2026-03-26', '张伟', (d, t) =>
      progress.push([d, t]),
    );
    [main, side] = volumes as [BuiltVolume, BuiltVolume];
    mainPdf = await inspectPdf(main.pdf);
    sidePdf = await inspectPdf(side.pdf);
  });

  it('binds the 正卷 first and the 副卷 as a second volume', () => {
    expect(volumes.map((v) => v.volume)).toEqual(['正卷', '副卷']);
    expect(mainPdf.pages.length).toBe(main.pages);
    expect(sidePdf.pages.length).toBe(side.pages);
  });

  it('files each document in the volume its manifest entry names; photos and unknown types in the 正卷', () => {
    expect(main.catalog.map((r) => r.title)).toEqual([
      '行政处罚决定书',
      '送达回证',
      '立案审批表',
      '现场检查(勘察)笔录',
      '现场照片：1号排气筒排放状况',
      '新增文书类型',
    ]);
    expect(side.catalog.map((r) => r.title)).toEqual(['案件处理内部审批表', '法制审核意见书']);
    const mainText = mainPdf.pages.map((p) => p.text).join('\n');
    const sideText = sidePdf.pages.map((p) => p.text).join('\n');
    expect(sideText).toContain('Fixture internal-approval page 2 of 2');
    expect(sideText).toContain('Fixture legal-review-opinion page 1 of 1');
    expect(mainText).not.toContain('internal-approval');
    expect(mainText).not.toContain('legal-review-opinion');
    expect(mainText).toContain('Fixture future-type page 1 of 1');
    expect(sideText).not.toContain('penalty-decision');
    expect(sideText).not.toContain('现场照片');
    expect(mainText + sideText).not.toContain('dossier-cover');
  });

  it('lists only the volume’s documents in its catalog, with page ranges from 1', () => {
    expect(main.catalog.map((r) => [r.seq, r.page])).toEqual([
      [1, '1'],
      [2, '2'],
      [3, '3'],
      [4, '4-5'],
      [5, '6'],
      [6, '7'],
    ]);
    expect(side.catalog).toEqual([
      {
        seq: 1,
        number: '',
        author: '黔东南州生态环境局',
        title: '案件处理内部审批表',
        date: '2026-03-10',
        page: '1-2',
      },
      { seq: 2, number: '', author: '黔东南州生态环境局', title: '法制审核意见书', date: '2026-03-10', page: '3' },
    ]);
    const sideCatalog = squash(sidePdf.pages[1]!.text);
    expect(sideCatalog).toContain('卷内目录');
    expect(sideCatalog).toContain('副卷');
    expect(sideCatalog).toContain('案件处理内部审批表');
    expect(sideCatalog).not.toContain('行政处罚决定书');
    expect(squash(mainPdf.pages[1]!.text)).not.toContain('法制审核意见书');
  });

  it('numbers each volume from 1, the 备考表 last', () => {
    // 副卷: cover, catalog, 3 document pages, 备考表.
    expect(side.pages).toBe(6);
    expect(sidePdf.pages.map(cornerNumber)).toEqual([undefined, undefined, '1', '2', '3', '4']);
    expect(sidePdf.labels).toEqual(['封面', '目录', '1', '2', '3', '4']);
    expect(main.pages).toBe(1 + 1 + 7 + 1);
    expect(mainPdf.pages.map(cornerNumber)).toEqual([undefined, undefined, '1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('gives each volume its cover with the same case facts, marked 正卷 or 副卷', () => {
    const mainCover = squash(mainPdf.pages[0]!.text);
    const sideCover = squash(sidePdf.pages[0]!.text);
    for (const s of [
      '行政处罚案卷',
      '测立字〔2026〕1号',
      '天柱某某砂石有限公司超标排放大气污染物案',
      '保管期限：30年',
      '立卷人：张伟',
      '黔东南州生态环境局',
    ]) {
      expect(mainCover).toContain(s);
      expect(sideCover).toContain(s);
    }
    expect(mainCover).toContain('（正卷）');
    expect(mainCover).toContain('本卷共6件8页');
    expect(sideCover).toContain('（副卷）');
    expect(sideCover).toMatch(/本卷共\d+件4页/);
    expect(sidePdf.info.Title).toBe('天柱某某砂石有限公司超标排放大气污染物案（副卷）');
  });

  it('bookmarks each volume’s own parts', () => {
    expect(sidePdf.outline.map((o) => [o.title, o.pageIndex])).toEqual([
      ['封面', 0],
      ['卷内目录', 1],
      ['案件处理内部审批表', 2],
      ['法制审核意见书', 4],
      ['备考表', 5],
    ]);
    expect(mainPdf.outline.map((o) => o.title)).toEqual([
      '封面',
      '卷内目录',
      ...main.catalog.map((r) => r.title),
      '备考表',
    ]);
  });

  it('closes each volume with its own 备考表, each pointing to the other', () => {
    const mainRemarks = squash(mainPdf.pages.at(-1)!.text);
    const sideRemarks = squash(sidePdf.pages.at(-1)!.text);
    expect(mainRemarks).toContain('备考表');
    expect(mainRemarks).toContain('本案另立副卷一卷，卷内文件2件。');
    expect(sideRemarks).toContain('备考表');
    expect(sideRemarks).toContain('本卷为本案副卷，卷内文件2件；正卷另行装订，卷内文件6件。');
    expect(sideRemarks).toContain('立卷人：张伟');
  });

  it('reports progress over both volumes up to the total', () => {
    const total = 8 + (6 + 2) + (2 + 2); // 8 items converted, then each volume's assembly steps
    expect(progress.map(([d]) => d)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(progress.every(([, t]) => t === total)).toBe(true);
  });
});

describe('buildCaseDossier: a case with nothing internal', () => {
  it('binds the 正卷 alone, and its 备考表 mentions no 副卷', async () => {
    let s = openedCase('2026-03-02');
    s = await withDocument(s, 'filing-approval', 1);
    s = withPhoto(s, '排放口');
    const volumes = await buildCaseDossier(s, deps, '2026-03-26', '张伟');
    expect(volumes.map((v) => v.volume)).toEqual(['正卷']);
    expect(volumes[0]!.catalog.map((r) => [r.title, r.page])).toEqual([
      ['立案审批表', '1'],
      ['现场照片：排放口', '2'],
    ]);
    const pdf = await inspectPdf(volumes[0]!.pdf);
    expect(squash(pdf.pages[0]!.text)).toContain('（正卷）');
    expect(squash(pdf.pages.at(-1)!.text)).not.toContain('副卷');
  });
});
