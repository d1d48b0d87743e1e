/**
 * One PDF engine per core, started on first use (a Chromium start costs ~1 s) and reused, with
 * the results cached by the DOCX's hash: the same DOCX is never converted twice.
 *
 * Which engine: a core option (tests, scripts) or ANJUAN_PDF_ENGINE wins; otherwise the bureau's
 * setting (本局设置, `settings.update`), which a head may change while the core runs (`usePreference`).
 */
import type { Db } from '../store/db.js';
import { DerivedPdfs } from '../store/derivedPdfs.js';
import type { BlobStore } from '../store/blobStore.js';
import { createPdfEngine, detectEngines, type EngineContext, type EnginePreference } from './pdf/engines.js';
import type { PdfEngine, PdfEngineName } from './pdf/engine.js';

export type { EnginePreference };

const preferences: readonly EnginePreference[] = ['auto', 'electron', 'chromium', 'libreoffice'];

/** What set the engine when the bureau's setting does not apply. */
export type EngineLock = 'option' | 'ANJUAN_PDF_ENGINE';

export interface EngineChoice {
  preference: EnginePreference;
  lockedBy: EngineLock | null;
}

/** Precedence: an explicit core option, then the environment variable, then the stored setting. */
export function engineChoice(
  option: EnginePreference | undefined,
  env: string | undefined,
  stored: EnginePreference,
): EngineChoice {
  if (option) return { preference: option, lockedBy: 'option' };
  if (env) {
    if ((preferences as readonly string[]).includes(env))
      return { preference: env as EnginePreference, lockedBy: 'ANJUAN_PDF_ENGINE' };
    // Before settings existed an unknown value fell through to 'auto'; now the bureau's choice applies.
    console.warn(
      `[anjuan] ANJUAN_PDF_ENGINE=${env} 不是有效的PDF引擎（auto、electron、chromium、libreoffice），已忽略`,
    );
  }
  return { preference: stored, lockedBy: null };
}

/** How engines are found and started: the real ones (pdf/engines.ts), or stand-ins in tests. */
export interface EngineFactory {
  detect(ctx: EngineContext): Promise<PdfEngineName[]>;
  create(preference: EnginePreference, ctx: EngineContext): Promise<PdfEngine>;
}

const realEngines: EngineFactory = { detect: detectEngines, create: createPdfEngine };

export class PdfService {
  private engine: Promise<PdfEngine> | null = null;
  /** The engine that started, once it has: settings.get shows what 'auto' picked. */
  private started: PdfEngine | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();
  private preferenceNow: EnginePreference;

  /** `context.electron`: the desktop app's PDF channel (set by main/host/utility.ts), which 'auto' then prefers. */
  /** The PDFs already made, per DOCX and engine (store/derivedPdfs.ts). */
  private readonly derived: DerivedPdfs;

  constructor(
    db: Db,
    private readonly blobs: BlobStore,
    private readonly choice: EngineChoice,
    private readonly context: EngineContext = {},
    private readonly engines: EngineFactory = realEngines,
  ) {
    this.preferenceNow = choice.preference;
    this.derived = new DerivedPdfs(db);
  }

  /** The engines this core could use, the desktop app's own first (app.info, 本局设置). */
  engineNames(): Promise<PdfEngineName[]> {
    return this.engines.detect(this.context);
  }

  /** The preference the next conversion uses. */
  get preference(): EnginePreference {
    return this.preferenceNow;
  }
  /** Set when a core option or ANJUAN_PDF_ENGINE overrides the bureau's setting. */
  get lockedBy(): EngineLock | null {
    return this.choice.lockedBy;
  }
  /** The running engine's name, or null before one has started. */
  get activeEngine(): PdfEngineName | null {
    return this.started?.name ?? null;
  }

  /**
   * The bureau chose another engine: the running one is closed (once the conversions it has begun
   * are done) and the next document starts the new one. Cached PDFs are per engine, so nothing made
   * by the old engine is shown as the new one's. Ignored while an override is set.
   */
  async usePreference(preference: EnginePreference): Promise<void> {
    if (this.choice.lockedBy || preference === this.preferenceNow) return;
    this.preferenceNow = preference;
    const old = this.engine;
    const busy = [...this.inFlight];
    this.engine = null;
    this.started = null;
    if (!old) return;
    await Promise.allSettled(busy);
    await (await old.catch(() => null))?.close();
  }

  private getEngine(): Promise<PdfEngine> {
    if (this.engine) return this.engine;
    const started = this.engines.create(this.preferenceNow, this.context);
    // A failed start is not cached: the next request tries again (e.g. after LibreOffice is installed).
    started.then(
      (e) => {
        if (this.engine === started) this.started = e;
      },
      () => {
        if (this.engine === started) this.engine = null;
      },
    );
    this.engine = started;
    return started;
  }

  /** Counts a conversion as begun on the engine it uses, so a switch waits for it before closing that engine. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const done = (): void => {
      this.inFlight.delete(work);
    };
    work.then(done, done);
    return work;
  }

  pdfFor(docxHash: string): Promise<{ pdfHash: string; pages: number; engine: string }> {
    // Tracked from the start: a switch during the engine's start-up waits for this document too.
    return this.track(this.convertCached(this.getEngine(), docxHash));
  }

  private async convertCached(
    started: Promise<PdfEngine>,
    docxHash: string,
  ): Promise<{ pdfHash: string; pages: number; engine: string }> {
    const engine = await started;
    const hit = this.derived.get(docxHash, engine.name);
    if (hit && this.blobs.has(hit.pdfHash)) return { ...hit, engine: engine.name };
    const { pdf, pages } = await engine.convert(this.blobs.get(docxHash));
    const pdfHash = this.blobs.put(pdf, 'application/pdf');
    this.derived.put(docxHash, engine.name, pdfHash, pages);
    return { pdfHash, pages, engine: engine.name };
  }

  /**
   * 试打印: converts `docx` with the engine in use, or with `preference` when another is asked for
   * (started for this once and closed, so a head can try an engine before choosing it). Nothing is
   * cached; the time includes starting the engine when it was not running.
   */
  async trial(
    docx: Buffer,
    preference?: EnginePreference,
  ): Promise<{ engine: PdfEngineName; pages: number; ms: number }> {
    const t0 = performance.now();
    if (preference === undefined || preference === this.preferenceNow) {
      const started = this.getEngine();
      return this.track(
        (async () => {
          const engine = await started;
          const { pages } = await engine.convert(docx);
          return { engine: engine.name, pages, ms: Math.round(performance.now() - t0) };
        })(),
      );
    }
    const engine = await this.engines.create(preference, this.context);
    try {
      const { pages } = await engine.convert(docx);
      return { engine: engine.name, pages, ms: Math.round(performance.now() - t0) };
    } finally {
      await engine.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const e = this.engine;
    this.engine = null;
    this.started = null;
    if (e) await (await e.catch(() => null))?.close();
  }
}
