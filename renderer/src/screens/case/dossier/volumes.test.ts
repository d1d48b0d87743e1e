import { describe, expect, it } from 'vitest';
import type { DossierOutput } from '#common/schemas/documents';
import { volumesOf } from './volumes';

const row = { seq: 1, number: '', author: '局', title: '案件处理内部审批表', date: '2026-03-05', page: '1-2' };

describe('volumesOf', () => {
  it('shows what this session’s 组卷 returned, catalogs included', () => {
    const built: DossierOutput = {
      pdfHash: 'a',
      pages: 12,
      catalog: [],
      builtAt: '2026-03-26T02:00:00Z',
      volumes: [
        { volume: '正卷', pdfHash: 'a', pages: 12, catalog: [] },
        { volume: '副卷', pdfHash: 'b', pages: 5, catalog: [row] },
      ],
    };
    expect(volumesOf(built, null)).toEqual(built.volumes);
  });

  it('reads both volumes from the case record, without catalogs', () => {
    const stored = {
      pdfHash: 'a',
      pages: 12,
      builtAt: 'x',
      volumes: [
        { volume: '正卷' as const, pdfHash: 'a', pages: 12 },
        { volume: '副卷' as const, pdfHash: 'b', pages: 5 },
      ],
    };
    expect(volumesOf(null, stored)).toEqual([
      { volume: '正卷', pdfHash: 'a', pages: 12, catalog: null },
      { volume: '副卷', pdfHash: 'b', pages: 5, catalog: null },
    ]);
  });

  it('takes a dossier bound before there were two volumes as the 正卷; nothing when none was bound', () => {
    expect(volumesOf(null, { pdfHash: 'a', pages: 9, builtAt: 'x' })).toEqual([
      { volume: '正卷', pdfHash: 'a', pages: 9, catalog: null },
    ]);
    expect(volumesOf(null, null)).toEqual([]);
  });
});
