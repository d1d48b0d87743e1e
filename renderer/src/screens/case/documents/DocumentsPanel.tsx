/** 文书: every document of the case, with 预览 / 打印 / 下载DOCX. */
import { useState } from 'react';
import type { CaseView } from '#common/schemas/cases';
import { PdfPreviewDialog } from '#renderer/preview/PdfPreviewDialog';
import type { PdfSource } from '#renderer/preview/pdfSource';
import { DocumentTable } from './DocumentTable';
import { titleOf } from './documentTitle';

export function DocumentsPanel({ view, onChanged, focus }: { view: CaseView; onChanged(): void; focus?: string }) {
  const [preview, setPreview] = useState<PdfSource | null>(null);
  return (
    <>
      <DocumentTable
        caseId={view.state.id}
        documents={view.state.documents}
        gates={view.documentGates}
        focus={focus}
        onPreview={(d) => setPreview({ kind: 'document', caseId: view.state.id, documentId: d.id, title: titleOf(d) })}
        onChanged={onChanged}
      />
      {preview && <PdfPreviewDialog source={preview} onClose={() => setPreview(null)} />}
    </>
  );
}
