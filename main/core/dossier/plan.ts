/**
 * What goes into the case file and in what order the rules put it, before anything is converted:
 * the newest version of each document and the evidence, each with its volume, its group of the
 * manifest's order (common/dossierOrder.ts says what a reviewer may change within it), whether it
 * is a draft, and a loader for its pages. Order after the 2010 rule: each 送达回证 right after the
 * document it proves, photos after the investigation records, the execution record after the
 * 强制执行申请书.
 */
import type { CaseState, DocumentRecord } from '#common/schemas/cases.js';
import type { TemplateInfo } from '#common/schemas/documents.js';
import type { OrderItem } from '#common/dossierOrder.js';
import { docType, isDossierSheet } from '#common/documentTypes.js';
import type { BlobStore } from '../store/blobStore.js';
import type { PdfService } from '../documents/pdfService.js';
import { documentSlot, receiptFieldKeys } from '../documents/names.js';
import { chinaDate } from '../domain/dates.js';
import type { DossierItem } from './types.js';
import { volumeOf } from './volumes.js';
import { evidenceItem, evidenceTitle, measureWith } from './evidenceItem.js';

export interface PlanDeps {
  /** `localPath`: where a recording is, to measure one recorded before lengths were kept (evidenceItem.ts). */
  blobs: Pick<BlobStore, 'get'> & Partial<Pick<BlobStore, 'localPath'>>;
  pdf: Pick<PdfService, 'pdfFor'>;
  manifest: TemplateInfo[];
  bureauName: string;
}

/** One item of the file in the rules' order, with the loader of its pages. */
export interface PlannedEntry extends OrderItem {
  key: number;
  item: () => Promise<DossierItem>;
}

/** The newest version of each document; receipts are kept one per served document. */
export function currentDocuments(documents: DocumentRecord[]): DocumentRecord[] {
  const latest = new Map<string, DocumentRecord>();
  for (const d of documents) {
    latest.set(documentSlot(d), d);
  }
  return [...latest.values()];
}

function sortKey(d: DocumentRecord, manifest: TemplateInfo[]): number {
  const order = (id: string): number => manifest.find((t) => t.id === id)?.order ?? 999;
  // Rounds of a track in the order they happened, each receipt right after the round's document it
  // proves (it is made later on the same track, before the next round's document).
  const round = (d.trackStep ?? 0) * 0.0004;
  if (d.type === docType.serviceReceipt) {
    const served = manifest.find((t) => t.id === d.fields[receiptFieldKeys.servedDocument]);
    return served ? served.order + (d.track ? round + 0.0002 : 0.5) : order(d.type);
  }
  return order(d.type) + round;
}

/**
 * The manifest's groups (each entry's `group`): a key belongs to the group of the type whose order is
 * its whole part. A group is numbered by its first order and named by its first and last types.
 */
export function manifestGroups(manifest: TemplateInfo[]): (key: number) => { band: number; bandLabel: string } {
  const byOrder = new Map(manifest.map((t) => [t.order, t]));
  return (key) => {
    const whole = Math.floor(key);
    const own = byOrder.get(whole);
    if (!own) return { band: whole, bandLabel: '文书清单未列明的材料' };
    const members = manifest.filter((t) => t.group === own.group).sort((a, b) => a.order - b.order);
    const [first, last] = [members[0]!, members.at(-1)!];
    return { band: first.order, bandLabel: first === last ? first.name : `${first.name}至${last.name}` };
  };
}

const documentTitle = (d: DocumentRecord): string =>
  `${d.name.replace(/[《》]/g, '')}${d.number ? `（${d.number}）` : ''}`;

/** The file's items in the rules' order (both volumes; the 案卷评查表 is added when binding). */
export function dossierPlan(state: CaseState, deps: PlanDeps): PlannedEntry[] {
  const group = manifestGroups(deps.manifest);
  // The assembler draws its own cover, 卷内目录 and 备考表: printed copies of those sheets are not filed twice.
  const docs = currentDocuments(state.documents)
    .filter((d) => !isDossierSheet(d.type))
    .sort((a, b) => sortKey(a, deps.manifest) - sortKey(b, deps.manifest));
  const entries: Array<PlannedEntry & { doc?: DocumentRecord }> = [];
  for (const d of docs) {
    const key = sortKey(d, deps.manifest);
    entries.push({
      id: `doc:${documentSlot(d)}`,
      title: documentTitle(d),
      // A 送达回证 goes where its own manifest entry says (正卷), whatever it proves.
      volume: volumeOf(d.type, deps.manifest),
      ...group(key),
      draft: !d.finalised,
      key,
      doc: d,
      item: async () => {
        // A finalised document is filed as sealed; a draft as rendered.
        const pdfHash = d.finalised?.pdfHash ?? (await deps.pdf.pdfFor(d.docxHash)).pdfHash;
        return {
          number: d.number ?? '',
          author: deps.bureauName,
          title: d.name.replace(/[《》]/g, ''),
          date: chinaDate(new Date(d.generatedAt)),
          content: { kind: 'pdf', bytes: deps.blobs.get(pdfHash) },
        };
      },
    });
  }
  // Evidence proves the facts: it stays in the 正卷, after the investigation records (evidenceItem.ts
  // says how each kind is filed). The
  // execution record (缴款凭证, the court's papers) is filed with the execution, before 结案 (2010 rule).
  const photoAfter = deps.manifest.find((t) => t.id === docType.inspectionRecord)?.order ?? 0;
  const executionAfter = deps.manifest.find((t) => t.id === docType.enforcementApplication)?.order ?? photoAfter;
  state.evidence.forEach((e, i) => {
    const key = (e.kind === 'execution' ? executionAfter : photoAfter) + 0.6 + i / 1000;
    entries.push({
      id: `evidence:${e.id}`,
      title: evidenceTitle(e),
      volume: '正卷',
      ...group(key),
      draft: false,
      key,
      item: () => evidenceItem(e, (hash) => deps.blobs.get(hash), deps.bureauName, measureWith(deps.blobs)),
    });
  });
  entries.sort((a, b) => a.key - b.key);
  attachReceipts(entries, state.documents);
  return entries.map(({ doc: _doc, ...e }) => e);
}

/**
 * A receipt the rules put right after the document it proves (or after that document's other
 * receipts) is kept there; it is named after that document.
 */
function attachReceipts(entries: Array<PlannedEntry & { doc?: DocumentRecord }>, all: DocumentRecord[]): void {
  entries.forEach((e, n) => {
    if (e.doc?.type !== docType.serviceReceipt) return;
    const servedId = e.doc.fields[receiptFieldKeys.servedDocumentId];
    const servedDoc = servedId ? all.find((d) => d.id === servedId) : undefined;
    const proves = (x: PlannedEntry & { doc?: DocumentRecord }): boolean =>
      servedDoc
        ? x.id === `doc:${documentSlot(servedDoc)}`
        : x.doc?.type === e.doc!.fields[receiptFieldKeys.servedDocument];
    const prev = entries[n - 1];
    const target = prev ? entries.find((x) => x.id === (prev.follows ?? prev.id)) : undefined;
    if (target && proves(target)) {
      e.follows = target.id;
      e.title = `送达回证（${target.title}）`;
    }
  });
}
