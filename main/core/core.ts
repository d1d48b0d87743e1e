/**
 * The core: opens the data directory, loads the law-as-data, and answers operations. The same
 * core runs in Electron's utilityProcess, in the local web host and in the CLI.
 */
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { openDatabase, Db } from './store/db.js';
import { projectionVersion } from './domain/caseReducer.js';
import { Directory } from './store/directory.js';
import { BlobStore } from './store/blobStore.js';
import { CaseStore } from './store/caseStore.js';
import { caseRowsOf } from './application/caseRows.js';
import { Sequences } from './store/sequences.js';
import { metaValue, newestEventHlc, setMetaValue } from './store/meta.js';
import { HlcStamper } from './hlcStamper.js';
import { seedDemo } from './seed/demo.js';
import { JobRunner } from './jobs/jobRunner.js';
import { indexCase, startSearchIndexing } from './application/searchIndexing.js'; // one search box across cases
import { closeOcr, startOcr, startSafely as startOcrSafely } from './application/ocrScans.js'; // scans read by OCR, for search
import {
  loadBenchmark,
  loadCalendar,
  loadDocumentTypeNames,
  numberedTypesOf,
  loadProcedures,
  type Clock,
  type Services,
} from './services.js';
import { engineChoice, PdfService, type EngineFactory, type EnginePreference } from './documents/pdfService.js';
import { pdfEngineSetting } from '#core/application/settings.js';
import type { ElectronPdfChannel } from './documents/pdf/electronWire.js';
import { createDispatcher } from './api/dispatch.js';
import { handlers } from './api/handlers/index.js';
import { LawLibrary } from './store/lawLibrary.js';
import { loadLawData } from './lawResources.js';
import { loadHearingThreshold } from './hearingThresholdResource.js';
import { loadCitations } from './citationResources.js';
import { loadManifest } from './documents/manifest.js';
import { EnterpriseStore } from './store/enterpriseStore.js';
import { loadEnterpriseData } from './enterpriseResources.js';
import { DiscretionStore } from './store/discretionStore.js';
import { TemplateStore } from './documents/templateStore.js';
import { Accounts } from './store/accounts.js'; // accounts
import { removeStaleTempFiles, setAsideBadDataFiles } from './dataFiles.js'; // a bad data file is set aside, the core still starts
import { ensurePrivateDir, privateDirMode, restrictToOwner } from './store/durableFile.js';
import type { UpdateLink } from './updateLink.js'; // updates of the desktop app
// backups; restore closes and reopens the core; a damaged database is refused at start
import { BackupService } from './backup/service.js';
import type { Reopen } from './reopen.js';
import { restartableCore } from './restartableCore.js';
import { openCheckedDatabaseDeferring } from './backup/startup.js';
// Encryption at rest (docs/security.md): the key from a KeyProvider; the bulky tables checked after the first answer
import { forgetKeyEnv, keyProviderFromEnv, type KeyProvider } from './encryption/keyProvider.js';
import { databaseKey } from './encryption/databaseKey.js';
import { EncryptionService } from './encryption/service.js';
import { DeferredIntegrityCheck } from './store/integrity.js';
import { saveShippedBenchmark } from './store/shippedBenchmark.js';
import { resourcesDir } from './paths.js';
import { backupRoot, plainBackupCount } from './backup/layout.js';
// Files travel as bytes (security audit): the GET /files/… entry, thumbnails, and who may read what.
import { openFile } from './api/files.js';
import { receiveUpload } from './api/uploads.js'; // evidence files in as bytes
import { Thumbnails } from './files/thumbnails.js';
import { SyncClient, type SyncClientOptions } from './sync/client.js'; // sync with the provincial server
import { FileRefs } from './store/fileRefs.js';
import type { Core } from './coreInterface.js';

