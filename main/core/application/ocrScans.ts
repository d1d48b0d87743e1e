/**
 * OCR of scanned evidence, in the background: after an upload (any save of a case that holds a scan
 * not read yet, so a pulled case's scans too) and at start, a job reads each such file page by page
 * (ocr/scanPages.ts, ocr/paddle.ts), writes each page to ocr_pages as it goes — its text, or
 * `unreadable` (not searchable; the evidence card says so) — and re-indexes the cases holding the
 * file, so search finds the page and its hit opens the evidence at that page.
 *
 * One job at a time. Each run takes at most `filesPerRun` files and starts again while any is
 * left, so a desk with years of scans is read in bounded runs. A cancel stops between two pages;
 * the pages read stay, and the next run goes on from the first page not read.
 *
 * OCR inference (ocr/paddle.ts) holds the thread it runs on about 0.5 s for a page's detection, then
 * 5–100 ms a line: it runs in a worker thread the core owns (ocr/workerEngine.ts), started at the
 * first page, ended after an idle minute and when the core closes, so the clerk's requests are
 * answered while a run goes on. A page the engine fails on (a model missing, the worker dying
 * mid-page) is marked unreadable and the run goes on with a new worker; a worker that dies again at
 * once stops the run, and the pages not read wait for the next.
 */
import { evidenceKindNames } from '#common/evidenceFiles.js';
import type { CaseState } from '#common/schemas/cases.js';
import type { EvidenceOcr } from '#common/schemas/ocr.js';
import { JobCancelled, type JobControl } from '#core/jobs/jobRunner.js';
import { pageText, type OcrEngine } from '#core/ocr/engine.js';
import { OcrUnavailable, type WorkerOcrEngine, workerOcrEngine } from '#core/ocr/workerEngine.js';
import { readableScan, ScanUnreadable, scanPageCount, scanPages } from '#core/ocr/scanPages.js';
import type { Services } from '#core/services.js';
import type { Db } from '#core/store/db.js';
import { OcrFiles, type PendingScan } from '#core/store/ocrFiles.js';
import { indexCase, searchIndexOf } from './searchIndexing.js';

/** Files one run takes before it lets the next start (progress stays meaningful, the start stays short). */
export const filesPerRun = 20;
/** Engine name stored for a page whose PDF text layer was taken as it is. */
const textLayer = 'pdf-text-layer';

interface OcrSetup {
  engine: () => Promise<OcrEngine>;
  /** This core's worker thread engine, once a page needed it (ended by `closeOcr`). */
  worker: WorkerOcrEngine | null;
  /** The running job's id, if any (one at a time). */
  running: string | null;
  /** A save asked for OCR while a run was going: run again when it ends. */
  again: boolean;
}
const setups = new WeakMap<Db, OcrSetup>();
function setupOf(services: Pick<Services, 'db'>): OcrSetup {
  let s = setups.get(services.db);
  if (!s) {
    const setup: OcrSetup = {
      engine: async () => (setup.worker ??= workerOcrEngine()),
      worker: null,
      running: null,
      again: false,
    };
    s = setup;
    setups.set(services.db, s);
  }
  return s;
}

/** This core's worker thread engine once a page needed it, else null (tests: its thread). */
export function ocrWorkerEngine(services: Pick<Services, 'db'>): WorkerOcrEngine | null {
  return setups.get(services.db)?.worker ?? null;
}

/** Ends this core's OCR worker thread, if one runs (core.close, after the jobs have stopped). */
export async function closeOcr(services: Pick<Services, 'db'>): Promise<void> {
  await setups.get(services.db)?.worker?.close();
}

/** Another engine for this database's core (tests: a fake, or the real one loaded once). */
export function useOcrEngine(services: Pick<Services, 'db'>, engine: () => Promise<OcrEngine>): void {
  setupOf(services).engine = engine;
}

/** The running OCR job's id (tests, the bench), or null. */
export function ocrJobId(services: Pick<Services, 'db'>): string | null {
  return setupOf(services).running;
}

/**
 * Starts the OCR job unless one runs. With a case: only when that case holds a scan not read yet
 * (called after each save of a case with a scan; cheap). Without: at start, where the job itself
 * looks for waiting scans across the cases, off the start's path. The job is the uploader's when an
 * upload starts it: he sees its progress and may cancel it (jobs.get, jobs.cancel).
 */
export function startOcr(services: Services, caseId?: string, owner = 'system'): string | null {
  const setup = setupOf(services);
  if (setup.running) {
    setup.again = true;
    return setup.running;
  }
  if (caseId !== undefined && !new OcrFiles(services.db).pending(1, [caseId]).length) return null;
  let cancelled = false;
  const { jobId } = services.jobs.start({
    op: 'evidence.ocr',
    owner,
    exclusive: 'ocr',
    run: async (ctl) => {
      try {
        const r = await ocrRun(services, ctl);
        // A full run may have left more; an upload during the run may have added some.
        if (r.files === filesPerRun) setup.again = true;
        return r;
      } catch (e) {
        cancelled = e instanceof JobCancelled;
        throw e;
      } finally {
        setup.running = null;
        const again = setup.again && !cancelled;
        setup.again = false;
        if (again) setImmediate(() => startSafely(services));
      }
    },
  });
  setup.running = jobId;
  return jobId;
}

