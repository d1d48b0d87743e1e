/**
 * A page's read boxes as lines in reading order: boxes whose middles are within half a box's height
 * of each other are one row (a form's cells, a label and its value), read left to right; rows top to
 * bottom. The same rule @gutenye/ocr-common used, which our CER figure was first measured with.
 */
import type { OcrLine } from './engine.js';

export interface ReadBox extends OcrLine {
  /** The box's top-left and bottom-left corners' y and its left x, on the page. */
  top: number;
  bottom: number;
  left: number;
}

export function readingOrder(boxes: readonly ReadBox[]): OcrLine[] {
  if (!boxes.length) return [];
  const meanHeight = boxes.reduce((n, b) => n + (b.bottom - b.top), 0) / boxes.length;
  const rows: ReadBox[][] = [];
  for (const box of boxes) {
    const middle = (box.top + box.bottom) / 2;
    const row = rows.find((r) => Math.abs((r[0]!.top + r[0]!.bottom) / 2 - middle) < meanHeight / 2);
    if (row) row.push(box);
    else rows.push([box]);
  }
  for (const row of rows) row.sort((a, b) => a.left - b.left);
  rows.sort((a, b) => a[0]!.top - b[0]!.top);
  return rows.map((row) => ({
    text: row.map((b) => b.text).join(' '),
    confidence: row.reduce((n, b) => n + b.confidence, 0) / row.length,
  }));
}