// What the hosts hold: declared apart, since restartableCore.ts (which this file uses) wraps one too.
export type { Core };

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  /** Overrides ANJUAN_PDF_ENGINE and the bureau's setting (本局设置), which then only shows it. */
  pdfEngine?: EnginePreference;
  /** Tests only: stand-in engines (detection and start) instead of Chromium, LibreOffice, Electron. */
  pdfEngines?: EngineFactory;
  /** The desktop app's PDF channel (main/host/utility.ts): 'auto' then prints from an Electron window. */
  electronPdf?: ElectronPdfChannel;
  /** The desktop app's updater, reached over the utilityProcess port (main/core/updateLink.ts). */
  updateLink?: UpdateLink;
  /**
   * Create the demo bureau (published passwords, synthetic enterprises) when the directory is empty.
   * Default false: an installed workstation starts with the first-run setup. `npm start`,
   * the sample scripts, the bench and the tests ask for it (ANJUAN_DEMO=1 for the hosts, main/host/demoEnv.ts).
   */
  demo?: boolean;
  /**
   * The real time for logins, lockouts, session expiry and the audit log (default the system clock).
   * Not `clock`: tests and the e2e specs move the case date by weeks, which must not end sessions.
   */
  authClock?: Clock;
  /** Take the daily backup in the background: the web host and the desktop app do; the CLI and tests do not. */
  scheduledBackups?: boolean;
  /** Sync with the provincial server: `schedule` (rounds every 5 min while enrolled: the hosts), tests' `fetch`. */
  sync?: SyncClientOptions;
  /**
   * Where the database key comes from when the data directory is encrypted (encryption/keyProvider.ts).
   * Default: ANJUAN_DB_KEY (the desktop shell passes the OS keychain's key so) or ANJUAN_DB_KEY_FILE.
   */
  keys?: KeyProvider;
}

const systemClock: Clock = { now: () => new Date() };

function deviceId(db: ReturnType<typeof openDatabase>): string {
  const known = metaValue(db, 'device');
  if (known) return known;
  const id = `ws-${randomBytes(4).toString('hex')}`;
  setMetaValue(db, 'device', id);
  return id;
}

/** Projections are derived data: when their shape changed since they were written, rebuild them from the log. */
function rebuildProjectionsIfStale(db: Db, cases: CaseStore): void {
  if (metaValue(db, 'projectionVersion') === String(projectionVersion)) return;
  cases.rebuildAll();
  setMetaValue(db, 'projectionVersion', String(projectionVersion));
}

/**
 * The rows kept with each projection (deadlines, positions: store/caseRows.ts) are derived data too:
 * a database from before them, or from before a change of what they hold, gets them once at start.
 */
const caseRowsVersion = '1';
function rederiveCaseRowsIfStale(db: Db, cases: CaseStore): void {
  if (metaValue(db, 'caseRowsVersion') === caseRowsVersion) return;
  cases.projection.rederiveAll();
  setMetaValue(db, 'caseRowsVersion', caseRowsVersion);
}

/** The core; `backup.restore` closes and reopens it behind the same object (restartableCore.ts). */
export function createCore(opts: CoreOptions): Promise<Core> {
  let keys = opts.keys;
  if (!keys) {
    keys = keyProviderFromEnv(process.env, opts.dataDir);
    forgetKeyEnv(process.env); // the PDF engines this process starts do not inherit the key
  }
  const withKeys = { ...opts, keys };
  return restartableCore((reopen) => openCore(withKeys, reopen));
}

