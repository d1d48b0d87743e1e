/**
 * The recogniser's input: each text box cut from the grey page (turned level as it is cut) and scaled
 * to the 48 px height PP-OCRv4 reads. Plain JavaScript sampling: a page's lines are ~1 M output
 * pixels, far cheaper than one image call per line.
 */
import type { TextBox } from './textBoxes.js';

/** A grey image: one byte a pixel, row by row. */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export const lineHeight = 48;
/** Wider lines are squeezed further (a line across a whole A4 page is ~1,100 columns). */
const maxLineWidth = 2400;

/**
 * How much a line is narrowed: a Chinese character in our boxes is ~25 px wide at 48 px height, and
 * the recogniser needs ~2 of its 8 px steps a character, not 3. Reading 40 % fewer columns cost the
 * bench 0.2 points of CER (2.1 → 2.3 %, the extra errors are brackets) for 30 % less CPU.
 */
export const lineSqueeze = 0.6;

/** A box's width in pixels once its height is `lineHeight` (narrowed by `lineSqueeze`). */
export function lineWidth(box: TextBox): number {
  const [p0, p1, , p3] = box.corners as [[number, number], [number, number], unknown, [number, number]];
  const long = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]);
  const high = Math.hypot(p3[0] - p0[0], p3[1] - p0[1]);
  return Math.max(8, Math.min(maxLineWidth, Math.round((lineSqueeze * lineHeight * long) / Math.max(1, high))));
}

/**
 * Writes one box of `page` into `out` (channels-first, 3 × lineHeight × `stride`), `width` columns
 * of it, as PaddleOCR normalises: (v / 255 − 0.5) / 0.5. Several samples a pixel when the box is
 * more than twice the output's height, so large titles are averaged, not aliased.
 */
export function writeLine(
  page: GreyImage,
  box: TextBox,
  width: number,
  out: Float32Array,
  offset: number,
  stride: number,
): void {
  const [p0, p1, , p3] = box.corners as [[number, number], [number, number], unknown, [number, number]];
  const ux = (p1[0] - p0[0]) / width;
  const uy = (p1[1] - p0[1]) / width;
  const vx = (p3[0] - p0[0]) / lineHeight;
  const vy = (p3[1] - p0[1]) / lineHeight;
  const k = Math.max(1, Math.floor(Math.hypot(vx, vy) / 2) + 1);
  const plane = lineHeight * stride;
  const { data, width: pw, height: ph } = page;
  const at = (x: number, y: number): number => {
    // Bilinear, with the edge pixels repeated beyond the page.
    const fx = Math.min(Math.max(x - 0.5, 0), pw - 1);
    const fy = Math.min(Math.max(y - 0.5, 0), ph - 1);
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const x1 = Math.min(x0 + 1, pw - 1);
    const y1 = Math.min(y0 + 1, ph - 1);
    const ax = fx - x0;
    const ay = fy - y0;
    const top = data[y0 * pw + x0]! * (1 - ax) + data[y0 * pw + x1]! * ax;
    const bottom = data[y1 * pw + x0]! * (1 - ax) + data[y1 * pw + x1]! * ax;
    return top * (1 - ay) + bottom * ay;
  };
  for (let row = 0; row < lineHeight; row++) {
    for (let col = 0; col < width; col++) {
      let sum = 0;
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++) {
          const s = col + (b + 0.5) / k;
          const t = row + (a + 0.5) / k;
          sum += at(p0[0] + s * ux + t * vx, p0[1] + s * uy + t * vy);
        }
      const value = (sum / (k * k) / 255 - 0.5) / 0.5;
      const i = offset + row * stride + col;
      out[i] = value;
      out[i + plane] = value;
      out[i + 2 * plane] = value;
    }
  }
}

/** One line's tensor data (3 × 48 × width): the recogniser reads one line a run (see paddle.ts). */
export function lineTensor(page: GreyImage, box: TextBox, width: number): Float32Array {
  const out = new Float32Array(3 * lineHeight * width);
  writeLine(page, box, width, out, 0, width);
  return out;
}

/**
 * CTC decoding of the recogniser's output (N × steps × classes, probabilities): the likeliest class
 * at each step, repeats merged, blanks (class 0) dropped; the confidence is the mean probability of
 * the characters kept.
 */
export function ctcDecode(
  output: Float32Array,
  dims: readonly number[],
  dictionary: readonly string[],
): { text: string; confidence: number }[] {
  const [n, steps, classes] = dims as [number, number, number];
  const lines: { text: string; confidence: number }[] = [];
  for (let line = 0; line < n; line++) {
    let text = '';
    let sum = 0;
    let count = 0;
    let previous = -1;
    for (let step = 0; step < steps; step++) {
      const base = (line * steps + step) * classes;
      let best = 0;
      let p = output[base]!;
      for (let c = 1; c < classes; c++)
        if (output[base + c]! > p) {
          p = output[base + c]!;
          best = c;
        }
      if (best !== 0 && best !== previous) {
        text += dictionary[best - 1] ?? '';
        sum += p;
        count++;
      }
      previous = best;
    }
    lines.push({ text, confidence: count ? sum / count : 0 });
  }
  return lines;
}
