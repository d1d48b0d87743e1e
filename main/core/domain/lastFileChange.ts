/**
 * When a case's documents or evidence last changed. A binding (组卷) older than this is not the file as
 * it stands: 归档 refuses it (guards.ts `dataDossierMatchesArchive`) and so does the 电子档案包 export.
 * The printed 卷宗封面, 卷内目录 and 备考表 copy the binding and do not count.
 */
import type { CaseState } from '#common/schemas/cases.js';
import { isDossierSheet } from '#common/documentTypes.js';

export function lastFileChange(state: Pick<CaseState, 'documents' | 'evidence'>): string {
  const filed = state.documents.filter((x) => !isDossierSheet(x.type));
  return (
    [...filed.flatMap((x) => [x.generatedAt, x.finalised?.at ?? '']), ...state.evidence.map((e) => e.addedAt)]
      .sort()
      .at(-1) ?? ''
  );
}
