/**
 * Everything a handler may use, built once when the core starts. Handlers get this object and the
 * caller's identity; they never reach for globals, so tests can build a core on a temporary folder.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './store/db.js';
import type { LawLibrary } from './store/lawLibrary.js';
import { loadLawData, type LawData } from './lawResources.js';
import { loadManifest } from './documents/manifest.js';
import type { CitationsFile } from '#common/schemas/citations.js';
import type { EnterpriseStore } from './store/enterpriseStore.js';
import type { EnterpriseData } from './enterpriseResources.js';
import type { DiscretionStore } from './store/discretionStore.js';
import { discretionBenchmark, type DiscretionBenchmark } from '#common/schemas/discretion.js';
import type { Bureau } from './store/directory.js';
import type { Directory } from './store/directory.js';
import type { BlobStore } from './store/blobStore.js';
import type { CaseStore } from './store/caseStore.js';
import type { Sequences } from './store/sequences.js';
import { WorkingCalendar, type CalendarYear } from './domain/calendar.js';
import { procedureDefinition, type ProcedureDefinition } from './domain/procedure/definition.js';
import { versionInForce } from './domain/procedure/versions.js';
import { definitionProblems } from './domain/procedure/published.js';
import { resolveProcedureFiles, type ProcedureFile } from './domain/procedure/overlay.js';
import { calendarYear, statutoryHolidayRule, type StatutoryHolidayRule } from '#common/schemas/calendar.js';
import { violationType, type ViolationType } from '#common/schemas/reference.js';
import { resourcesDir } from './paths.js';
import { z } from 'zod';
import type { PdfService } from './documents/pdfService.js';
import type { TemplateInfo } from '#common/schemas/documents.js';
import type { TemplateStore } from './documents/templateStore.js';
import type { HearingThreshold } from './domain/hearingThreshold.js';
import { loadHearingThreshold } from './hearingThresholdResource.js';
import type { Accounts } from './store/accounts.js';
import type { DataFileWarning } from '#common/schemas/startup.js';
import type { UpdateLink } from './updateLink.js';
import type { BackupService } from './backup/service.js'; // backups
import type { EncryptionService } from './encryption/service.js'; // encryption at rest
import type { DeferredIntegrityCheck } from './store/integrity.js';
import type { JobRunner } from './jobs/jobRunner.js'; // long work off the request path
import type { Thumbnails } from './files/thumbnails.js';
import type { SyncPort } from './syncPort.js'; // the provincial server: outbox, push, pull, conflicts

export interface Clock {
  now(): Date;
}

export interface Services {
  db: Db;
  dataDir: string;
  device: string;
  clock: Clock;
  /** The HLC of this desk's events: pulled events' stamps are received into it (sync/integrate.ts). */
  hlc: { receive(remote: string): void };
  cases: CaseStore;
  directory: Directory;
  blobs: BlobStore;
  sequences: Sequences;
  calendar: WorkingCalendar;
  procedures: Map<string, ProcedureDefinition>;
  violations: ViolationType[];
  bureau: () => Bureau;
  pdf: PdfService;
  /** 听证 threshold for organisations, from resources/discretion/hearing-thresholds.json (data: unverified). */
  hearingThresholdYuan: number;
  /** Both 较大数额 figures (organisation, citizen) for the legality review. */
  hearingThreshold: HearingThreshold;
  /** Chinese names of every document type the procedures name (resources/documents/types.json + manifest). */
  documentTypeNames: ReadonlyMap<string, string>;
  /** Document types whose template carries a number pattern (文号). */
  numberedTypes: ReadonlySet<string>;
  /** Document types that have a template at all. */
  templateTypes: ReadonlySet<string>;
  /** templates/manifest.json, validated once at start. */
  manifest: TemplateInfo[];
  /** Template versions: bundled and loaded (documents issue). */
  templates: TemplateStore;
  /** Law library: versioned articles in SQLite, and resources/laws/ (article map, commencement dates). */
  laws: LawLibrary;
  lawData: LawData;
  /** resources/laws/citations.json: the article each document and procedure cites for a purpose, dated. */
  citations: CitationsFile;
  /** Enterprise directory: records and their search index; county codes and export headers from resources/. */
  enterprises: EnterpriseStore;
  enterpriseData: EnterpriseData;
  /** Discretion benchmark: every version loaded; `violations` above is the types of the one in use. */
  discretion: DiscretionStore;
  /** Accounts: setup, logins with lockout, hashed expiring sessions, passwords, the audit log. */
  accounts: Accounts;
  /** Data files found damaged at this start and set aside (dataFiles.ts); app.startupReport. */
  dataFileWarnings: DataFileWarning[];
  /** The desktop app's updater (updateLink.ts); null in the web host, the CLI and tests. */
  updateLink: UpdateLink | null;
  /** Backups: the daily backup, backup.now, backup.restore (backup/service.ts). */
  backups: BackupService;
  /** Encryption at rest of the database (encryption/service.ts): security.encryptionStatus, security.enableEncryption. */
  encryption: EncryptionService;
  /** The start check of the bulky tables, run after the first answer (store/integrity.ts); app.startupReport. */
  databaseCheck: DeferredIntegrityCheck;
  /** Imports running in the background (main/core/jobs/jobRunner.ts). */
  jobs: JobRunner;
  /** Evidence photos' thumbnails: made at evidence.add, or on their first request (files/thumbnails.ts). */
  thumbnails: Thumbnails;
  /** Sync with the provincial server (sync/client.ts): enrolment, rounds in the background, conflicts. */
  sync: SyncPort;
}

