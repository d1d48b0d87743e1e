/**
 * One PDF engine per core, started on first use (a Chromium start costs ~1 s) and reused, with
 * the results cached by the DOCX's hash: the same DOCX is never converted twice.
 */
import type { Db } from '../store/db.js';
import type { BlobStore } from '../store/blobStore.js';
import { createPdfEngine, detectEngines, type EngineContext, type EnginePreference } from './pdf/engines.js';
import type { PdfEngine } from './pdf/engine.js';

export type { EnginePreference };

export class PdfService {
  private engine: Promise<PdfEngine> | null = null;

  /** `context.electron`: the desktop app's PDF channel (set by main/host/utility.ts), which 'auto' then prefers. */
  constructor(private readonly db: Db, private readonly blobs: BlobStore, private readonly preference: EnginePreference,
    private readonly context: EngineContext = {}) {}

  /** The engines this core could use, the desktop app's own first (app.info). */
  engineNames(): Promise<string[]> {
    return detectEngines(this.context);
  }

  private getEngine(): Promise<PdfEngine> {
    if (this.engine) return this.engine;
    const started = createPdfEngine(this.preference, this.context);
    // A failed start is not cached: the next request tries again (e.g. after LibreOffice is installed).
    started.catch(() => { this.engine = null; });
    this.engine = started;
    return started;
  }

  async pdfFor(docxHash: string): Promise<{ pdfHash: string; pages: number; engine: string }> {
    const engine = await this.getEngine();
    const hit = this.db.prepare('SELECT pdf_hash, pages FROM derived_pdfs WHERE docx_hash = ? AND engine = ?').get(docxHash, engine.name) as
      { pdf_hash: string; pages: number } | undefined;
    if (hit && this.blobs.has(hit.pdf_hash)) return { pdfHash: hit.pdf_hash, pages: hit.pages, engine: engine.name };
    const { pdf, pages } = await engine.convert(this.blobs.get(docxHash));
    const pdfHash = this.blobs.put(pdf, 'application/pdf');
    this.db.prepare('INSERT OR REPLACE INTO derived_pdfs (docx_hash, engine, pdf_hash, pages) VALUES (?, ?, ?, ?)').run(docxHash, engine.name, pdfHash, pages);
    return { pdfHash, pages, engine: engine.name };
  }

  async close(): Promise<void> {
    const e = this.engine;
    this.engine = null;
    if (e) await (await e.catch(() => null))?.close();
  }
}
