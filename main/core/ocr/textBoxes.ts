/**
 * Text boxes from PaddleOCR's detection map (one probability a pixel that it is text): each connected
 * region above the threshold becomes a rectangle turned to the region's own slant (its second
 * moments), grown as PaddleOCR grows it ("unclip": the detector marks a line's core, not its
 * ascenders). Plain JavaScript over one pass of the map: a scanned page's slant is small and its lines
 * are straight, so the oriented rectangle of a region is what OpenCV's contours and minAreaRect give,
 * at a fraction of the cost.
 */

/** A text line's rectangle: corners in order top-left, top-right, bottom-right, bottom-left. */
export interface TextBox {
  corners: [number, number][];
  /** The detector's mean probability inside the region. */
  score: number;
}

export interface BoxOptions {
  /** A pixel is text when its probability is above this. */
  threshold: number;
  /** A region whose mean probability is below this is dropped (specks, ruled lines). */
  minScore: number;
  /** How far a region grows: PaddleOCR's unclip ratio (area × ratio / perimeter on each side). */
  unclip: number;
  /** A region narrower than this (pixels of the map, before growing) is dropped. */
  minSide: number;
}

export const defaultBoxOptions: BoxOptions = { threshold: 0.3, minScore: 0.6, unclip: 1.5, minSide: 3 };

interface Region {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
  prob: number;
}

/** The boxes of a `width` × `height` probability map, in the map's pixels. */
export function textBoxes(map: Float32Array, width: number, height: number, options = defaultBoxOptions): TextBox[] {
  const labels = new Int32Array(width * height).fill(-1);
  const regions: Region[] = [];
  const stack: number[] = [];
  for (let start = 0; start < map.length; start++) {
    if (labels[start] !== -1 || !(map[start]! > options.threshold)) continue;
    const label = regions.length;
    const r: Region = { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0, prob: 0 };
    regions.push(r);
    labels[start] = label;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      r.n++;
      r.sx += x;
      r.sy += y;
      r.sxx += x * x;
      r.syy += y * y;
      r.sxy += x * y;
      r.prob += map[i]!;
      // 8-connected, as OpenCV's findContours joins regions.
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (labels[j] === -1 && map[j]! > options.threshold) {
            labels[j] = label;
            stack.push(j);
          }
        }
      }
    }
  }
  // Each region's axis (from its moments), then its extent along the axis and across it.
  const axes = regions.map((r) => {
    const mx = r.sx / r.n;
    const my = r.sy / r.n;
    const cxx = r.sxx / r.n - mx * mx;
    const cyy = r.syy / r.n - my * my;
    const cxy = r.sxy / r.n - mx * my;
    let angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
    // A region taller than wide is still read left to right: keep the axis near the horizontal.
    if (angle > Math.PI / 4) angle -= Math.PI / 2;
    else if (angle < -Math.PI / 4) angle += Math.PI / 2;
    return { mx, my, c: Math.cos(angle), s: Math.sin(angle), u0: Infinity, u1: -Infinity, v0: Infinity, v1: -Infinity };
  });
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label < 0) continue;
    const a = axes[label]!;
    const x = (i % width) - a.mx;
    const y = Math.floor(i / width) - a.my;
    const u = x * a.c + y * a.s;
    const v = -x * a.s + y * a.c;
    if (u < a.u0) a.u0 = u;
    if (u > a.u1) a.u1 = u;
    if (v < a.v0) a.v0 = v;
    if (v > a.v1) a.v1 = v;
  }
  const boxes: TextBox[] = [];
  for (const [label, a] of axes.entries()) {
    const r = regions[label]!;
    // A pixel covers [p, p + 1): the rectangle spans one pixel more than the centres.
    const w = a.u1 - a.u0 + 1;
    const h = a.v1 - a.v0 + 1;
    const score = r.prob / r.n;
    if (Math.min(w, h) < options.minSide || score < options.minScore) continue;
    const grow = (w * h * options.unclip) / (2 * (w + h));
    const u0 = a.u0 - 0.5 - grow;
    const u1 = a.u1 + 0.5 + grow;
    const v0 = a.v0 - 0.5 - grow;
    const v1 = a.v1 + 0.5 + grow;
    const at = (u: number, v: number): [number, number] => [
      a.mx + 0.5 + u * a.c - v * a.s,
      a.my + 0.5 + u * a.s + v * a.c,
    ];
    boxes.push({ corners: [at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)], score });
  }
  return boxes;
}