export function readCalendarYears(dir: string): CalendarYear[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^cn-\d{4}\.json$/.test(f))
    .map((f) => calendarYear.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))) as CalendarYear);
}

/**
 * The shipped years plus any year the bureau added since (`<dataDir>/calendars`, written by
 * `calendar.import`): next year's holidays arrive as data, without a release. An added year
 * replaces a shipped one of the same year. A year with neither rests on the statutory holidays
 * computed from `statutory-holidays.json` (shipped next to them; a missing or broken one stops the start).
 */
/** The rule of 全国年节及纪念日放假办法 the years without a notice rest on (resources/calendars/statutory-holidays.json). */
export function loadStatutoryHolidayRule(dir = join(resourcesDir(), 'calendars')): StatutoryHolidayRule {
  return statutoryHolidayRule.parse(JSON.parse(readFileSync(join(dir, 'statutory-holidays.json'), 'utf8')));
}

export function loadCalendar(
  dir = join(resourcesDir(), 'calendars'),
  addedDir?: string,
  /** Years the province published (the provincial server reads them from its reference data). */
  published: readonly CalendarYear[] = [],
): WorkingCalendar {
  const byYear = new Map<number, CalendarYear>();
  for (const y of readCalendarYears(dir)) byYear.set(y.year, y);
  if (addedDir) for (const y of readCalendarYears(addedDir)) byYear.set(y.year, y);
  for (const y of published) byYear.set(y.year, y);
  return new WorkingCalendar([...byYear.values()], loadStatutoryHolidayRule(dir));
}

/** The structural problems of a definition: the checker with the guards, forms and document types this core knows. */
export function procedureProblems(def: ProcedureDefinition): string[] {
  return definitionProblems(def);
}

/**
 * Loads and checks every procedure definition: the shipped ones and those a provincial
 * administrator loaded since (`procedures.import`, kept in `<dataDir>/procedures`), a version
 * written as changes to another resolved (`domain/procedure/overlay.ts`). A broken one stops the
 * start with its problems listed.
 */
export function loadProcedures(
  dir = join(resourcesDir(), 'procedures'),
  addedDir?: string,
): Map<string, ProcedureDefinition> {
  const files: ProcedureFile[] = [];
  for (const d of [dir, addedDir]) {
    if (!d || !existsSync(d)) continue;
    for (const f of readdirSync(d).filter((x) => x.endsWith('.json')))
      files.push({ name: f, json: JSON.parse(readFileSync(join(d, f), 'utf8')) });
  }
  // A version written as changes to an earlier one (overlay.ts) is resolved first, then parsed
  // and checked exactly like a full definition.
  const map = new Map<string, ProcedureDefinition>();
  for (const f of resolveProcedureFiles(files)) {
    const def = procedureDefinition.parse(f.json);
    const problems = procedureProblems(def);
    if (problems.length) throw new Error(`程序定义 ${f.name} 有误：\n${problems.join('\n')}`);
    map.set(`${def.id}@${def.version}`, def);
  }
  return map;
}

export function loadViolations(file = join(resourcesDir(), 'discretion', 'violations.json')): ViolationType[] {
  return z.object({ violations: z.array(violationType) }).parse(JSON.parse(readFileSync(file, 'utf8'))).violations;
}

/** The benchmark shipped with the release; a broken file stops the start with its problems. */
export function loadBenchmark(file = join(resourcesDir(), 'discretion', 'violations.json')): DiscretionBenchmark {
  return discretionBenchmark.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * The procedure a new case or track follows: the newest version of `id` in force on `on` (the day
 * it is opened or started, from the core's clock; a version's `effectiveFrom`).
 */
export function currentProcedure(
  procedures: ReadonlyMap<string, ProcedureDefinition>,
  id: string,
  on: string,
): ProcedureDefinition {
  const def = versionInForce(procedures.values(), id, on);
  if (!def) throw new Error(`没有${on}施行的程序定义 ${id}`);
  return def;
}

/**
 * The shipped data the rules of a case read besides the procedures and the calendar, loaded as the core
 * loads it: the provincial server judges pushed events with it (server/reference/ruleFacts.ts).
 */
export function loadRuleResources(): {
  lawData: LawData;
  hearingThreshold: HearingThreshold;
  benchmark: DiscretionBenchmark;
  numberedTypes: Set<string>;
  documentTypeNames: Map<string, string>;
} {
  const manifest = loadManifest();
  return {
    lawData: loadLawData(),
    hearingThreshold: loadHearingThreshold(),
    benchmark: loadBenchmark(),
    numberedTypes: numberedTypesOf(manifest),
    documentTypeNames: loadDocumentTypeNames(manifest),
  };
}

/** The document types that carry a 文号: those whose template has a number pattern (one rule for the core and the server). */
export const numberedTypesOf = (manifest: readonly TemplateInfo[]): Set<string> =>
  new Set(manifest.filter((t) => t.numberPattern).map((t) => t.id));

export function loadDocumentTypeNames(
  manifest: TemplateInfo[],
  file = join(resourcesDir(), 'documents', 'types.json'),
): Map<string, string> {
  const names = new Map(
    Object.entries(
      z.object({ types: z.record(z.string(), z.string()) }).parse(JSON.parse(readFileSync(file, 'utf8'))).types,
    ),
  );
  for (const t of manifest) names.set(t.id, t.name);
  return names;
}
