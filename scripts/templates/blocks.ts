/** Pieces every document shares: the heading, labelled lines, the seal block and signature lines. */
import { para, size, type Cell, type ParaStyle, type RunStyle } from './ooxml.js';

/** Issuing body on the first line, the document's name on the second (宋体 bold, as 执法文书 are set). */
export function heading(title: string, issuer = '{bureauName}'): string[] {
  return [
    para(issuer, { font: '宋体', bold: true, sz: size.小二, align: 'center', line: 32 }),
    para(title, { font: '宋体', bold: true, sz: size.二号, align: 'center', line: 40 }),
  ];
}

/** The document number on its own line under the title, right-aligned. */
export const numberLine = (): string => para('{docNumber}', { align: 'right', sz: size.三号 });

/** A body paragraph with the customary two-character first-line indent. */
export const body = (text: string, style: ParaStyle = {}): string => para(text, { indentChars: 2, ...style });

/** A loop or condition tag alone in its paragraph: docxtemplater's paragraphLoop removes the paragraph. */
export const tagLine = (tag: string): string => para(tag);

/** “标签：值” with the value underlined, as records print filled-in blanks. */
export function labelled(items: Array<[string, string]>, style: ParaStyle = {}): string {
  const pieces = items.flatMap(([label, value], i): Array<[string, RunStyle]> => [
    [`${i > 0 ? '　　' : ''}${label}：`, {}],
    [value, { underline: true }],
  ]);
  return para(pieces, { align: 'left', ...style });
}

/** The issuing body, the seal placeholder and the date, right-aligned at the end of a document. */
export function sealBlock(): string[] {
  return [
    para(''),
    para('{bureauName}', { align: 'right' }),
    para('（印章）', { align: 'right' }),
    para('{docDateCn}', { align: 'right' }),
  ];
}

/** A handwritten-signature line: “检查人（签名）：　　　　　　　年　月　日”. */
export function signatureLine(who: string, style: ParaStyle = {}): string {
  return para(`${who}（签名）：　　　　　　　　　　　　年　　月　　日`, { align: 'left', before: 6, ...style });
}

/** Table cells in the forms' size: 仿宋 小四 with exact 20 pt lines. */
const cellStyle: ParaStyle = { sz: size.小四, line: 20, align: 'left' };
export function cell(text: string | string[], extra: Partial<Cell> & ParaStyle = {}): Cell {
  const { span, vAlign, ...style } = extra;
  const lines = Array.isArray(text) ? text : [text];
  return { paras: lines.map((t) => para(t, { ...cellStyle, ...style })), span, vAlign };
}
export const labelCell = (text: string, extra: Partial<Cell> = {}): Cell => cell(text, { align: 'center', ...extra });

/**
 * An opinion box of an approval form, signature and date on its last line. Bottom-aligned, so the
 * empty height of the row is above the signature, where the opinion is written by hand.
 */
export function opinionCell(opinion: string, signer: string): Cell {
  return cell([opinion, `${signer}（签名）：　　　　　　　年　　月　　日`], { span: 3, vAlign: 'bottom' });
}
