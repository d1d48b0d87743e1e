/**
 * The 电子档案包's manifest: what the package holds and each item's archival metadata. The fields
 * follow DA/T 46 (文书类电子文件元数据方案) by name — which ones and why: docs/decisions.md
 * (“电子档案包”). The schema below reads a manifest that came from outside, so every string, list
 * and map is bounded: a hostile manifest is reported, never trusted and never the cause of a crash.
 */
import { z } from 'zod';
import { unsafePathReason } from './paths.js';

export const packageFormat = 'anjuan-electronic-dossier';
export const packageFormatVersion = 1;
export const manifestPath = 'manifest.json';
/** The manifest's own SHA-256, as `sha256sum` writes it, beside it: a manifest changed alone is caught. */
export const manifestDigestPath = 'manifest.sha256';
export const eventsPath = '记录/案件事件记录.jsonl';

/** A manifest above this is not read (its JSON would be parsed whole). */
export const maxManifestBytes = 16 * 1024 * 1024;
export const maxItems = 20_000;
/** The event log is parsed whole: one case's, so a few MB at most in practice. */
export const maxEventsBytes = 64 * 1024 * 1024;

/** The kinds of item, with the name an archivist reads. */
export const itemRoles = {
  volume: '卷宗（装订后的正卷、副卷）',
  'document-docx': '文书原件（DOCX）',
  'document-pdf': '文书PDF（定稿盖章件或转换件）',
  evidence: '证据原件',
  events: '案件全过程记录（事件日志，含哈希链）',
  other: '案件引用的其他文件',
} as const;
export type ItemRole = keyof typeof itemRoles;

/** The Chinese name of every field, written into the manifest so that it explains itself. */
export const fieldNames = {
  path: '计算机文件名（包内路径）',
  role: '文件用途',
  sha256: '数字摘要（SHA-256）',
  size: '计算机文件大小（字节）',
  mimeType: '格式信息（MIME类型）',
  title: '题名',
  documentNumber: '文件编号（文号）',
  author: '责任者',
  date: '日期',
  retention: '保管期限',
  pages: '页数',
  formatName: '格式信息',
  draftState: '稿本',
  volume: '卷别',
  documentType: '文种',
  version: '版本',
  originalFileName: '原计算机文件名',
  recordedBy: '业务行为人（生成、上传或立卷）',
  recordedAt: '行为时间',
  description: '说明',
} as const;

const text = (max = 2000) => z.string().max(max);
const nullableText = (max = 2000) => text(max).nullable();

export const itemMetadata = z.object({
  title: text(),
  documentNumber: nullableText(200),
  author: text(200),
  date: nullableText(40),
  retention: nullableText(20),
  pages: z.number().int().nonnegative().max(1_000_000).nullable(),
  formatName: text(200),
  draftState: nullableText(20),
  volume: nullableText(20),
  documentType: nullableText(200),
  version: z.number().int().nonnegative().max(1_000_000).nullable(),
  originalFileName: nullableText(400),
  recordedBy: nullableText(200),
  recordedAt: nullableText(40),
  description: nullableText(4000),
});
export type ItemMetadata = z.infer<typeof itemMetadata>;

const packagePath = z
  .string()
  .max(400)
  .superRefine((p, ctx) => {
    const why = unsafePathReason(p);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  });

export const manifestItem = z.object({
  path: packagePath,
  role: z.enum(Object.keys(itemRoles) as [ItemRole, ...ItemRole[]]),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '数字摘要应为64位小写十六进制'),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  mimeType: text(200),
  metadata: itemMetadata,
});
export type ManifestItem = z.infer<typeof manifestItem>;

const volumeEntry = z.object({
  volume: z.enum(['正卷', '副卷']),
  path: packagePath,
  pages: z.number().int().nonnegative().max(1_000_000),
  items: z.number().int().nonnegative().max(1_000_000).nullable(),
  numberedPages: z.number().int().nonnegative().max(1_000_000).nullable(),
});

export const manifest = z.object({
  format: z.literal(packageFormat, { error: '不是本系统的电子档案包（format 字段不符）' }),
  formatVersion: z.literal(packageFormatVersion, { error: '电子档案包的格式版本不受支持' }),
  basis: z.array(text(200)).max(20),
  fieldNames: z.record(text(100), text(200)).refine((o) => Object.keys(o).length <= 100),
  createdAt: text(40),
  createdBy: text(200),
  system: z.object({ name: text(100), version: text(40) }),
  /** 立档单位 (the fonds): the bureau that formed the file. */
  fonds: z.object({ bureauId: text(100), bureauName: text(200) }),
  case: z.object({
    id: text(64),
    number: text(200),
    title: text(),
    partyName: text(),
    violationName: text(),
    filedOn: text(40),
    closedOn: nullableText(40),
    retention: nullableText(20),
    preparedBy: nullableText(200),
    builtAt: text(40),
    volumes: z.array(volumeEntry).min(1).max(2),
    events: z.object({ path: packagePath, count: z.number().int().nonnegative().max(10_000_000), headHash: text(64) }),
  }),
  items: z.array(manifestItem).max(maxItems, `清单列出的文件过多（不超过${maxItems}个）`),
});
export type Manifest = z.infer<typeof manifest>;

/** A name people read for a MIME type (格式信息). */
export function formatName(mimeType: string): string {
  const names: Record<string, string> = {
    'application/pdf': 'PDF',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Office Open XML 文档（DOCX）',
    'image/jpeg': 'JPEG 图像',
    'image/png': 'PNG 图像',
    'image/tiff': 'TIFF 图像',
    'audio/mpeg': 'MP3 音频',
    'video/mp4': 'MP4 视频',
    'application/jsonl': 'JSON Lines（UTF-8）',
  };
  return names[mimeType] ?? mimeType;
}

/** The first problem of a manifest that does not parse, in Chinese with where it is. */
export function manifestIssue(e: z.ZodError): string {
  const issue = e.issues[0];
  if (!issue) return '清单格式不正确';
  const where = issue.path.map(String).join('.');
  return `清单格式不正确${where ? `（位置 ${where}）` : ''}：${issue.message}`;
}
