import { z } from 'zod';
import { base64File, boundedRecord, isoDate, key, plainText, retentionPeriod } from './primitives.js';
import { dossierGroups } from '../dossierGroups.js';

export const templateField = z.object({
  key: z.string(),
  label: z.string(),
  /** 'case' fields come from the case; 'input' fields are asked for in a form before generation. */
  source: z.enum(['case', 'input']),
  input: z.enum(['text', 'multiline', 'date', 'datetime']).optional(),
  required: z.boolean().default(true),
});
export type TemplateField = z.infer<typeof templateField>;

export const templateInfo = z.object({
  id: z.string(),
  name: z.string(),
  file: z.string(),
  version: z.string(),
  // No \`nodes\`: where a document is made is said by the procedures (node \`documents\`) alone.
  volume: z.enum(['正卷', '副卷']),
  order: z.number().int(),
  /** Its group of the dossier's order (common/dossierGroups.ts); the groups follow each other in `order`. */
  group: z.enum(dossierGroups, { error: `卷内分组应为：${dossierGroups.join('、')}` }),
  numberPattern: z.string().nullable(),
  signer: z.string(),
  fields: z.array(templateField),
});
export type TemplateInfo = z.infer<typeof templateInfo>;

/** Upload limits: the schema refuses a larger file before it is decoded; the handlers check the decoded bytes again. */
export const maxEvidenceBytes = 30 * 1024 * 1024;
export const maxReimportBytes = 20 * 1024 * 1024;
export const maxTemplateBytes = 10 * 1024 * 1024;

export const generateInput = z.object({
  caseId: key(64, '案件标识'),
  type: key(100, '文书类型'),
  /** What the clerk typed in the document's form; no control characters (they cannot be written into a DOCX). */
  fields: boundedRecord(key(100, '文书项目'), plainText(20_000, '文书内容'), 200, 200_000, '文书内容').default({}),
  expectedVersion: z.number().int().optional(),
  /** The track the document belongs to (a second seizure's 决定书 gets its own number). */
  track: key(100, '附加程序').optional(),
  /** 更正 of a finalised document of the same slot: required then, and recorded. */
  correctionReason: z.string().trim().min(5, '请写明更正理由（至少5个字）').max(1000).optional(),
});

export const reimportInput = z.object({
  caseId: key(64, '案件标识'),
  documentId: key(64, '文书标识'),
  fileName: z.string().min(1).max(200),
  contentBase64: base64File(maxReimportBytes, '文书文件'),
  expectedVersion: z.number().int().optional(),
});
export const documentChanges = z.object({
  changedFields: z.array(z.object({ key: z.string(), label: z.string(), before: z.string() })),
  added: z.array(z.string()),
  removed: z.array(z.string()),
});
export const finaliseInput = z.object({
  caseId: key(64, '案件标识'),
  documentId: key(64, '文书标识'),
  expectedVersion: z.number().int().optional(),
});

export const pdfOutput = z.object({ pdfHash: z.string(), pages: z.number().int(), engine: z.string() });

export const addEvidenceInput = z
  .object({
    caseId: key(64, '案件标识'),
    /**
     * photo: 现场照片; scan: 书证 scanned from paper (PDF, TIFF, JPEG/PNG); audio, video: 视听资料; office: 电子文件;
     * execution: 执行凭证 (缴款凭证, 人民法院的裁定书等), filed with the execution in the 正卷. common/evidenceFiles.ts
     * says which file formats each accepts.
     */
    kind: z
      .enum(['photo', 'scan', 'audio', 'video', 'office', 'execution'], {
        error: '证据类别应为现场照片、书证扫描件、录音、录像、电子文件或执行凭证',
      })
      .default('photo'),
    fileName: z.string().min(1).max(200),
    /** The file itself, up to 30 MB (the CLI, scripts); larger files are uploaded as bytes first and named by `uploadHash`. */
    contentBase64: base64File(maxEvidenceBytes, '证据文件').optional(),
    /** The SHA-256 of a file this user sent to the upload route (common/uploads.ts), of any size up to its limit. */
    uploadHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, '上传文件的标识应为64位小写十六进制')
      .optional(),
    description: plainText(500, '证据说明').min(1, '请填写证据说明'),
    takenOn: isoDate,
    /** When and where it was collected, from whom or what (来源), and by which officers (取证人). */
    takenAt: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '取证时间应为“时:分”，如 09:30')
      .optional(),
    place: plainText(200, '取证地点').optional(),
    source: plainText(200, '证据来源').optional(),
    collectors: z.array(plainText(40, '取证人').min(1)).max(10, '取证人不超过10人').optional(),
  })
  .refine((v) => (v.contentBase64 === undefined) !== (v.uploadHash === undefined), {
    message: '请上传证据文件：文件内容与已上传文件的标识二者必须且只能提供其一',
    path: ['file'],
  });

export const blobOutput = z.object({ hash: z.string(), mimeType: z.string(), base64: z.string() });

const dossierCatalog = z.array(
  z.object({
    seq: z.number().int(),
    number: z.string(),
    author: z.string(),
    title: z.string(),
    date: z.string(),
    page: z.string(),
  }),
);
/** One bound volume: 正卷 (the record) or 副卷 (internal deliberation), each numbered from 1 with its own 卷内目录. */
export const dossierVolume = z.object({
  volume: z.enum(['正卷', '副卷']),
  pdfHash: z.string(),
  pages: z.number().int(),
  catalog: dossierCatalog,
  /** 件数 (catalog rows) and 页数 (numbered pages: documents, photos, 备考表), as the cover prints them. */
  items: z.number().int().optional(),
  numberedPages: z.number().int().optional(),
});
export type DossierVolume = z.infer<typeof dossierVolume>;
export const dossierOutput = z.object({
  // The 正卷's PDF, pages and catalog, as before there were two volumes (also volumes[0]).
  pdfHash: z.string(),
  pages: z.number().int(),
  catalog: dossierCatalog,
  /** 正卷 first, then 副卷 when the case has any document the manifest files there. */
  volumes: z.array(dossierVolume),
  builtAt: z.string(),
  /** 保管期限 printed on the covers; 立卷人 (who bound it). */
  retention: retentionPeriod.optional(),
  preparedBy: z.string().optional(),
});
export type DossierOutput = z.infer<typeof dossierOutput>;

export { retentionPeriods } from './primitives.js';
export const dossierBuildInput = z.object({
  caseId: key(64, '案件标识'),
  /** 保管期限 (one list with 归档's). Absent: the last binding's; the covers then leave it blank until one is chosen. */
  retention: retentionPeriod.optional(),
  /** 签章: sign each volume with the bureau's certificate. Absent: signed when a certificate is set. */
  sign: z.boolean().optional(),
});
