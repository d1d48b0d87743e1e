/** The dossier's volumes as the panel shows them: from this session's 组卷, or from the case's last one. */
import type { CaseView } from '#common/schemas/cases';
import type { DossierOutput, DossierVolume } from '#common/schemas/documents';

/** A bound volume; its catalog is known only right after 组卷 (the case record keeps hash and pages). */
export type ShownVolume = Omit<DossierVolume, 'catalog'> & { catalog: DossierVolume['catalog'] | null };

export function volumesOf(built: DossierOutput | null, stored: CaseView['state']['dossier']): ShownVolume[] {
  if (built) return built.volumes;
  if (!stored) return [];
  // A dossier bound before the 副卷 was bound apart lists no volumes: its one PDF is the 正卷.
  const volumes = stored.volumes ?? [];
  return volumes.length > 0
    ? volumes.map((v) => ({ volume: v.volume, pdfHash: v.pdfHash, pages: v.pages, catalog: null }))
    : [{ volume: '正卷', pdfHash: stored.pdfHash, pages: stored.pages, catalog: null }];
}

/** What the clerk is told a volume is for. */
export const volumeHints: Record<DossierVolume['volume'], string> = {
  正卷: '案件的正式记录：决定书、送达回证、立案审批、调查取证材料、证据照片等',
  副卷: '内部审查讨论材料：内部审批表、法制审核、集体讨论、听证报告等，单独装订',
};
