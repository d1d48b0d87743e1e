/**
 * laws.import: statute files (or a folder of them, from the CLI) into the library. Each file is
 * read, checked and filed on its own, in its own transaction: a bad file is reported with its line
 * number and changes nothing, while the good ones in the same batch are imported. When every file
 * fails, the whole call fails with the first reason.
 *
 * Repeals come from data (resources/laws/repeals.json): a repealed law's versions end the day
 * before its repeal. A text that repeals other laws (生态环境法典 art. 1242) has its clause read and
 * compared with that data; a difference is reported in the file's warnings, never applied.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '#common/errors.js';
import type { LawImportOutput, LawImportResult } from '#common/schemas/laws.js';
import { LawFormatError, isTemplateFile, parseLawMarkdown } from '#core/domain/laws/parse.js';
import { lawKey } from '#core/domain/laws/citation.js';
import { chineseDate } from '#core/domain/dates.js';
import {
  checkRepealClause,
  lastDayInForce,
  readRepealClause,
  repealOf,
  repealView,
} from '#core/domain/laws/repeals.js';
import type { ParsedLaw } from '#core/domain/laws/types.js';
import { dataEffectiveFrom, type LawData } from '#core/lawResources.js';
import type { LawLibrary } from '#core/store/lawLibrary.js';
import { shownName } from './fileNames.js';
import { noJob, type JobControl } from '#core/jobs/jobRunner.js';

export interface LawFileInput {
  name: string;
  content: string;
}

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
  if (!isDir) throw new AppError('NOT_FOUND', `找不到文件夹：${shownName(path)}`);
  const names = readdirSync(dir)
    .filter((f) => /\.(md|markdown)$/i.test(f))
    .sort();
  if (!names.length) throw new AppError('LAW_FORMAT', `文件夹中没有 .md 文件：${shownName(path)}`);
  // Decoding leaves U+FFFD for bytes that are not UTF-8, which the parser reports with the line.
  return names.map((name) => ({ name, content: utf8.decode(readFileSync(join(dir, name))) }));
}

/** The commencement resources/laws/repeals.json records for a law (e.g. the 生态环境法典, 2026-08-15). */
function dataCommencement(data: LawData, law: string): string | null {
  return data.commencements.find((c) => lawKey(c.law) === lawKey(law))?.effectiveFrom ?? null;
}

function withEffectiveDate(law: ParsedLaw, data: LawData, override: string | undefined): ParsedLaw {
  if (override) return { ...law, effectiveFrom: override, effectiveFromSource: 'input' };
  const commenced = dataCommencement(data, law.shortName);
  if (law.effectiveFromSource !== 'version-date') {
    // The text states its date: report, not override, a different date in the data.
    if (commenced && commenced !== law.effectiveFrom && law.versionDate < commenced) {
      return {
        ...law,
        warnings: [
          ...law.warnings,
          `文本载明自${chineseDate(law.effectiveFrom)}起施行，系统所载的施行日期为${chineseDate(commenced)}；按文本处理，请核对`,
        ],
      };
    }
    return law;
  }
  const fromData =
    dataEffectiveFrom(data, law.shortName, law.versionDate) ??
    (commenced && commenced >= law.versionDate ? commenced : null);
  if (fromData) return { ...law, effectiveFrom: fromData, effectiveFromSource: 'data' };
  return {
    ...law,
    warnings: [
      ...law.warnings,
      `文本未载明本版本的施行日期，暂按版本日期${law.versionDate}计；如有误，请由管理员在施行日期表中补充`,
    ],
  };
}

const emptyResult = (file: string) => ({
  file,
  law: null,
  versionDate: null,
  articleCount: null,
  message: null,
  line: null,
  warnings: [],
  closed: null,
});

/** A file read and checked, not yet stored: its result already (skipped, failed), or the law to store. */
type Prepared = { name: string; done: LawImportResult } | { name: string; law: ParsedLaw; content: string };

function prepareOne(ctx: LawImportContext, file: LawFileInput, effectiveFrom: string | undefined): Prepared {
  const name = basename(file.name);
  const empty = emptyResult(name);
  if (isTemplateFile(name, file.content))
    return { name, done: { ...empty, status: 'skipped', message: '法律法规模板文件，不是法律文本' } };
  try {
    return {
      name,
      law: withEffectiveDate(parseLawMarkdown(name, file.content), ctx.data, effectiveFrom),
      content: file.content,
    };
  } catch (e) {
    if (e instanceof LawFormatError)
      return { name, done: { ...empty, status: 'failed', message: e.message, line: e.line } };
    throw e;
  }
}

