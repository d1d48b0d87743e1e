/**
 * The core: opens the data directory, loads the law-as-data, and answers operations. The same
 * core runs in Electron's utilityProcess, in the local web host and in the CLI.
 */
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import type { Envelope, Reply } from '../../common/client.js';
import { openDatabase, type Db } from './store/db.js';
import { projectionVersion } from './domain/caseReducer.js';
import { Directory } from './store/directory.js';
import { BlobStore } from './store/blobStore.js';
import { CaseStore, type StampFn } from './store/caseStore.js';
import { Sequences } from './store/sequences.js';
import { formatHlc, hlcTick, parseHlc, type HlcState } from './domain/hlc.js';
import { seedDemo } from './seed/demo.js';
import { loadBenchmark, loadCalendar, loadDocumentTypeNames, loadHearingThreshold, loadProcedures, type Clock, type Services } from './services.js';
import { engineChoice, PdfService, type EngineFactory, type EnginePreference } from './documents/pdfService.js';
import { pdfEngineSetting } from './api/settings.js';
import type { ElectronPdfChannel } from './documents/pdf/electronWire.js';
import { createDispatcher } from './api/dispatch.js';
import { handlers } from './api/handlers/index.js';
import { LawLibrary } from './store/lawLibrary.js';
import { loadLawData } from './lawResources.js';
import { loadCitations } from './citationResources.js';
import { loadManifest } from './documents/manifest.js';
import { EnterpriseStore } from './store/enterpriseStore.js';
import { loadEnterpriseData } from './enterpriseResources.js';
import { DiscretionStore } from './store/discretionStore.js';
import { TemplateStore } from './documents/templateStore.js';
import { Accounts } from './store/accounts.js'; // issue 11: accounts
import { removeStaleTempFiles, setAsideBadDataFiles } from './dataFiles.js'; // issue 11: a bad data file is set aside, the core still starts
import { ensurePrivateDir, privateDirMode, restrictToOwner } from './store/durableFile.js';
import type { UpdateLink } from './updateLink.js'; // issue 11: updates of the desktop app
// Issue 11: backups; restore closes and reopens the core; a damaged database is refused at start
import { BackupService, type Reopen } from './backup/service.js';
import { restartableCore } from './backup/restartable.js';
import { openCheckedDatabase } from './backup/startup.js';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  /** Overrides ANJUAN_PDF_ENGINE and the bureau's setting (本局设置), which then only shows it. */
  pdfEngine?: EnginePreference;
  /** Tests only: stand-in engines (detection and start) instead of Chromium, LibreOffice, Electron. */
  pdfEngines?: EngineFactory;
  /** The desktop app's PDF channel (main/host/utility.ts): 'auto' then prints from an Electron window. */
  electronPdf?: ElectronPdfChannel;
  /** The desktop app's updater, reached over the utilityProcess port (main/core/updateLink.ts; issue 11). */
  updateLink?: UpdateLink;
  /**
   * Create the demo bureau (published passwords, synthetic enterprises) when the directory is empty.
   * Default false: an installed workstation starts with the first-run setup (issue 11). `npm start`,
   * the sample scripts, the bench and the tests ask for it (ANJUAN_DEMO=1 for the hosts, main/host/demoEnv.ts).
   */
  demo?: boolean;
  /**
   * The real time for logins, lockouts, session expiry and the audit log (default the system clock).
   * Not `clock`: tests and the e2e specs move the case date by weeks, which must not end sessions.
   */
  authClock?: Clock;
  /** Take the daily backup in the background (issue 11): the web host and the desktop app do; the CLI and tests do not. */
  scheduledBackups?: boolean;
}

export interface Core {
  dispatch(envelope: Envelope): Promise<Reply<unknown>>;
  services: Services;
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };

function deviceId(db: ReturnType<typeof openDatabase>): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'device'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = `ws-${randomBytes(4).toString('hex')}`;
  db.prepare("INSERT INTO meta (key, value) VALUES ('device', ?)").run(id);
  return id;
}

