/** Paints a laid-out sheet onto a pdf-lib page, new or copied from a document. */
import {
  concatTransformationMatrix,
  degrees,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import type { FontStyle, Sheet } from './sheet.js';

const black = rgb(0, 0, 0);

/**
 * On a copied page pdf-lib first wraps the page's own content in q…Q, so a transformation the
 * document leaves in force cannot move or scale what is drawn here.
 */
export function paintSheet(page: PDFPage, sheet: Sheet, fonts: Record<FontStyle, PDFFont>): void {
  for (const op of sheet.ops) {
    if (op.kind === 'text') {
      page.drawText(op.text, {
        x: op.x,
        y: op.y,
        size: op.size,
        font: fonts[op.style],
        color: black,
        rotate: degrees(op.rotate ?? 0),
      });
    } else if (op.kind === 'line') {
      page.drawLine({ start: { x: op.x1, y: op.y1 }, end: { x: op.x2, y: op.y2 }, thickness: op.width, color: black });
    } else {
      // pdf-lib's drawImage can rotate but not mirror (EXIF 2, 4, 5, 7): set the matrix directly.
      const name = page.node.newXObject('Image', op.image.ref);
      page.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(...op.matrix),
        drawObject(name),
        popGraphicsState(),
      );
    }
  }
}
