/**
 * The files a bureau adds to its data directory — next year's holidays (`calendars/cn-YYYY.json`,
 * calendar.import), procedure versions (`procedures/*.json`, procedures.import), template versions
 * (`templates/<type>/<version>.docx`, templates.import) — are checked when the core starts
 * (a full disk during calendar.import left an empty JSON file and the workstation no
 * longer started). A bad one (empty, truncated, not matching its schema, a template that is not a
 * Word file or holds macros) is set aside as `<name>.bad-<UTC timestamp>`, which no loader reads,
 * and reported in Chinese; the workstation starts with the rest. The shipped resources are not
 * touched here: a broken release still stops the start.
 *
 * `app.startupReport` answers with this start's findings and every file set aside earlier that is
 * still there (the administrator deletes it once the data is imported again).
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import PizZip from 'pizzip';
import type { z } from 'zod';
import { calendarYear } from '#common/schemas/calendar.js';
import type { DataFileWarning } from '#common/schemas/startup.js';
import { procedureDefinition } from './domain/procedure/definition.js';
import { procedureProblems } from './services.js';
import { findActiveContent } from './documents/activeContent.js';
import { syncDirectory } from './store/durableFile.js';

export type { DataFileWarning };

interface DataFileKind {
  name: string;
  /** The files of this kind, absolute. */
  files(dataDir: string): string[];
  /** Null when the file is good; else why it is not, in Chinese. */
  problem(bytes: Buffer): string | null;
}

const listDir = (dir: string, keep: (f: string) => boolean): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter(keep)
        .map((f) => join(dir, f))
        .filter((f) => statSync(f).isFile())
    : [];

function jsonProblem<T>(bytes: Buffer, schema: z.ZodType<T>, more?: (value: T) => string[]): string | null {
  if (bytes.length === 0 || !bytes.toString('utf8').trim()) return '文件为空（可能是写入时磁盘已满或断电）';
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return '不是完整的JSON（文件可能不完整或已损坏）';
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return `内容不符合格式：${first ? `${first.path.join('.') || '（根）'} ${first.message}` : ''}`;
  }
  const problems = more?.(parsed.data) ?? [];
  return problems.length ? `内容有误：${problems.slice(0, 3).join('；')}${problems.length > 3 ? '……' : ''}` : null;
}

const kinds: DataFileKind[] = [
  {
    name: '节假日日历',
    files: (d) => listDir(join(d, 'calendars'), (f) => /^cn-\d{4}\.json$/.test(f)),
    problem: (b) => jsonProblem(b, calendarYear),
  },
  {
    name: '程序定义',
    files: (d) => listDir(join(d, 'procedures'), (f) => f.endsWith('.json')),
    problem: (b) => jsonProblem(b, procedureDefinition, procedureProblems),
  },
  {
    name: '文书模板',
    files: (d) => {
      const root = join(d, 'templates');
      if (!existsSync(root)) return [];
      return readdirSync(root)
        .filter((t) => statSync(join(root, t)).isDirectory())
        .flatMap((t) => listDir(join(root, t), (f) => f.endsWith('.docx')));
    },
    problem: (b) => {
      if (b.length === 0) return '文件为空（可能是写入时磁盘已满或断电）';
      let zip: PizZip;
      try {
        zip = new PizZip(b);
      } catch {
        return '不是有效的Word文档（文件可能不完整或已损坏）';
      }
      if (!zip.file('word/document.xml')) return '不是有效的Word文档（缺少正文部分）';
      const active = findActiveContent(zip);
      return active.length ? `${active.map((a) => a.message).join('；')}（模板不得含有宏、控件或外部链接）` : null;
    },
  },
];

/** 2026-12-07T03:00:00.000Z → 20261207T030000Z (no colons: Windows file names). */
export function fileStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

const badSuffix = /\.bad-(\d{8}T\d{6}Z)(?:-\d+)?$/;
const shown = (dataDir: string, file: string): string => relative(dataDir, file).split(sep).join('/');

function stampToIso(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : stamp;
}

function message(kind: string, file: string, setAsideAs: string, reason: string | null): string {
  return `${kind}文件“${file}”${reason ? `已损坏：${reason}。已将其移至` : '曾因损坏被移至'}“${setAsideAs}”，工作站已使用其余数据启动。请重新导入该${kind}；确认无误后可删除移开的文件。`;
}

