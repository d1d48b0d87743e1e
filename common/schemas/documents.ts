import { z } from 'zod';
import { isoDate } from './primitives.js';

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
  nodes: z.array(z.string()),
  volume: z.enum(['正卷', '副卷']),
  order: z.number().int(),
  numberPattern: z.string().nullable(),
  signer: z.string(),
  fields: z.array(templateField),
});
export type TemplateInfo = z.infer<typeof templateInfo>;

export const generateInput = z.object({
  caseId: z.string(),
  type: z.string(),
  fields: z.record(z.string(), z.string()).default({}),
  expectedVersion: z.number().int().optional(),
  /** The track the document belongs to (a second seizure's 决定书 gets its own number). */
  track: z.string().optional(),
  /** 更正 of a finalised document of the same slot: required then, and recorded. */
  correctionReason: z.string().trim().min(5, '请写明更正理由（至少5个字）').max(1000).optional(),
});

export const reimportInput = z.object({
  caseId: z.string(),
  documentId: z.string(),
  fileName: z.string().min(1).max(200),
  contentBase64: z.string().min(1),
  expectedVersion: z.number().int().optional(),
});
export const documentChanges = z.object({
  changedFields: z.array(z.object({ key: z.string(), label: z.string(), before: z.string() })),
  added: z.array(z.string()),
  removed: z.array(z.string()),
});
export const finaliseInput = z.object({ caseId: z.string(), documentId: z.string(), expectedVersion: z.number().int().optional() });

export const pdfOutput = z.object({ pdfHash: z.string(), pages: z.number().int(), engine: z.string() });

export const addEvidenceInput = z.object({
  caseId: z.string(),
  kind: z.enum(['photo']).default('photo'),
  fileName: z.string().min(1).max(200),
  contentBase64: z.string().min(1),
  description: z.string().min(1, '请填写证据说明').max(500),
  takenOn: isoDate,
});

export const blobOutput = z.object({ hash: z.string(), mimeType: z.string(), base64: z.string() });

const dossierCatalog = z.array(z.object({
  seq: z.number().int(), number: z.string(), author: z.string(), title: z.string(), date: z.string(), page: z.string(),
}));
/** One bound volume: 正卷 (the record) or 副卷 (internal deliberation), each numbered from 1 with its own 卷内目录. */
export const dossierVolume = z.object({
  volume: z.enum(['正卷', '副卷']), pdfHash: z.string(), pages: z.number().int(), catalog: dossierCatalog,
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
});
export type DossierOutput = z.infer<typeof dossierOutput>;
