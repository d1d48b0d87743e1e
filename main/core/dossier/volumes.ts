/**
 * A case file is bound as two volumes: the 正卷, the record that may be shown to the party and to a
 * court, and the 副卷, the bureau's internal deliberation (审批表, 法制审核, 集体讨论, 听证报告 …).
 * Which volume a document type belongs to is data: the manifest's `volume`.
 */
import type { TemplateInfo } from '#common/schemas/documents.js';

export type Volume = TemplateInfo['volume'];

/**
 * The volume a document of `type` is filed in. A type the manifest does not know (a template loaded
 * for a type added after this release) goes to the 正卷: only what the manifest marks as internal
 * leaves the record, so nothing drops out of the file a court receives without someone deciding so.
 */
export function volumeOf(type: string, manifest: TemplateInfo[]): Volume {
  return manifest.find((t) => t.id === type)?.volume ?? '正卷';
}

/**
 * What each volume's 备考表 says about the other, so a reader of either knows the case has two:
 * counted in items (卷内文件), which are known before either volume is laid out.
 */
export function crossReference(volume: Volume, counts: { main: number; side: number }): string {
  return volume === '正卷'
    ? `本案另立副卷一卷，卷内文件${counts.side}件。`
    : `本卷为本案副卷，卷内文件${counts.side}件；正卷另行装订，卷内文件${counts.main}件。`;
}
