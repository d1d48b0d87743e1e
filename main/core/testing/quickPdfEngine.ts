/**
 * A stand-in PDF engine that makes a real one-page PDF (pdf-lib) per DOCX in a few milliseconds:
 * sealing (documents.finalise) and binding (dossier.build) read it as they read Chromium's, so the
 * crash test exercises every write of those operations without a browser start per kill. The bench
 * runs the same kills on the real Chromium engine.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { sha256Hex } from '../store/hashing.js';
import type { PdfEngine } from '../documents/pdf/engine.js';
import type { EngineFactory } from '../documents/pdfService.js';

async function onePagePdf(docx: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(`DOCX ${sha256Hex(docx).slice(0, 16)} (${docx.length} bytes)`, { x: 72, y: 760, size: 11, font });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export const quickPdfEngines: EngineFactory = {
  detect: async () => ['chromium'],
  async create() {
    let closed = false;
    const engine: PdfEngine = {
      // Named as the engine it stands in for: the PDF cache (derived_pdfs) keys on it like on the real one.
      name: 'chromium',
      async convert(docx) {
        if (closed) throw new Error('quick PDF engine closed');
        return { pdf: await onePagePdf(docx), pages: 1 };
      },
      async close() {
        closed = true;
      },
    };
    return engine;
  },
};
