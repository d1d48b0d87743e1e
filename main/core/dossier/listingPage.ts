/**
 * Evidence that cannot be printed (a recording, a video, a spreadsheet) is filed as a listing page:
 * what the file is, who collected it where and when, its size and SHA-256, and what it shows. The
 * original travels in the archive package, where the hash on this page proves it unchanged.
 */
import type { PDFImage } from 'pdf-lib';
import { A4, baseline, contentWidth, margin, mm, Sheet, type Measure } from './sheet.js';

const titleSize = 14;
const titleLine = 22;
const size = 12;
const lineHeight = 20;
const labelWidth = mm(28);

export const listingNote = '原始文件随电子档案包保存，可按上列SHA-256校验值核对其未被改动。';

export const stillCaption = '录像画面截图（仅供识别，内容以原始文件为准）';
/** The smallest height a still is drawn at under the rows; with less room left it gets a page of its own. */
const stillMinHeight = mm(40);

/**
 * The listing page; `still`: a video's frame, drawn below the rows as large as the rest of the page
 * allows, or — after a description so long that too little is left — on a second page.
 */
export function listingSheets(
  title: string,
  rows: Array<[string, string]>,
  measure: Measure,
  still?: PDFImage,
): Sheet[] {
  const sheet = new Sheet(measure);
  let y = titled(sheet, title);
  const floor = margin.bottom + mm(8) + 2 * lineHeight;
  for (const [label, value] of [...rows, ['说明', listingNote] as [string, string]]) {
    const lines = sheet.wrap(value || '无', contentWidth - labelWidth, size);
    sheet.text(`${label}：`, margin.left, baseline(y, lineHeight, size), size, 'bold');
    for (const line of lines) {
      // A caption too long for one page is cut here; the full text is in the case and the package.
      if (y < floor) break;
      sheet.text(line, margin.left + labelWidth, baseline(y, lineHeight, size), size);
      y -= lineHeight;
    }
  }
  if (!still) return [sheet];
  if (drawStill(sheet, still, y - mm(4))) return [sheet];
  const more = new Sheet(measure);
  drawStill(more, still, titled(more, `${title}（续）`));
  return [sheet, more];
}

/** The title, centred and wrapped; returns the top of what follows. */
function titled(sheet: Sheet, title: string): number {
  let y = A4.height - margin.top;
  for (const line of sheet.wrap(title, contentWidth, titleSize, 'bold')) {
    sheet.aligned(line, margin.left, contentWidth, baseline(y, titleLine, titleSize), titleSize, 'bold', 'center');
    y -= titleLine;
  }
  return y - mm(5);
}

/** The frame centred under its caption, scaled to the page's width and what is left of its height; false: too little room. */
function drawStill(sheet: Sheet, still: PDFImage, top: number): boolean {
  const room = top - lineHeight - (margin.bottom + mm(8));
  const scale = Math.min(contentWidth / still.width, room / still.height);
  if (!(scale > 0) || room < stillMinHeight) return false;
  sheet.text(stillCaption, margin.left, baseline(top, lineHeight, size), size, 'bold');
  const w = still.width * scale;
  const h = still.height * scale;
  const x = margin.left + (contentWidth - w) / 2;
  const y = top - lineHeight - h;
  sheet.image(still, [w, 0, 0, h, x, y]);
  sheet.rect(x, y, w, h, 0.5);
  return true;
}