/**
 * Checks every data file a bureau added and sets the bad ones aside; returns what it found.
 * Never throws for a bad file: a file that cannot even be renamed is reported and left for the
 * loader (which will then stop the start with its own error).
 */
export function setAsideBadDataFiles(
  dataDir: string,
  now: Date,
  log: (m: string) => void = (m) => console.error(`[anjuan] ${m}`),
): DataFileWarning[] {
  const warnings: DataFileWarning[] = [];
  for (const kind of kinds) {
    for (const file of kind.files(dataDir)) {
      let reason: string | null;
      try {
        reason = kind.problem(readFileSync(file));
      } catch (e) {
        reason = `无法读取（${(e as { code?: string }).code ?? '读取错误'}）`;
      }
      if (!reason) continue;
      let target = `${file}.bad-${fileStamp(now)}`;
      for (let n = 2; existsSync(target); n++) target = `${file}.bad-${fileStamp(now)}-${n}`;
      try {
        renameSync(file, target);
        syncDirectory(join(file, '..'));
      } catch (e) {
        log(`无法移开损坏的数据文件 ${shown(dataDir, file)}：${String(e)}`);
        continue;
      }
      const w = {
        kind: kind.name,
        file: shown(dataDir, file),
        setAsideAs: shown(dataDir, target),
        foundAt: now.toISOString(),
        reason,
        message: message(kind.name, shown(dataDir, file), shown(dataDir, target), reason),
      };
      log(w.message);
      warnings.push(w);
    }
  }
  return warnings;
}

/** Files set aside at this or an earlier start that are still in the data directory. */
export function setAsideFiles(dataDir: string): DataFileWarning[] {
  const out: DataFileWarning[] = [];
  const scan = (dir: string, kind: string) => {
    for (const f of existsSync(dir) ? readdirSync(dir) : []) {
      const m = badSuffix.exec(f);
      if (!m) continue;
      const original = join(dir, f.slice(0, m.index));
      const at = join(dir, f);
      out.push({
        kind,
        file: shown(dataDir, original),
        setAsideAs: shown(dataDir, at),
        foundAt: stampToIso(m[1]!),
        reason: null,
        message: message(kind, shown(dataDir, original), shown(dataDir, at), null),
      });
    }
  };
  scan(join(dataDir, 'calendars'), '节假日日历');
  scan(join(dataDir, 'procedures'), '程序定义');
  const templates = join(dataDir, 'templates');
  if (existsSync(templates))
    for (const t of readdirSync(templates))
      if (statSync(join(templates, t)).isDirectory()) scan(join(templates, t), '文书模板');
  return out;
}

/** writeFileDurably's temporary names, and the old blob store's (`<hash rest>.<pid>.tmp`). */
const tempName = /^(\..+\.\d+\.[0-9a-f]{8}\.tmp|[0-9a-f]{62}\.\d+\.tmp)$/;

/**
 * Temporary files left by a process killed mid-write (kill -9, power cut): never read, only space.
 * Removed at start once an hour old, so a write still running in another process (the CLI next to
 * the app) is never pulled from under it. Returns how many were removed.
 */
export function removeStaleTempFiles(dataDir: string, now: Date, maxAgeMs = 60 * 60 * 1000): number {
  let removed = 0;
  const sweep = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)) {
      if (!tempName.test(f)) continue;
      const p = join(dir, f);
      try {
        if (now.getTime() - statSync(p).mtimeMs > maxAgeMs) {
          rmSync(p, { force: true });
          removed++;
        }
      } catch {
        /* gone meanwhile */
      }
    }
  };
  const subdirs = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .map((d) => join(dir, d))
          .filter((d) => statSync(d).isDirectory())
      : [];
  sweep(join(dataDir, 'calendars'));
  sweep(join(dataDir, 'procedures'));
  for (const d of subdirs(join(dataDir, 'templates'))) sweep(d);
  for (const d of subdirs(join(dataDir, 'blobs'))) sweep(d);
  return removed;
}

/** This start's findings (with their reasons) first, then the older ones still lying there. */
export function startupReport(dataDir: string, thisStart: readonly DataFileWarning[]): DataFileWarning[] {
  const known = new Set(thisStart.map((w) => w.setAsideAs));
  return [...thisStart, ...setAsideFiles(dataDir).filter((w) => !known.has(w.setAsideAs))];
}