/** Ids and hybrid-logical-clock stamps; the clock resumes from the newest event on disk. */
function stamper(db: ReturnType<typeof openDatabase>, clock: Clock, device: string): StampFn {
  const last = db.prepare('SELECT hlc FROM case_events ORDER BY hlc DESC LIMIT 1').get() as { hlc: string } | undefined;
  let hlc: HlcState = last ? parseHlc(last.hlc) : { wall: 0, counter: 0 };
  const ulid = monotonicFactory();
  return () => {
    const now = clock.now();
    hlc = hlcTick(hlc, now.getTime());
    return { id: ulid(now.getTime()), hlc: formatHlc(hlc, device), at: now.toISOString() };
  };
}

/** Projections are derived data: when their shape changed since they were written, rebuild them from the log. */
function rebuildProjectionsIfStale(db: Db, cases: CaseStore): void {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'projectionVersion'").get() as { value: string } | undefined;
  if (row?.value === String(projectionVersion)) return;
  cases.rebuildAll();
  db.prepare("INSERT INTO meta (key, value) VALUES ('projectionVersion', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(projectionVersion));
}

/** The core; `backup.restore` closes and reopens it behind the same object (backup/restartable.ts). */
export function createCore(opts: CoreOptions): Promise<Core> {
  return restartableCore((reopen) => openCore(opts, reopen));
}

async function openCore(opts: CoreOptions, reopen: Reopen): Promise<Core> {
  // Owner-only (issue 11): case files, evidence and the database are nobody else's business on a shared PC.
  ensurePrivateDir(opts.dataDir);
  restrictToOwner(opts.dataDir, privateDirMode);
  const db = await openCheckedDatabase(opts.dataDir); // issue 11: a damaged database is refused, never replaced by an empty one
  const directory = new Directory(db);
  if (directory.isEmpty() && opts.demo === true) seedDemo(db);
  const clock = opts.clock ?? systemClock;
  const dataFileWarnings = setAsideBadDataFiles(opts.dataDir, clock.now());
  removeStaleTempFiles(opts.dataDir, new Date());
  const device = deviceId(db);
  const blobs = new BlobStore(join(opts.dataDir, 'blobs'), db);
  const hearing = loadHearingThreshold();
  const discretion = new DiscretionStore(db);
  discretion.saveShipped(loadBenchmark(), clock.now().toISOString());
  const manifest = loadManifest();
  const services: Services = {
    db, dataDir: opts.dataDir, device, clock, directory, blobs,
    cases: new CaseStore(db, stamper(db, clock, device)),
    sequences: new Sequences(db),
    calendar: loadCalendar(undefined, join(opts.dataDir, 'calendars')),
    procedures: loadProcedures(undefined, join(opts.dataDir, 'procedures')),
    // The types of the benchmark in use: the province may load a newer one while the core runs.
    get violations() { return discretion.violationTypes(); },
    hearingThresholdYuan: hearing.organisationYuan,
    hearingThreshold: hearing,
    manifest,
    templates: new TemplateStore(opts.dataDir),
    documentTypeNames: loadDocumentTypeNames(manifest),
    numberedTypes: new Set(manifest.filter((t) => t.numberPattern).map((t) => t.id)),
    templateTypes: new Set(manifest.map((t) => t.id)),
    bureau: () => directory.bureau(),
    // Option, then ANJUAN_PDF_ENGINE, then the bureau's setting (settings.update changes it while running).
    pdf: new PdfService(db, blobs, engineChoice(opts.pdfEngine, process.env.ANJUAN_PDF_ENGINE, pdfEngineSetting({ db })),
      { electron: opts.electronPdf }, opts.pdfEngines),
    laws: new LawLibrary(db), // issue 5: law library
    lawData: loadLawData(),
    citations: loadCitations(),
    enterprises: new EnterpriseStore(db), // issue 5: enterprise directory
    enterpriseData: loadEnterpriseData(),
    discretion, // issue 5: discretion benchmark
    accounts: new Accounts(db, opts.authClock ?? systemClock, device), // issue 11: accounts
    dataFileWarnings,
    updateLink: opts.updateLink ?? null, // issue 11: updates of the desktop app
    backups: new BackupService({ db, dataDir: opts.dataDir, device, now: () => clock.now(), appVersion: process.env.npm_package_version ?? '0.1.0', reopen, schedule: opts.scheduledBackups === true }), // issue 11
  };
  services.enterprises.ensureSearchIndex();
  rebuildProjectionsIfStale(db, services.cases);
  const dispatch = createDispatcher(services, handlers);
  return {
    dispatch,
    services,
    async close() {
      await services.backups.close();
      await services.pdf.close();
      db.close();
    },
  };
}
