/**
 * laws.import: statute files (or a folder of them, from the CLI) into the library. Each file is
 * read, checked and filed on its own, in its own transaction: a bad file is reported with its line
 * number and changes nothing, while the good ones in the same batch are imported. When every file
 * fails, the whole call fails with the first reason.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../../common/errors.js';
import type { LawImportOutput, LawImportResult } from '../../../common/schemas/laws.js';
import { LawFormatError, isTemplateFile, parseLawMarkdown } from '../domain/laws/parse.js';
import type { ParsedLaw } from '../domain/laws/types.js';
import { dataEffectiveFrom, type LawData } from '../lawResources.js';
import type { LawLibrary } from '../store/lawLibrary.js';

export interface LawFileInput { name: string; content: string }

export interface LawImportContext {
  library: LawLibrary;
  data: LawData;
  now: () => Date;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The .md files of a folder on this workstation (not its subfolders), decoded as UTF-8. */
export function readLawFolder(path: string): LawFileInput[] {
  const dir = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    /* reported below */
  }
  if (!isDir) throw new AppError('NOT_FOUND', `找不到文件夹：${dir}`);
  const names = readdirSync(dir).filter((f) => /\.(md|markdown)$/i.test(f)).sort();
  if (!names.length) throw new AppError('LAW_FORMAT', `文件夹中没有 .md 文件：${dir}`);
  // Decoding leaves U+FFFD for bytes that are not UTF-8, which the parser reports with the line.
  return names.map((name) => ({ name, content: utf8.decode(readFileSync(join(dir, name))) }));
}

function withEffectiveDate(law: ParsedLaw, data: LawData, override: string | undefined): ParsedLaw {
  if (override) return { ...law, effectiveFrom: override, effectiveFromSource: 'input' };
  if (law.effectiveFromSource !== 'version-date') return law;
  const fromData = dataEffectiveFrom(data, law.shortName, law.versionDate);
  if (fromData) return { ...law, effectiveFrom: fromData, effectiveFromSource: 'data' };
  return {
    ...law,
    warnings: [...law.warnings, `文本未载明本版本的施行日期，暂按版本日期${law.versionDate}计；如有误，请在施行日期表（resources/laws/effective-dates.json）中补充`],
  };
}

function importOne(ctx: LawImportContext, file: LawFileInput, effectiveFrom: string | undefined): LawImportResult {
  const name = basename(file.name);
  const empty = { file: name, law: null, versionDate: null, articleCount: null, message: null, line: null, warnings: [], closed: null };
  if (isTemplateFile(name, file.content)) return { ...empty, status: 'skipped', message: '法律法规模板文件，不是法律文本' };
  let law: ParsedLaw;
  try {
    law = withEffectiveDate(parseLawMarkdown(name, file.content), ctx.data, effectiveFrom);
  } catch (e) {
    if (e instanceof LawFormatError) return { ...empty, status: 'failed', message: e.message, line: e.line };
    throw e;
  }
  const outcome = ctx.library.importVersion(law, {
    sourceName: name,
    sourceHash: createHash('sha256').update(file.content, 'utf8').digest('hex'),
    importedAt: ctx.now().toISOString(),
  });
  return {
    ...empty, status: outcome.status, law: outcome.lawId, versionDate: outcome.versionDate,
    articleCount: outcome.articleCount, warnings: law.warnings, closed: outcome.closed,
  };
}

export function importLawFiles(ctx: LawImportContext, files: LawFileInput[], effectiveFrom?: string): LawImportOutput {
  const results = files.map((f) => importOne(ctx, f, effectiveFrom));
  const count = (s: LawImportResult['status']): number => results.filter((r) => r.status === s).length;
  const failed = count('failed');
  if (failed && failed === results.length) {
    const first = results[0]!;
    throw new AppError('LAW_FORMAT', `${first.file}：${first.message ?? ''}${failed > 1 ? `（共${failed}个文件未能导入）` : ''}`, { results });
  }
  return { results, added: count('added'), updated: count('updated'), unchanged: count('unchanged'), skipped: count('skipped'), failed };
}
