/**
 * The stored files a case's record names: every version of every document (its DOCX, and the sealed
 * PDF once finalised), every evidence file, and the bound volumes of the last 组卷. A package must
 * carry all of them, or the case would not show the same on another workstation. Pure.
 */
import type { CaseState } from '#common/schemas/cases.js';

export interface NamedFile {
  hash: string;
  /** What it is, in Chinese, for a report (“行政处罚决定书第2版（DOCX）”). */
  what: string;
}

/** The volumes of the last binding (a dossier bound before the 副卷 was bound apart has only its 正卷). */
export function boundVolumes(state: CaseState): Array<{
  volume: '正卷' | '副卷';
  pdfHash: string;
  pages: number;
  items: number | null;
  numberedPages: number | null;
}> {
  const d = state.dossier;
  if (!d) return [];
  const volumes = d.volumes?.length ? d.volumes : [{ volume: '正卷' as const, pdfHash: d.pdfHash, pages: d.pages }];
  return volumes.map((v) => ({
    volume: v.volume,
    pdfHash: v.pdfHash,
    pages: v.pages,
    items: 'items' in v ? (v.items ?? null) : null,
    numberedPages: 'numberedPages' in v ? (v.numberedPages ?? null) : null,
  }));
}

export function namedFiles(state: CaseState): NamedFile[] {
  const out: NamedFile[] = [];
  for (const d of state.documents) {
    const name = `${d.name.replace(/[《》]/g, '')}第${d.version}版`;
    out.push({ hash: d.docxHash, what: `${name}（DOCX）` });
    if (d.finalised) out.push({ hash: d.finalised.pdfHash, what: `${name}（盖章PDF）` });
  }
  for (const e of state.evidence) out.push({ hash: e.hash, what: `证据“${e.description || e.fileName}”` });
  for (const v of boundVolumes(state)) out.push({ hash: v.pdfHash, what: `卷宗${v.volume}` });
  return out;
}