function storeOne(ctx: LawImportContext, p: Prepared): LawImportResult {
  if ('done' in p) return p.done;
  const { name, law } = p;
  const empty = emptyResult(name);
  const repeal = repealOf(ctx.data.repeals, law.shortName);
  const lastDay = repeal ? lastDayInForce(repeal) : null;
  const outcome = ctx.library.importVersion(
    law,
    {
      sourceName: name,
      sourceHash: createHash('sha256').update(p.content, 'utf8').digest('hex'),
      importedAt: ctx.now().toISOString(),
    },
    lastDay,
  );
  const repealClause = repealClauseReport(ctx.data, law);
  return {
    ...empty,
    status: outcome.status,
    law: outcome.lawId,
    versionDate: outcome.versionDate,
    articleCount: outcome.articleCount,
    warnings: [...law.warnings, ...(repealClause?.problems ?? [])],
    closed: outcome.closed,
    repealed: repeal && lastDay ? { ...repealView(repeal), effectiveTo: lastDay } : null,
    repealClause,
  };
}

/** The text's repealing clause checked against the data; null when neither has one for this law. */
function repealClauseReport(data: LawData, law: ParsedLaw): LawImportResult['repealClause'] {
  const clause = readRepealClause(law.articles);
  const byThis = data.repeals.some((r) => lawKey(r.by.law) === law.shortName);
  if (!clause && !byThis) return null;
  const check = checkRepealClause(law.shortName, law.fullName, clause, data.repeals);
  return {
    article: clause?.article ?? '',
    effectiveFrom: clause?.effectiveFrom ?? null,
    laws: clause?.laws ?? [],
    agrees: check.agrees,
    problems: check.problems,
  };
}

/**
 * Every law in the library ends on the repeal data, also those not in this import (e.g. imported
 * before the data knew of their repeal). Writes nothing when their periods are already right.
 */
function applyRepeals(ctx: LawImportContext): void {
  for (const id of ctx.library.lawIds()) {
    const repeal = repealOf(ctx.data.repeals, id);
    ctx.library.endLaw(id, repeal ? lastDayInForce(repeal) : null);
  }
}

/**
 * As a job (jobs/jobRunner.ts): every file is read and checked first, one at a time with other
 * requests let through in between, and may be cancelled until then (nothing written); the texts are
 * then stored, each in its own transaction as before, and that part is no longer cancelled.
 */
export async function importLawFiles(
  ctx: LawImportContext,
  files: LawFileInput[],
  effectiveFrom?: string,
  ctl: JobControl = noJob,
  /** A set the province published is taken whole or not at all: one file that fails refuses it, nothing written. */
  opts: { wholeSet?: boolean } = {},
): Promise<LawImportOutput> {
  const prepared: Prepared[] = [];
  for (const [i, f] of files.entries()) {
    ctl.progress('读取和校验法律文本', i, files.length);
    await ctl.breathe();
    prepared.push(prepareOne(ctx, f, effectiveFrom));
  }
  const refused = opts.wholeSet ? prepared.find((p) => 'done' in p && p.done.status === 'failed') : undefined;
  if (refused && 'done' in refused)
    throw new AppError(
      'LAW_FORMAT',
      `${refused.name}${refused.done.line ? `第${refused.done.line}行` : ''}：${refused.done.message ?? ''}`,
    );
  ctl.pastCancelling('写入法律法规库');
  const results: LawImportResult[] = [];
  for (const [i, p] of prepared.entries()) {
    ctl.progress('写入法律法规库', i, prepared.length);
    await ctl.breathe();
    results.push(storeOne(ctx, p));
  }
  applyRepeals(ctx);
  const count = (s: LawImportResult['status']): number => results.filter((r) => r.status === s).length;
  const failed = count('failed');
  if (failed && failed === results.length) {
    const first = results[0]!;
    throw new AppError(
      'LAW_FORMAT',
      `${first.file}：${first.message ?? ''}${failed > 1 ? `（共${failed}个文件未能导入）` : ''}`,
      { results },
    );
  }
  return {
    results,
    added: count('added'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    failed,
  };
}
