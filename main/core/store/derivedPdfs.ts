/**
 * The PDFs the engines made from stored DOCX files (`derived_pdfs`), by DOCX hash and engine: a
 * document is converted once per engine, and the preview, printing and 组卷 reuse the result.
 */
import type { Db } from './db.js';

export class DerivedPdfs {
  constructor(private readonly db: Db) {}

  get(docxHash: string, engine: string): { pdfHash: string; pages: number } | undefined {
    const hit = this.db
      .prepare('SELECT pdf_hash, pages FROM derived_pdfs WHERE docx_hash = ? AND engine = ?')
      .get(docxHash, engine) as { pdf_hash: string; pages: number } | undefined;
    return hit ? { pdfHash: hit.pdf_hash, pages: hit.pages } : undefined;
  }

  put(docxHash: string, engine: string, pdfHash: string, pages: number): void {
    this.db
      .prepare('INSERT OR REPLACE INTO derived_pdfs (docx_hash, engine, pdf_hash, pages) VALUES (?, ?, ?, ?)')
      .run(docxHash, engine, pdfHash, pages);
  }
}
