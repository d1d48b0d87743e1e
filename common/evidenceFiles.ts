/**
 * The evidence a case may carry, by kind, and the file formats each kind accepts. A file is known by
 * its own first bytes (its signature), and its name's extension must agree: a renamed file (a video
 * called .pdf, a program called .jpg) is refused, so what the dossier binds and the archive package
 * lists is what the file says it is. Shared by the upload form (to pick and pre-check) and the core.
 */

export const evidenceKinds = ['photo', 'scan', 'audio', 'video', 'office', 'sampling', 'other', 'execution'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** What each kind is called on screen and in the dossier's titles. */
export const evidenceKindNames: Record<EvidenceKind, string> = {
  photo: '现场照片',
  scan: '书证（纸质材料扫描件）',
  audio: '录音',
  video: '录像',
  office: '电子文件',
  sampling: '采样监测',
  other: '其他证据',
  execution: '执行凭证',
};

/** The kinds an officer uploads from the 证据 tab (sampling and other are recorded by their documents). */
export const uploadKinds = [
  'photo',
  'scan',
  'audio',
  'video',
  'office',
  'execution',
] as const satisfies readonly EvidenceKind[];
export type UploadKind = (typeof uploadKinds)[number];

export type FileFormat =
  | 'jpeg'
  | 'png'
  | 'tiff'
  | 'pdf'
  | 'mp3'
  | 'wav'
  | 'amr'
  | 'm4a'
  | 'mp4'
  | 'avi'
  | 'webm'
  | 'ooxml'
  | 'ole';

interface FormatInfo {
  name: string;
  mimeType: string;
  extensions: string[];
  kinds: EvidenceKind[];
}

export const fileFormats: Record<FileFormat, FormatInfo> = {
  jpeg: {
    name: 'JPEG图片',
    mimeType: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    kinds: ['photo', 'scan', 'execution'],
  },
  png: { name: 'PNG图片', mimeType: 'image/png', extensions: ['png'], kinds: ['photo', 'scan', 'execution'] },
  tiff: { name: 'TIFF扫描件', mimeType: 'image/tiff', extensions: ['tif', 'tiff'], kinds: ['scan', 'execution'] },
  pdf: { name: 'PDF文件', mimeType: 'application/pdf', extensions: ['pdf'], kinds: ['scan', 'office', 'execution'] },
  mp3: { name: 'MP3录音', mimeType: 'audio/mpeg', extensions: ['mp3'], kinds: ['audio'] },
  wav: { name: 'WAV录音', mimeType: 'audio/wav', extensions: ['wav'], kinds: ['audio'] },
  amr: { name: 'AMR录音', mimeType: 'audio/amr', extensions: ['amr'], kinds: ['audio'] },
  m4a: { name: 'M4A录音', mimeType: 'audio/mp4', extensions: ['m4a'], kinds: ['audio'] },
  mp4: { name: 'MP4/MOV视频', mimeType: 'video/mp4', extensions: ['mp4', 'mov', 'm4v', '3gp'], kinds: ['video'] },
  avi: { name: 'AVI视频', mimeType: 'video/x-msvideo', extensions: ['avi'], kinds: ['video'] },
  // Matroska: what browsers and some phones record (WebM is Matroska with its own DocType).
  webm: { name: 'WebM/MKV视频', mimeType: 'video/webm', extensions: ['webm', 'mkv'], kinds: ['video'] },
  ooxml: {
    name: 'Office文档',
    mimeType: 'application/vnd.openxmlformats-officedocument',
    extensions: ['docx', 'xlsx', 'pptx'],
    kinds: ['office'],
  },
  ole: {
    name: '旧版Office/WPS文档',
    mimeType: 'application/x-ole-storage',
    extensions: ['doc', 'xls', 'ppt', 'wps', 'et'],
    kinds: ['office'],
  },
};

const ooxmlTypes: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** The `accept` list of the file picker for a kind. */
export function acceptFor(kind: EvidenceKind): string {
  return Object.values(fileFormats)
    .filter((f) => f.kinds.includes(kind))
    .flatMap((f) => f.extensions.map((e) => `.${e}`))
    .join(',');
}

/** The lower-case extension of a file name, '' when it has none. */
export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

const ascii = (b: Uint8Array, at: number, n: number): string => String.fromCharCode(...b.subarray(at, at + n));
const starts = (b: Uint8Array, bytes: number[], at = 0): boolean => bytes.every((x, i) => b[at + i] === x);

/** How many of a file's first bytes `sniffFormat` needs. */
export const sniffBytes = 4096;

/** The format a file's first bytes show, or null when they show none we accept. */
export function sniffFormat(head: Uint8Array): FileFormat | null {
  if (starts(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(head, [0x49, 0x49, 0x2a, 0x00]) || starts(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WAVE') return 'wav';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'AVI ') return 'avi';
  if (ascii(head, 0, 5) === '#!AMR') return 'amr';
  if (starts(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  if (ascii(head, 0, 3) === 'ID3' || (head[0] === 0xff && ((head[1] ?? 0) & 0xe6) === 0xe2)) return 'mp3';
  if (ascii(head, 4, 4) === 'ftyp') return ascii(head, 8, 3) === 'M4A' ? 'm4a' : 'mp4';
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  // An Office Open XML file is a ZIP whose parts list ([Content_Types].xml) is among its first entries.
  if (
    starts(head, [0x50, 0x4b, 0x03, 0x04]) &&
    ascii(head, 0, Math.min(head.length, sniffBytes)).includes('[Content_Types].xml')
  )
    return 'ooxml';
  return null;
}

export type FileCheck = { ok: true; format: FileFormat; mimeType: string } | { ok: false; message: string };

/** The file's format when its bytes, its name and the evidence kind chosen all agree; else why not, in Chinese. */
export function checkEvidenceFile(fileName: string, head: Uint8Array, kind: EvidenceKind): FileCheck {
  const ext = extensionOf(fileName);
  const format = sniffFormat(head);
  const kindName = evidenceKindNames[kind];
  if (!format) return { ok: false, message: `“${fileName}”的文件类型无法识别或不受支持，不能作为证据上传` };
  const info = fileFormats[format];
  if (!info.extensions.includes(ext))
    return {
      ok: false,
      message: `“${fileName}”的内容是${info.name}，与扩展名“${ext ? `.${ext}` : '无'}”不符，请核对后重新上传原始文件`,
    };
  if (!info.kinds.includes(kind)) return { ok: false, message: `“${fileName}”是${info.name}，不能作为${kindName}上传` };
  const mimeType = format === 'ooxml' ? (ooxmlTypes[ext] ?? info.mimeType) : info.mimeType;
  return { ok: true, format, mimeType };
}
