/** The enterprise directory's contract: the full record, its import and its page. */
import { z } from 'zod';
import { enterprise } from './reference.js';
import { caseListRow } from './cases.js';

/** What a search row shows: the fields the case picker needs plus the county code, industry and flags. */
export const enterpriseSummary = enterprise.extend({
  countyCode: z.string(),
  industryCode: z.string(),
  keyPolluter: z.array(z.string()),
});
export type EnterpriseSummary = z.infer<typeof enterpriseSummary>;

export const enterpriseDetail = enterpriseSummary.extend({
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  permitNumbers: z.array(z.string()),
  /** Pinyin initials of the name (搜索用), e.g. tzxyhgyxgs. */
  initials: z.string(),
  /** The file the record last came from ('' for the demo data). */
  source: z.string(),
  importedAt: z.string().nullable(),
});
export type EnterpriseDetail = z.infer<typeof enterpriseDetail>;

export const fileEncodings = ['auto', 'utf-8', 'gb18030', 'utf-16le'] as const;
const maxBase64 = 48 * 1024 * 1024;

/** The file's bytes (Base64) and name from the UI, or a path on this workstation (CLI). */
export const enterpriseImportInput = z.union(
  [
    z.object({
      fileName: z.string().min(1, '缺少文件名').max(255),
      contentBase64: z.string().min(1, '文件为空').max(maxBase64, '文件过大（不超过35MB）'),
      encoding: z.enum(fileEncodings).default('auto'),
    }),
    z.object({ path: z.string().min(1, '请提供文件路径').max(1000), encoding: z.enum(fileEncodings).default('auto') }),
  ],
  { error: '请提供 fileName 和 contentBase64（文件内容），或 path（文件路径）' },
);

export const importLineProblem = z.object({
  /** Line of the CSV file or row of the worksheet, counted from 1 as Excel and editors show it. */
  line: z.number().int(),
  uscc: z.string(),
  name: z.string(),
  reasons: z.array(z.string()),
});
export type ImportLineProblem = z.infer<typeof importLineProblem>;

export const enterpriseImportReport = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx', 'unknown']),
  /** The encoding found (CSV), e.g. UTF-8, UTF-8（带BOM）, GB18030/GBK; '' for .xlsx. */
  encoding: z.string(),
  /** Problems with the whole file (unreadable, wrong columns): nothing was imported. */
  fileProblems: z.array(z.string()),
  headerLine: z.number().int().nullable(),
  /** Field → the header found for it. */
  columns: z.record(z.string(), z.string()),
  rows: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  /** Rejected rows, each with its line and the reasons (at most `listLimit`; `rejected` counts all). */
  rejectedRows: z.array(importLineProblem),
  /** Imported rows with a remark (an unusual code, coordinates outside Guizhou …). */
  warnings: z.array(importLineProblem),
  warningCount: z.number().int(),
  listLimit: z.number().int(),
  milliseconds: z.number().int(),
});
export type EnterpriseImportReport = z.infer<typeof enterpriseImportReport>;

export const enterpriseInspection = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  documentId: z.string(),
  version: z.number().int(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  inspectionTime: z.string(),
  place: z.string(),
  findings: z.string(),
});
export type EnterpriseInspection = z.infer<typeof enterpriseInspection>;

export const enterprisePage = z.object({
  enterprise: enterpriseDetail,
  cases: z.array(caseListRow),
  /** cases of this enterprise the caller may not see (an officer not on them): counted, not shown. */
  otherCases: z.number().int(),
  inspections: z.array(enterpriseInspection),
});
export type EnterprisePage = z.infer<typeof enterprisePage>;
