/**
 * 案卷评查表: the last review of the file, filed in the 副卷 at the next binding — the score of each of the
 * eight areas, then every deduction with its rule, what was found, its article and page, and the reviewer's
 * answer (认可 or 有异议, with the reason). A PDF of its own (A4), numbered with the volume like any item.
 */
import { PDFDocument } from 'pdf-lib';
import type { FileReviewState } from '#common/schemas/fileReview.js';
import { chineseDate } from '../domain/dates.js';
import { fontsDir } from '../paths.js';
import { loadCjkFonts } from '../fonts/cjkFont.js';
import { paintSheet } from './paint.js';
import { A4, baseline, contentWidth, margin, mm, Sheet, type FontStyle, type TextOp } from './sheet.js';

const size = 10.5;
const lineHeight = 17;
const top = A4.height - margin.top;
/** Room kept free above the bottom margin for the page number the volume stamps. */
const bottom = margin.bottom + mm(10);

interface Line {
  text: string;
  style: FontStyle;
  indent: number;
}

function reviewLines(sheet: Sheet, caseNumber: string, review: FileReviewState): Line[] {
  const r = review.result;
  const answers = new Map(review.responses.map((x) => [x.deductionId, x]));
  const out: Line[] = [];
  const para = (text: string, style: FontStyle = 'regular', indent = 0) => {
    for (const l of sheet.wrap(text, contentWidth - indent, size, style)) out.push({ text: l, style, indent });
  };
  para(`案号：${caseNumber}`);
  para(`评查日期：${chineseDate(r.ranOn)}　评查标准：${r.criteriaVersion}　得分：${r.score}（满分${r.max}）`);
  if (!r.weightsVerified) para('说明：各项目分值和扣分标准为本系统拟定，未经与评查指南原文核对。');
  para('一、各项目得分', 'bold');
  for (const a of r.areas) para(`${a.name}：${a.score}／${a.points}`, 'regular', mm(4));
  para('二、扣分项', 'bold');
  const lost = r.deductions.filter((d) => d.points > 0);
  if (lost.length === 0) para('无', 'regular', mm(4));
  lost.forEach((d, i) => {
    para(
      `${i + 1}．【${d.checks}】${d.message}（扣${d.points}分；依据：${d.basis}${d.page ? `；见${d.page}` : ''}）`,
      'regular',
      mm(4),
    );
    const a = answers.get(d.id);
    para(
      a
        ? `答复：${a.verdict === 'accept' ? '认可' : '有异议'}。理由：${a.reason}（${a.byName}，${a.at.slice(0, 10)}）`
        : '答复：尚未答复',
      'regular',
      mm(8),
    );
  });
  return out;
}

export async function reviewSheetPdf(caseNumber: string, review: FileReviewState): Promise<Uint8Array> {
  const fonts = await loadCjkFonts(fontsDir());
  const probe = new Sheet(fonts.measure);
  const lines = reviewLines(probe, caseNumber, review);
  const sheets: Sheet[] = [];
  let sheet: Sheet | null = null;
  let y = 0;
  for (const line of lines) {
    if (!sheet || y - lineHeight < bottom) {
      sheet = new Sheet(fonts.measure);
      sheet.aligned(
        sheets.length ? '案卷评查表（续）' : '案卷评查表',
        margin.left,
        contentWidth,
        top - mm(8),
        18,
        'bold',
        'center',
      );
      sheets.push(sheet);
      y = top - mm(18);
    }
    sheet.text(line.text, margin.left + line.indent, baseline(y, lineHeight, size), size, line.style);
    y -= lineHeight;
  }
  const doc = await PDFDocument.create({ updateMetadata: false });
  const texts = sheets.flatMap((s) => s.ops.filter((op): op is TextOp => op.kind === 'text'));
  const embedded = await fonts.embed(doc, texts);
  for (const s of sheets) paintSheet(doc.addPage([A4.width, A4.height]), s, embedded);
  return doc.save({ useObjectStreams: true });
}
