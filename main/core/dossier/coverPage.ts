/** 卷宗封面: the cover of one volume of a case file. */
import { chineseDate } from './format.js';
import { A4, margin, mm, Sheet, type Measure } from './sheet.js';

export interface CoverFacts {
  bureauName: string;
  caseTitle: string;
  caseNumber: string;
  partyName: string;
  filedOn: string;
  closedOn: string | null;
  retention: string;
  volume: string;
  /** Numbered pages in the volume (documents, photos and 备考表). */
  pageCount: number;
  /** 件数: the 卷内目录's rows (documents and photos). */
  itemCount: number;
  /** 立卷人: who bound the volume. */
  preparedBy: string;
}

const titleSize = 26;
const fieldSize = 14;
const rowGap = mm(13);
const wrappedLineGap = mm(9);

export function coverSheet(f: CoverFacts, measure: Measure): Sheet {
  const sheet = new Sheet(measure);
  const left = margin.left;
  const width = A4.width - margin.left - margin.right;
  const top = A4.height - margin.top;

  sheet.aligned('行政处罚案卷', left, width, top - mm(40), titleSize, 'bold', 'center');
  sheet.aligned(`（${f.volume}）`, left, width, top - mm(56), 16, 'regular', 'center');

  const fields: Array<[string, string]> = [
    ['案卷题名：', f.caseTitle],
    ['案号：', f.caseNumber],
    ['当事人：', f.partyName],
    ['立案日期：', chineseDate(f.filedOn)],
    ['结案日期：', f.closedOn ? chineseDate(f.closedOn) : ''],
    ['保管期限：', f.retention],
    ['立卷人：', f.preparedBy],
  ];
  const labelX = left + mm(8);
  const valueX = labelX + Math.max(...fields.map(([label]) => measure(label, fieldSize, 'regular')));
  const valueRight = left + width - mm(8);
  let y = top - mm(90);
  for (const [label, value] of fields) {
    sheet.text(label, labelX, y, fieldSize);
    const lines = value ? sheet.wrap(value, valueRight - valueX - mm(2), fieldSize) : [''];
    lines.forEach((line, i) => {
      const lineY = y - i * wrappedLineGap;
      sheet.text(line, valueX + mm(1), lineY, fieldSize);
      // Ruled like the printed form, so an empty field (结案日期 of an open case) can be filled in by hand.
      sheet.line(valueX, lineY - 4, valueRight, lineY - 4, 0.6);
    });
    y -= rowGap + (lines.length - 1) * wrappedLineGap;
  }
  // The same 件数 and 页数 as the printed 卷宗封面 and the 备考表 (requiredTexts.dossierTexts).
  sheet.text(`本卷共 ${f.itemCount} 件 ${f.pageCount} 页`, labelX, y, fieldSize);

  sheet.aligned(f.bureauName, left, width, margin.bottom + mm(30), 18, 'regular', 'center');
  return sheet;
}
