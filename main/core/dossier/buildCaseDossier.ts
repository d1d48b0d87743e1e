/**
 * Binds a case's file: picks the documents and evidence that belong in it, orders them as the
 * manifest says (正卷 order after the 2010 rule: each 送达回证 right after the document it proves,
 * photos after the investigation records), converts each to PDF and hands them to the assembler.
 */
import type { CaseState, DocumentRecord } from '../../../common/schemas/cases.js';
import type { TemplateInfo } from '../../../common/schemas/documents.js';
import type { BlobStore } from '../store/blobStore.js';
import type { PdfService } from '../documents/pdfService.js';
import { documentSlot, receiptFieldKeys } from '../documents/names.js';
import { chinaDate } from '../domain/dates.js';
import { assembleDossier, type CatalogRow, type DossierItem } from './assemble.js';

export interface DossierDeps { blobs: BlobStore; pdf: PdfService; manifest: TemplateInfo[]; bureauName: string }

/** The newest version of each document; receipts are kept one per served document. */
const ownSheets = new Set(['dossier-cover', 'dossier-catalog', 'dossier-remarks']);

export function currentDocuments(documents: DocumentRecord[]): DocumentRecord[] {
  const latest = new Map<string, DocumentRecord>();
  for (const d of documents) {
    latest.set(documentSlot(d.type, d.fields), d);
  }
  return [...latest.values()];
}

function sortKey(d: DocumentRecord, manifest: TemplateInfo[]): number {
  const order = (id: string): number => manifest.find((t) => t.id === id)?.order ?? 999;
  if (d.type === 'service-receipt') {
    const served = manifest.find((t) => `${t.name}` === d.fields[receiptFieldKeys.servedDocument]);
    return served ? served.order + 0.5 : order(d.type);
  }
  return order(d.type);
}

export async function buildCaseDossier(state: CaseState, deps: DossierDeps, today: string, builtBy: string,
  onProgress?: (done: number, total: number) => void): Promise<{ pdf: Uint8Array; pages: number; catalog: CatalogRow[] }> {
  // The assembler draws its own cover, 卷内目录 and 备考表: printed copies of those sheets are not filed twice.
  const docs = currentDocuments(state.documents).filter((d) => !ownSheets.has(d.type))
    .sort((a, b) => sortKey(a, deps.manifest) - sortKey(b, deps.manifest));
  const photoAfter = deps.manifest.find((t) => t.id === 'inspection-record')?.order ?? 0;
  const entries: Array<{ key: number; item: () => Promise<DossierItem> }> = [];
  for (const d of docs) {
    entries.push({ key: sortKey(d, deps.manifest), item: async () => {
      // A finalised document is filed as sealed; a draft as rendered.
      const pdfHash = d.finalised?.pdfHash ?? (await deps.pdf.pdfFor(d.docxHash)).pdfHash;
      return { number: d.number ?? '', author: deps.bureauName, title: d.name.replace(/[《》]/g, ''), date: chinaDate(new Date(d.generatedAt)),
        content: { kind: 'pdf', bytes: deps.blobs.get(pdfHash) } };
    } });
  }
  state.evidence.forEach((e, i) => {
    entries.push({ key: photoAfter + 0.6 + i / 1000, item: async () => ({
      number: '', author: deps.bureauName, title: `现场照片：${e.description}`, date: e.takenOn,
      content: { kind: 'image', bytes: deps.blobs.get(e.hash), mimeType: e.mimeType, caption: `${e.description}（拍摄日期：${e.takenOn}，文件：${e.fileName}）` },
    }) });
  });
  entries.sort((a, b) => a.key - b.key);
  const items: DossierItem[] = [];
  for (const [i, e] of entries.entries()) {
    items.push(await e.item());
    onProgress?.(i + 1, entries.length + 1);
  }
  const remarks = [
    ...state.approvals.filter((a) => a.comment).map((a) => `${chinaDate(new Date(a.at))} ${a.byName}：${a.comment}`),
    // A head's decision to proceed past a failed legality-review rule must be visible to anyone reading the file.
    ...state.overrides.map((o) => `${o.on} ${o.byName}：合法性审查“${o.ruleName}”未通过，决定继续办理。理由：${o.reason}`),
    ...state.tracks.map((t) => `${t.name}：${t.startedOn}启动${t.endedOn ? `，${t.endedOn}办结` : '，尚未办结'}`),
  ];
  return assembleDossier({
    bureauName: deps.bureauName, caseNumber: state.number, caseTitle: `${state.party.name}${state.violation.name}案`,
    partyName: state.party.name, filedOn: state.filedOn, closedOn: state.closedOn, volume: '正卷', retention: '长期',
    items, remarks, preparedBy: builtBy, checkedBy: '', builtOn: today,
  }, { onProgress: (done, total) => onProgress?.(entries.length + done, entries.length + total) });
}
