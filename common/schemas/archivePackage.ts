/**
 * 电子档案包: a case's dossier exported as one zip (the volumes' PDFs, the original files, the event
 * log and manifest.json with every item's SHA-256 and its archival metadata after DA/T 46), verified
 * and imported on another workstation. The package format itself is main/core/archive/manifest.ts.
 */
import { z } from 'zod';
import { base64File, plainText } from './primitives.js';

/** A package uploaded from the page travels as Base64 in one request: the web host takes 64 MB per request. */
export const maxPackageUploadBytes = 45 * 1024 * 1024;

/** The package: uploaded from the page, or (only from the CLI, api/localFiles.ts) named by path. */
export const packageSource = z.union([
  z.object({
    fileName: plainText(200, '文件名').optional(),
    contentBase64: base64File(maxPackageUploadBytes, '电子档案包'),
  }),
  z.object({ path: z.string().min(1).max(1000) }),
]);
export type PackageSource = z.infer<typeof packageSource>;

/** What `dossier.exportPackage`'s job leaves: the stored package, read through the case as bytes (common/files.ts). */
export const packageExported = z.object({
  hash: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  /** Items listed in the manifest (the event log included). */
  items: z.number().int(),
  events: z.number().int(),
});
export type PackageExported = z.infer<typeof packageExported>;

/**
 * One thing wrong with a package, by item where there is one:
 * changed (its SHA-256 or size differs), missing (listed, not in the zip), extra (in the zip, not
 * listed), manifest (malformed, or its own digest differs), chain (the event log's hash chain breaks),
 * content (the events name a file the package lacks, or disagree with the manifest), unsafe (an entry
 * name that points outside the package, or is there twice), zip (not a readable zip, or over the limits).
 */
export const packageProblemKinds = [
  'changed',
  'missing',
  'extra',
  'manifest',
  'chain',
  'content',
  'unsafe',
  'zip',
  // a volume's electronic signature (签章) no longer verifies: changed after signing, or not covering the whole file
  'signature',
] as const;
export const packageProblem = z.object({
  kind: z.enum(packageProblemKinds),
  /** The item's path in the package, when the problem is one item's. */
  path: z.string().nullable(),
  message: z.string(),
});
export type PackageProblem = z.infer<typeof packageProblem>;

export const packageReport = z.object({
  ok: z.boolean(),
  /** One sentence for the user. */
  summary: z.string(),
  caseNumber: z.string().nullable(),
  caseTitle: z.string().nullable(),
  exportedAt: z.string().nullable(),
  /** Items the manifest lists, and of those found intact. */
  items: z.number().int(),
  intact: z.number().int(),
  events: z.number().int(),
  problems: z.array(packageProblem),
  /** More problems than are listed (the list stops at a few hundred). */
  moreProblems: z.number().int(),
});
export type PackageReport = z.infer<typeof packageReport>;

export const packageImported = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  /** False when this workstation already held everything the package holds. */
  changed: z.boolean(),
  events: z.number().int(),
  files: z.number().int(),
  message: z.string(),
});
export type PackageImported = z.infer<typeof packageImported>;
