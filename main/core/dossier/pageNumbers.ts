/**
 * The dossier page number stamped in the bottom outer corner of each numbered page. All pages are
 * treated as 正面 (numbered bottom right), as for a file printed one-sided.
 *
 * Documents come with their own page size and sometimes a /Rotate: the number is placed by the page
 * as it is seen, so on a page shown turned it still sits upright in the seen bottom-right corner.
 */
import { mm, Sheet, type Measure } from './sheet.js';

export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

const size = 11;
const fromRight = mm(15);
const fromBottom = mm(10);

export function normalRotation(degrees: number): 0 | 90 | 180 | 270 {
  const r = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
  return r as 0 | 90 | 180 | 270;
}

export function pageNumberSheet(n: number, box: PageBox, rotation: number, measure: Measure): Sheet {
  const sheet = new Sheet(measure);
  const text = String(n);
  const r = normalRotation(rotation);
  const seenWidth = r === 90 || r === 270 ? box.height : box.width;
  const sx = seenWidth - fromRight - measure(text, size, 'regular');
  const sy = fromBottom;
  // Seen coordinates (origin at the seen bottom-left) back to the page's own, for each turn
  // (/Rotate turns the page clockwise as displayed).
  const [u, v] =
    r === 90
      ? [box.width - sy, sx]
      : r === 180
        ? [box.width - sx, box.height - sy]
        : r === 270
          ? [sy, box.height - sx]
          : [sx, sy];
  sheet.text(text, box.x + u, box.y + v, size, 'regular', r);
  return sheet;
}
