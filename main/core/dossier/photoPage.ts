/** A photo filed as evidence becomes one A4 page: its title, the photo fitted to the page, and under it 证据说明. */
import { orientedMatrix, type Photo } from './photo.js';
import { A4, baseline, contentWidth, margin, mm, Sheet, type Measure } from './sheet.js';

const titleSize = 14;
const titleLine = 22;
const captionSize = 12;
const captionLine = 20;
const gap = mm(5);
/** Room kept free above the bottom margin for the page number. */
const footer = mm(8);

export function photoSheet(title: string, caption: string, photo: Photo, measure: Measure): Sheet {
  const sheet = new Sheet(measure);
  let y = A4.height - margin.top;
  for (const line of sheet.wrap(title, contentWidth, titleSize, 'bold')) {
    sheet.aligned(line, margin.left, contentWidth, baseline(y, titleLine, titleSize), titleSize, 'bold', 'center');
    y -= titleLine;
  }
  const captionLines = sheet.wrap(`证据说明：${caption || '无'}`, contentWidth, captionSize);
  const boxTop = y - gap;
  const boxHeight = boxTop - (margin.bottom + footer + gap + captionLines.length * captionLine);
  const scale = Math.min(contentWidth / photo.width, Math.max(boxHeight, 0) / photo.height);
  const w = photo.width * scale;
  const h = photo.height * scale;
  const x = margin.left + (contentWidth - w) / 2;
  sheet.image(photo.image, orientedMatrix(photo.orientation, x, boxTop - h, w, h));
  // The caption follows the photo rather than the page bottom, so the two read as one.
  y = boxTop - h - gap;
  for (const line of captionLines) {
    sheet.text(line, margin.left, baseline(y, captionLine, captionSize), captionSize);
    y -= captionLine;
  }
  return sheet;
}
