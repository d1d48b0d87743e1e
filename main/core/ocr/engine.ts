/**
 * An OCR engine reads the text of one page image. The one the app uses is PaddleOCR (paddle.ts);
 * docs/decisions.md “OCR of scanned evidence” says why, with the figures. Tests pass a fake.
 */
export interface OcrLine {
  text: string;
  /** The engine's mean confidence in the line, 0–1. */
  confidence: number;
}

export interface OcrEngine {
  /** Stored with each page read (ocr_pages.engine): which engine and models read it. */
  readonly name: string;
  /** The lines of one page image (PNG or JPEG bytes, grey or colour), in reading order. */
  read(image: Uint8Array): Promise<OcrLine[]>;
}

/** Below this mean confidence a page's text is not trusted: the page is marked not searchable. */
export const minConfidence = 0.6;

/**
 * A page's text, or null when the engine found nothing it trusts (a blank page, a photo, a page
 * too faint or skewed to read). Lines the engine itself doubts are dropped rather than indexed.
 */
export function pageText(lines: readonly OcrLine[]): string | null {
  const kept = lines.filter((l) => l.text.trim() && l.confidence >= minConfidence / 2);
  if (!kept.length) return null;
  const chars = kept.reduce((n, l) => n + [...l.text].length, 0);
  const mean = kept.reduce((n, l) => n + l.confidence * [...l.text].length, 0) / chars;
  return mean >= minConfidence ? kept.map((l) => l.text.trim()).join('\n') : null;
}
