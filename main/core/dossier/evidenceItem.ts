/**
 * One piece of evidence as the dossier files it: a photo on its 现场照片 page (print copy), paper
 * scans as pages (a PDF's own pages; a TIFF's or an image's pages fitted to A4), and what cannot be
 * printed — recordings, videos, office files — as a listing page naming the file, its hash and what
 * it shows. The format is read from the stored bytes, not from what the upload said.
 */
import type { EvidenceRecord } from '#common/schemas/cases.js';
import { evidenceKindNames, fileFormats, sniffBytes, sniffFormat } from '#common/evidenceFiles.js';
import { printCopy } from './printPhoto.js';
import { scanToPdf } from './scanPages.js';
import type { DossierItem } from './types.js';

const titles: Record<EvidenceRecord['kind'], string> = {
  photo: '现场照片',
  scan: '书证',
  audio: '录音',
  video: '录像',
  office: '电子文件',
  sampling: '采样监测',
  other: '证据',
  execution: '执行凭证',
};

export const evidenceTitle = (e: EvidenceRecord): string => `${titles[e.kind]}：${e.description}`;

/** “2.4 MB” / “812 KB”. */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A WAV's length from its header (the byte rate and the data chunk's size), e.g. “3分07秒”; null when not plain PCM. */
export function wavDuration(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  let byteRate = 0;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const size = view.getUint32(at + 4, true);
    if (tag(at) === 'fmt ' && at + 16 <= bytes.length) byteRate = view.getUint32(at + 16, true);
    if (tag(at) === 'data' && byteRate > 0) {
      const seconds = Math.round(size / byteRate);
      return `${Math.floor(seconds / 60)}分${String(seconds % 60).padStart(2, '0')}秒`;
    }
    at += 8 + size + (size % 2);
  }
  return null;
}

function listingRows(e: EvidenceRecord, bytes: Uint8Array | null): Array<[string, string]> {
  const format = bytes ? sniffFormat(bytes.subarray(0, sniffBytes)) : null;
  const duration = bytes && format === 'wav' ? wavDuration(bytes) : null;
  return [
    ['证据类别', evidenceKindNames[e.kind]],
    ['文件名', e.fileName],
    ['文件格式', format ? fileFormats[format].name : e.mimeType],
    ...(duration ? [['时长', duration] as [string, string]] : []),
    ['文件大小', sizeText(e.size)],
    ['SHA-256', e.hash],
    ['取证时间', `${e.takenOn}${e.takenAt ? ` ${e.takenAt}` : ''}`],
    ['取证地点', e.place ?? ''],
    ['证据来源', e.source ?? ''],
    ['取证人', (e.collectors ?? []).join('、')],
    ['证明内容', e.description],
  ];
}

/** The dossier item of one piece of evidence; `read` gives the stored file's bytes (checked against its hash). */
export async function evidenceItem(
  e: EvidenceRecord,
  read: (hash: string) => Uint8Array,
  author: string,
): Promise<DossierItem> {
  const title = evidenceTitle(e);
  const base = { number: '', author, title, date: e.takenOn };
  // Recordings and videos are not read whole for their listing (only a WAV, for its length).
  if (e.kind === 'audio' || e.kind === 'video')
    return {
      ...base,
      content: { kind: 'listing', rows: listingRows(e, e.mimeType === 'audio/wav' ? read(e.hash) : null) },
    };
  const bytes = read(e.hash);
  const format = sniffFormat(bytes.subarray(0, sniffBytes));
  const image = format === 'jpeg' || format === 'png';
  if ((e.kind === 'photo' || e.kind === 'execution') && (image || !format))
    return {
      ...base,
      content: {
        kind: 'image',
        // Every item is loaded before the volumes are assembled: a photo is held as its print copy
        // (a few hundred KB), the original read one at a time and let go.
        bytes: await printCopy(bytes, title),
        mimeType: e.mimeType,
        caption: `${e.description}（${e.kind === 'execution' ? '日期' : '拍摄日期'}：${e.takenOn}，文件：${e.fileName}）`,
      },
    };
  if (format === 'pdf') return { ...base, content: { kind: 'pdf', bytes } };
  if (format === 'tiff' || image) return { ...base, content: { kind: 'pdf', bytes: await scanToPdf(bytes, title) } };
  return { ...base, content: { kind: 'listing', rows: listingRows(e, bytes) } };
}
