/**
 * One piece of evidence as the dossier files it: a photo on its 现场照片 page (print copy), paper
 * scans as pages (a PDF's own pages; a TIFF's or an image's pages fitted to A4), and what cannot be
 * printed — recordings, videos, office files — as a listing page naming the file, its hash and what
 * it shows (a recording's length and a video's still frame, taken at upload: media/probeEvidence.ts).
 * The format is read from the stored bytes, not from what the upload said (a recording's, which is
 * not read, was read from its bytes at upload).
 */
import type { EvidenceRecord } from '#common/schemas/cases.js';
import { evidenceKindNames, fileFormats, sniffBytes, sniffFormat } from '#common/evidenceFiles.js';
import { durationLabel } from '#common/mediaDuration.js';
import { mediaDuration } from '../media/duration.js';
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

/** What a recording's or video's format is called, from the type recorded at upload (the file is not read). */
function formatName(mimeType: string): string {
  return Object.values(fileFormats).find((f) => f.mimeType === mimeType)?.name ?? mimeType;
}

function listingRows(e: EvidenceRecord, format: string, media: Array<[string, string]> = []): Array<[string, string]> {
  return [
    ['证据类别', evidenceKindNames[e.kind]],
    ['文件名', e.fileName],
    ['文件格式', format],
    ...media,
    ['文件大小', sizeText(e.size)],
    ['SHA-256', e.hash],
    ['取证时间', `${e.takenOn}${e.takenAt ? ` ${e.takenAt}` : ''}`],
    ['取证地点', e.place ?? ''],
    ['证据来源', e.source ?? ''],
    ['取证人', (e.collectors ?? []).join('、')],
    ['证明内容', e.description],
  ];
}

/** Measures a stored recording's length without reading it whole (media/duration.ts); null: unreadable. */
export type MeasureDuration = (hash: string) => Promise<number | null>;

/** The measure of the blob store's files, when it tells where they are (a test's stand-in may not). */
export function measureWith(blobs: { localPath?: (hash: string) => string }): MeasureDuration | undefined {
  const { localPath } = blobs;
  return localPath && ((hash) => mediaDuration(localPath.call(blobs, hash)));
}

/** The length recorded at upload; evidence recorded before lengths were has it measured now, from its header. */
async function durationOf(e: EvidenceRecord, measure: MeasureDuration | undefined): Promise<number | null> {
  if (e.durationSeconds !== undefined) return e.durationSeconds;
  return measure ? measure(e.hash).catch(() => null) : null;
}

/** The video's still taken at upload, when it is there and a JPEG (a copy from another desk may lack it). */
function stillOf(e: EvidenceRecord, read: (hash: string) => Uint8Array): Uint8Array | null {
  if (!e.stillHash) return null;
  try {
    const bytes = read(e.stillHash);
    return sniffFormat(bytes.subarray(0, sniffBytes)) === 'jpeg' ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * The dossier item of one piece of evidence; `read` gives the stored file's bytes (checked against its
 * hash); `measure`, a recording's length for evidence recorded before lengths were kept.
 */
export async function evidenceItem(
  e: EvidenceRecord,
  read: (hash: string) => Uint8Array,
  author: string,
  measure?: MeasureDuration,
): Promise<DossierItem> {
  const title = evidenceTitle(e);
  const base = { number: '', author, title, date: e.takenOn };
  // Recordings and videos are never read for their listing: their length and still were taken at upload.
  if (e.kind === 'audio' || e.kind === 'video') {
    const media: Array<[string, string]> = [['时长', durationLabel(await durationOf(e, measure))]];
    const still = e.kind === 'video' ? stillOf(e, read) : null;
    if (e.kind === 'video' && !still) media.push(['画面', '未能提取画面']);
    const rows = listingRows(e, formatName(e.mimeType), media);
    return { ...base, content: { kind: 'listing', rows, ...(still ? { still } : {}) } };
  }
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
  return {
    ...base,
    content: { kind: 'listing', rows: listingRows(e, format ? fileFormats[format].name : e.mimeType) },
  };
}
