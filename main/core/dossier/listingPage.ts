/**
 * Evidence that cannot be printed (a recording, a video, a spreadsheet) is filed as a listing page:
 * what the file is, who collected it where and when, its size and SHA-256, and what it shows. The
 * original travels in the archive package, where the hash on this page proves it unchanged.
 */
import { A4, baseline, contentWidth, margin, mm, Sheet, type Measure } from './sheet.js';

const titleSize = 14;
const titleLine = 22;
const size = 12;
const lineHeight = 20;
const labelWidth = mm(28);

export const listingNote = '原始文件随电子档案包保存，可按上列SHA-256校验值核对其未被改动。';

export function listingSheet(title: string, rows: Array<[string, string]>, measure: Measure): Sheet {
  const sheet = new Sheet(measure);
  let y = A4.height - margin.top;
  for (const line of sheet.wrap(title, contentWidth, titleSize, 'bold')) {
    sheet.aligned(line, margin.left, contentWidth, baseline(y, titleLine, titleSize), titleSize, 'bold', 'center');
    y -= titleLine;
  }
  y -= mm(5);
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
  return sheet;
}