/** From a timer or a save hook: a core closed meanwhile, or a failed look-up, must not crash the process. */
export function startSafely(services: Services, caseId?: string): void {
  try {
    if (services.db.open) startOcr(services, caseId);
  } catch {
    /* the next save or start tries again */
  }
}

/** One run: up to `filesPerRun` waiting files, page by page. Returns what it did. */
export async function ocrRun(
  services: Services,
  ctl: JobControl,
): Promise<{ files: number; pages: number; unreadable: number }> {
  const files = new OcrFiles(services.db).pending(filesPerRun);
  const done = { files: 0, pages: 0, unreadable: 0 };
  for (const [i, file] of files.entries()) {
    const r = await ocrFile(services, file, ctl, `识别扫描件文字（第${i + 1}/${files.length}个文件）`);
    done.files++;
    done.pages += r.pages;
    done.unreadable += r.unreadable;
  }
  return done;
}

async function ocrFile(
  services: Services,
  file: PendingScan,
  ctl: JobControl,
  stage: string,
): Promise<{ pages: number; unreadable: number }> {
  const store = new OcrFiles(services.db);
  const index = searchIndexOf(services.db);
  const finish = (pages: number, unreadable: number, failure: string | null): void => {
    services.db.transaction(() => {
      store.finish({ fileHash: file.fileHash, pages, unreadable, failure, doneAt: services.clock.now().toISOString() });
      reindex(services, file.caseIds);
    })();
  };
  if (!readableScan(file.mimeType) || !services.blobs.has(file.fileHash)) {
    // A pulled case's file not on this PC yet: left waiting (no row), tried at the next run.
    if (!services.blobs.has(file.fileHash)) return { pages: 0, unreadable: 0 };
    finish(0, 0, `${evidenceKindNames.scan}的格式无法识别文字`);
    return { pages: 0, unreadable: 0 };
  }
  const bytes = services.blobs.get(file.fileHash);
  let total: number;
  try {
    total = await scanPageCount(bytes, file.mimeType);
  } catch (e) {
    if (!(e instanceof ScanUnreadable)) throw e;
    finish(0, 0, `${e.message}，无法识别文字`);
    return { pages: 0, unreadable: 0 };
  }
  const engine = await setupOf(services).engine();
  const from = store.pagesDone(file.fileHash) + 1;
  ctl.progress(stage, from - 1, total);
  let pages = 0;
  for await (const p of scanPages(bytes, file.mimeType, from)) {
    let text: string | null;
    let engineName = engine.name;
    if ('text' in p) {
      text = p.text;
      engineName = textLayer;
    } else {
      text = null;
      if (p.image.length) {
        try {
          text = pageText(await engine.read(p.image));
        } catch (e) {
          if (e instanceof OcrUnavailable) throw e; // the engine itself is down: the pages wait for a later run
          text = null; // a page the engine fails on is a page not read, not a failed job
        }
      }
    }
    index.putOcrPage({
      fileHash: file.fileHash,
      page: p.page,
      status: text === null ? 'unreadable' : 'read',
      text: text ?? '',
      engine: engineName,
      readAt: services.clock.now().toISOString(),
    });
    pages++;
    ctl.progress(stage, p.page, total);
    // A cancel stops here, between two pages: what was read stays, the next run goes on from here.
    await ctl.breathe();
  }
  const unreadable = store.unreadableCount(file.fileHash);
  finish(total, unreadable, null);
  return { pages, unreadable };
}

/** The cases holding a file, indexed again: their rows gain the file's pages (searchIndexing.ts). */
function reindex(services: Services, caseIds: readonly string[]): void {
  for (const id of caseIds) {
    const s = services.cases.projection.get(id);
    if (s) indexCase(services, s);
  }
}

/** Each scan of a case: waiting for OCR, or read (with the pages that could not be), for the 证据 tab. */
export function evidenceOcr(services: Pick<Services, 'db'>, s: CaseState): EvidenceOcr[] {
  const scans = s.evidence.filter((e) => e.kind === 'scan');
  if (!scans.length) return [];
  const results = new OcrFiles(services.db).results(scans.map((e) => e.hash));
  return scans.map((e) => {
    const r = results.get(e.hash);
    if (!r) return { evidenceId: e.id, state: 'waiting' as const, pages: 0, unreadablePages: [], failure: null };
    return {
      evidenceId: e.id,
      state: 'done' as const,
      pages: r.pages,
      unreadablePages: r.unreadablePages,
      failure: r.failure,
    };
  });
}
