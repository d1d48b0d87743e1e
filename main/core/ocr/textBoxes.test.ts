import { describe, expect, it } from 'vitest';
import { textBoxes } from './textBoxes.js';

/** A probability map with rectangles of `p` (given by their pixel ranges) on zero. */
function mapOf(width: number, height: number, rects: [number, number, number, number, number][]): Float32Array {
  const map = new Float32Array(width * height);
  for (const [x0, y0, x1, y1, p] of rects)
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) map[y * width + x] = p;
  return map;
}
const opts = { threshold: 0.3, minScore: 0.6, unclip: 0, minSide: 3 };

describe('textBoxes', () => {
  it('finds each separate region as a level rectangle covering its pixels', () => {
    const boxes = textBoxes(
      mapOf(100, 40, [
        [10, 5, 60, 10, 0.9],
        [10, 20, 40, 26, 0.8],
      ]),
      100,
      40,
      opts,
    );
    expect(boxes).toHaveLength(2);
    const [a, b] = boxes.map((x) => x.corners.map(([px, py]) => [Math.round(px * 10) / 10, Math.round(py * 10) / 10]));
    expect(a).toEqual([
      [10, 5],
      [60, 5],
      [60, 10],
      [10, 10],
    ]);
    expect(b).toEqual([
      [10, 20],
      [40, 20],
      [40, 26],
      [10, 26],
    ]);
    expect(boxes[0]!.score).toBeCloseTo(0.9);
  });

  it('grows a region as PaddleOCR unclips it: area × ratio / perimeter on each side', () => {
    const [box] = textBoxes(mapOf(100, 40, [[20, 10, 60, 20, 0.9]]), 100, 40, { ...opts, unclip: 1.5 });
    const grow = (40 * 10 * 1.5) / (2 * 50);
    expect(box!.corners[0]![0]).toBeCloseTo(20 - grow);
    expect(box!.corners[2]![1]).toBeCloseTo(20 + grow);
  });

  it('drops specks, faint regions and what is below the threshold', () => {
    const map = mapOf(100, 40, [
      [5, 5, 7, 30, 0.9],
      [20, 5, 60, 12, 0.5],
      [20, 20, 60, 30, 0.2],
    ]);
    expect(textBoxes(map, 100, 40, opts)).toEqual([]);
  });

  it('follows a slanted line: the rectangle turns with it', () => {
    const width = 200;
    const map = new Float32Array(width * 60);
    // A line 160 px long, 6 px high, rising 1 px every 10 px (a skewed scan).
    for (let x = 20; x < 180; x++)
      for (let y = 0; y < 6; y++) map[(40 - Math.floor((x - 20) / 10) + y) * width + x] = 0.9;
    const [box] = textBoxes(map, width, 60, opts);
    const [p0, p1, , p3] = box!.corners as [number, number][];
    expect(Math.atan2(p1![1] - p0![1], p1![0] - p0![0])).toBeCloseTo(-Math.atan(0.1), 1);
    expect(Math.hypot(p3![0] - p0![0], p3![1] - p0![1])).toBeLessThan(9);
  });
});
