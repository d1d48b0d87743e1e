/**
 * The pages the assembler makes itself (cover, catalog, photo pages, 备考表, page-number stamps)
 * are laid out first as plain lists of drawing operations and painted later.
 *
 * Why two steps: the font is embedded as a subset of exactly the characters drawn, and that set is
 * only known once everything is laid out. Layout measures with the full font's metrics (a subset
 * keeps each glyph's advance width), so what is measured is what gets painted.
 */
import type { PDFImage } from 'pdf-lib';
import { wrapText } from './wrap.js';
import type { FontStyle, Measure } from '../fonts/cjkFont.js';

export const mm = (n: number): number => (n * 72) / 25.4;

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Margins of the pages made here: the wider left margin is the binding edge (装订线). */
export const margin = { left: mm(25), right: mm(20), top: mm(25), bottom: mm(20) } as const;
export const contentWidth = A4.width - margin.left - margin.right;

export type { FontStyle, Measure };

export interface TextOp {
  kind: 'text';
  text: string;
  x: number;
  y: number;
  size: number;
  style: FontStyle;
  rotate?: number;
}
export interface LineOp {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}
/** An image drawn through `matrix`, which maps the image's unit square onto the page. */
export interface ImageOp {
  kind: 'image';
  image: PDFImage;
  matrix: [number, number, number, number, number, number];
}
export type DrawOp = TextOp | LineOp | ImageOp;

/**
 * Baseline of a line of CJK text of `size` set in a line box starting at `top` (y grows upwards):
 * the ideographic em box (ascent 0.88 em in Noto CJK) is centred in the line box.
 */
export function baseline(top: number, lineHeight: number, size: number): number {
  return top - (lineHeight - size) / 2 - size * 0.88;
}

/** Collects the operations of one page (or of a stamp on a copied page). */
export class Sheet {
  readonly ops: DrawOp[] = [];
  constructor(readonly measure: Measure) {}

  text(text: string, x: number, y: number, size: number, style: FontStyle = 'regular', rotate = 0): void {
    if (text) this.ops.push({ kind: 'text', text, x, y, size, style, ...(rotate ? { rotate } : {}) });
  }

  /** Draws `text` aligned within [x, x + width] on baseline y. */
  aligned(
    text: string,
    x: number,
    width: number,
    y: number,
    size: number,
    style: FontStyle,
    align: 'left' | 'center' | 'right',
  ): void {
    const w = this.measure(text, size, style);
    const dx = align === 'left' ? 0 : align === 'center' ? (width - w) / 2 : width - w;
    this.text(text, x + dx, y, size, style);
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.75): void {
    this.ops.push({ kind: 'line', x1, y1, x2, y2, width });
  }

  rect(x: number, y: number, width: number, height: number, lineWidth = 0.75): void {
    this.line(x, y, x + width, y, lineWidth);
    this.line(x + width, y, x + width, y + height, lineWidth);
    this.line(x + width, y + height, x, y + height, lineWidth);
    this.line(x, y + height, x, y, lineWidth);
  }

  image(image: PDFImage, matrix: ImageOp['matrix']): void {
    this.ops.push({ kind: 'image', image, matrix });
  }

  wrap(text: string, width: number, size: number, style: FontStyle = 'regular'): string[] {
    return wrapText(text, width, (s) => this.measure(s, size, style));
  }
}
