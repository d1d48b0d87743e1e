/** The one interface every PDF engine implements; callers never know which one they hold. */
export type PdfEngineName = 'libreoffice' | 'chromium' | 'electron';

export interface PdfResult {
  pdf: Buffer;
  pages: number;
}

export interface PdfEngine {
  name: PdfEngineName;
  /** Converts one DOCX to PDF. Calls may overlap; each engine runs them one at a time. */
  convert(docx: Buffer): Promise<PdfResult>;
  /** Stops the engine's processes; later calls to convert fail. */
  close(): Promise<void>;
}