async function openCore(opts: CoreOptions & { keys: KeyProvider }, reopen: Reopen): Promise<Core> {
  // Owner-only: case files, evidence and the database are nobody else's business on a shared PC.
  ensurePrivateDir(opts.dataDir);
  restrictToOwner(opts.dataDir, privateDirMode);
  const key = databaseKey(opts.dataDir, opts.keys); // null: not encrypted; DATABASE_KEY_MISSING when encrypted without a key
  // a damaged database is refused, never replaced by an empty one; the bulky tables are checked after the first answer.
  const { db, deferred } = await openCheckedDatabaseDeferring(opts.dataDir, {
    key,
    keys: opts.keys,
    integrity: 'at-open',
  });
  const databaseCheck = new DeferredIntegrityCheck(
    db,
    deferred,
    () => new Date(),
    (table, result) => {
      console.error(
        `[anjuan] 数据库完整性检查发现问题（${table}）：${result.slice(0, 300)}。请尽快从最近的完好备份恢复（本局设置 → 数据备份）。`,
      );
    },
  );
  const directory = new Directory(db);
  if (directory.isEmpty() && opts.demo === true) seedDemo(db);
  const clock = opts.clock ?? systemClock;
  const dataFileWarnings = setAsideBadDataFiles(opts.dataDir, clock.now());
  removeStaleTempFiles(opts.dataDir, new Date());
  const device = deviceId(db);
  const blobs = new BlobStore(join(opts.dataDir, 'blobs'), db);
  const hearing = loadHearingThreshold();
  const discretion = new DiscretionStore(db);
  // Parsed and saved only when the shipped file changed since this database last saved it (store/shippedBenchmark.ts).
  saveShippedBenchmark(
    db,
    discretion,
    join(resourcesDir(), 'discretion', 'violations.json'),
    loadBenchmark,
    clock.now().toISOString(),
  );
  const manifest = loadManifest();
  // Ids and HLC stamps, resumed from the newest event on disk; pulled events' stamps are received (sync).
  const hlc = new HlcStamper(newestEventHlc(db), clock, device);
  const services: Services = {
    db,
    dataDir: opts.dataDir,
    device,
    clock,
    directory,
    blobs,
    // Each projection is saved with its deadlines and positions (application/caseRows.ts), read by 到期提醒 and the queues.
    cases: new CaseStore(db, hlc.stamp, (state) => caseRowsOf(services, state)),
    hlc,
    sequences: new Sequences(db),
    calendar: loadCalendar(undefined, join(opts.dataDir, 'calendars')),
    procedures: loadProcedures(undefined, join(opts.dataDir, 'procedures')),
    // The types of the benchmark in use: the province may load a newer one while the core runs.
    get violations() {
      return discretion.violationTypes();
    },
    hearingThresholdYuan: hearing.organisationYuan,
    hearingThreshold: hearing,
    manifest,
    templates: new TemplateStore(opts.dataDir),
    documentTypeNames: loadDocumentTypeNames(manifest),
    numberedTypes: numberedTypesOf(manifest),
    templateTypes: new Set(manifest.map((t) => t.id)),
    bureau: () => directory.bureau(),
    // Option, then ANJUAN_PDF_ENGINE, then the bureau's setting (settings.update changes it while running).
    pdf: new PdfService(
      db,
      blobs,
      engineChoice(opts.pdfEngine, process.env.ANJUAN_PDF_ENGINE, pdfEngineSetting({ db })),
      { electron: opts.electronPdf },
      opts.pdfEngines,
    ),
    laws: new LawLibrary(db), // law library
    lawData: loadLawData(),
    citations: loadCitations(),
    enterprises: new EnterpriseStore(db), // enterprise directory
    enterpriseData: loadEnterpriseData(),
    discretion, // discretion benchmark
    accounts: new Accounts(db, opts.authClock ?? systemClock, device), // accounts
    dataFileWarnings,
    updateLink: opts.updateLink ?? null, // updates of the desktop app
    jobs: new JobRunner(() => clock.now()), // long work off the request path
    backups: new BackupService({
      db,
      dataDir: opts.dataDir,
      device,
      now: () => clock.now(),
      appVersion: process.env.npm_package_version ?? '0.1.0',
      reopen,
      schedule: opts.scheduledBackups === true,
      encryption: key && opts.keys.kind !== 'none' ? { key, keyStore: opts.keys.kind } : null,
    }),
    encryption: new EncryptionService({
      dataDir: opts.dataDir,
      keys: opts.keys,
      reopen,
      plainBackups: () => plainBackupCount(backupRoot(opts.dataDir)),
      now: () => new Date(),
    }),
    databaseCheck,
    thumbnails: new Thumbnails(blobs, () => new FileRefs(db)),
    sync: new SyncClient(db, () => services, opts.sync),
  };
  services.sync.start();
  services.enterprises.ensureSearchIndex();
  rebuildProjectionsIfStale(db, services.cases);
  rederiveCaseRowsIfStale(db, services.cases);
  // The search index is saved with each projection; an older database is indexed in the background.
  services.cases.projection.alsoOnSave((state) => indexCase(services, state));
  startSearchIndexing(services);
  // A saved case with a scan not read yet (an upload, a pull) starts the OCR job once the save is done.
  services.cases.projection.alsoOnSave((state) => {
    if (state.evidence.some((e) => e.kind === 'scan')) setImmediate(() => startOcrSafely(services, state.id));
  });
  startOcr(services); // scans of an older database, or left by a cancel: read in the background
  const answer = createDispatcher(services, handlers);
  // The rest of the start check runs once the first request has its answer (store/integrity.ts).
  const dispatch: typeof answer = async (envelope) => {
    try {
      return await answer(envelope);
    } finally {
      setImmediate(() => {
        void databaseCheck.start();
      });
    }
  };
  return {
    dispatch,
    file: (request, token) => openFile(services, request, token),
    upload: (meta, source, token, opts) => receiveUpload(services, meta, source, token, opts),
    services,
    async close() {
      await services.sync.close(); // a running round finishes its transaction before the database closes
      await services.jobs.close(); // a running import is stopped and undone before the database closes
      await closeOcr(services); // the OCR worker thread, once no run needs it
      await services.backups.close();
      await services.pdf.close();
      await databaseCheck.stop();
      db.close();
    },
  };
}
