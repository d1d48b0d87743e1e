/**
 * 备考表: the closing sheet of a volume. 本卷情况说明 records what a reader of the file must know
 * that the documents do not say (overridden warnings, approvals' comments, missing items), or 无;
 * 立卷人, 检查人 and 立卷时间 close it. Long notes run onto further sheets; the signatures go on the last.
 */
import { chineseDate } from './format.js';
import { A4, baseline, contentWidth, margin, mm, Sheet, type Measure } from './sheet.js';

export interface RemarksFacts {
  caseNumber: string;
  remarks: string[];
  preparedBy: string;
  checkedBy: string;
  builtOn: string;
  /** “本卷共有文件材料X件，共N页。”, after the notes, unnumbered: the cover's figures. */
  extent?: string;
}

const size = 12;
const lineHeight = 22;
const pad = mm(5);
const top = A4.height - margin.top;
const boxTop = top - mm(20);
/** Room kept free above the bottom margin for the page number. */
const boxBottom = margin.bottom + mm(8);
const signatureRows = 3;
const signatureRow = 30;

function noteLines(sheet: Sheet, remarks: string[]): string[] {
  if (remarks.length === 0) return ['无'];
  const width = contentWidth - 2 * pad;
  const numbered = remarks.length > 1;
  return remarks.flatMap((r, i) => sheet.wrap(numbered ? `${i + 1}．${r}` : r, width, size));
}

function frame(measure: Measure, caseNumber: string, continued: boolean): Sheet {
  const sheet = new Sheet(measure);
  sheet.aligned(continued ? '备考表（续）' : '备考表', margin.left, contentWidth, top - mm(8), 18, 'bold', 'center');
  sheet.aligned(`案号：${caseNumber}`, margin.left, contentWidth, top - mm(16), 10.5, 'regular', 'left');
  sheet.rect(margin.left, boxBottom, contentWidth, boxTop - boxBottom);
  sheet.text('本卷情况说明：', margin.left + pad, baseline(boxTop - pad, lineHeight, size), size, 'bold');
  return sheet;
}

function signatures(sheet: Sheet, f: RemarksFacts): void {
  const x = margin.left + contentWidth * 0.5;
  const right = margin.left + contentWidth - pad;
  const rows: Array<[string, string]> = [
    ['立卷人：', f.preparedBy],
    ['检查人：', f.checkedBy],
    ['立卷时间：', chineseDate(f.builtOn)],
  ];
  const labelWidth = Math.max(...rows.map(([l]) => sheet.measure(l, size, 'regular')));
  rows.forEach(([label, value], i) => {
    const y = boxBottom + pad + (signatureRows - 1 - i) * signatureRow + 4;
    sheet.text(label, x, y, size);
    sheet.text(value, x + labelWidth + mm(2), y, size);
    // Ruled, so a missing name (no 检查人 yet) can be signed by hand on the printout.
    sheet.line(x + labelWidth, y - 4, right, y - 4, 0.6);
  });
}

export function remarksSheets(f: RemarksFacts, measure: Measure): Sheet[] {
  const probe = new Sheet(measure);
  const lines = [
    ...noteLines(probe, f.remarks),
    ...(f.extent ? probe.wrap(f.extent, contentWidth - 2 * pad, size) : []),
  ];
  const firstLineTop = boxTop - pad - lineHeight;
  const perPage = Math.floor((firstLineTop - boxBottom - pad) / lineHeight);
  const onLastPage = Math.floor((firstLineTop - (boxBottom + pad + signatureRows * signatureRow)) / lineHeight);
  const sheets: Sheet[] = [];
  let rest = lines;
  for (;;) {
    const sheet = frame(measure, f.caseNumber, sheets.length > 0);
    sheets.push(sheet);
    const last = rest.length <= onLastPage;
    const take = last ? rest.length : Math.min(rest.length, perPage);
    rest.slice(0, take).forEach((line, i) => {
      sheet.text(line, margin.left + pad, baseline(firstLineTop - i * lineHeight, lineHeight, size), size);
    });
    rest = rest.slice(take);
    if (last) {
      signatures(sheet, f);
      return sheets;
    }
  }
}
