/** Pieces every document shares: the heading, labelled lines, the seal block and signature lines. */
import { para, sealMarker, size, type Cell, type ParaStyle, type RunStyle } from './ooxml.js';

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
  const pieces = items.flatMap(
    ([label, value], i): Array<[string, RunStyle]> => [
      [`${i > 0 ? '　　' : ''}${label}：`, {}],
      [value, { underline: true }],
    ],
  );
  return para(pieces, { align: 'left', ...style });
}

/**
 * The issuing body, the seal placeholder and the date, right-aligned at the end of a document. Every
 * line keeps with the next (w:keepNext), and documentXml keeps the body paragraph before the marker
 * with them (ooxml.ts), so the seal and date never stand alone on a last page: a page that carries
 * only the seal and the date is not acceptable in a 公文 (GB/T 9704: the body must reach that page).
 */
export function sealBlock(): string[] {
  return [
    sealMarker,
    para('', { keepNext: true }),
    para('{bureauName}', { align: 'right', keepNext: true }),
    para('（印章）', { align: 'right', keepNext: true }),
    para('{docDateCn}', { align: 'right' }),
  ];
}

/** A handwritten-signature line: “检查人（签名）：　　　　　　　年　月　日” (or 签收 for a receipt). */
export function signatureLine(who: string, style: ParaStyle = {}, act: '签名' | '签收' = '签名'): string {
  return para(`${who}（${act}）：　　　　　　　　　　　　年　　月　　日`, { align: 'left', before: 6, ...style });
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

/** 当事人, 统一社会信用代码, 法定代表人, 地址 on their own lines, as decisions open (处罚法 art. 59(1)). */
export function partyLines(): string[] {
  return [
    para('当事人：{partyName}', { align: 'left' }),
    para('统一社会信用代码：{partyUscc}', { align: 'left' }),
    para('法定代表人：{partyLegalRep}', { align: 'left' }),
    para('地址：{partyAddress}', { align: 'left' }),
  ];
}

/** A numbered heading inside a document body (一、…), in 黑体 as the model forms set them. */
export const section = (text: string): string => body(text, { font: '黑体' });

/**
 * Review and litigation routes and limits (行政复议法 art. 20: sixty days; 行政诉讼法 art. 46:
 * six months), with the review organ of the bureau (行政复议法 art. 24).
 */
export function remedies(act: string, docName: string): string {
  return body(
    `你单位如不服本${act}，可以自收到本${docName}之日起六十日内向{reviewOrgan}申请行政复议，` +
      `也可以自收到本${docName}之日起六个月内依法向{litigationCourt}提起行政诉讼。`,
  );
}

/**
 * Payment of a fine: within fifteen days at the designated bank or by electronic payment
 * (处罚法 art. 67(3)), named: the bank, account name and number, or the 非税收入 payment code
 * (本局设置, {paymentWhere}); 3% a day after that, never more than the fine (art. 72(1)).
 */
export function payment(docName: string, amount: string): string {
  return body(
    `根据《中华人民共和国行政处罚法》第六十七条第三款的规定，你单位应当自收到本${docName}之日起十五日内，` +
      `持本${docName}到指定的银行或者通过电子支付系统缴纳${amount}（{paymentWhere}）。到期不缴纳罚款的，我局将依据《中华人民共和国行政处罚法》` +
      '第七十二条第一款第一项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。',
  );
}

/** The addressee line of a letter or notice: “贵州某某有限公司：”. */
export const salutation = (who = '{partyName}'): string => para(`${who}：`, { align: 'left' });

/**
 * A table whose body rows repeat for each item of a list (docxtemplater loops over the row when
 * the loop opens in its first cell and closes in its last). The header row names the columns.
 */
export function loopRows(loop: string, keys: string[]): Cell[] {
  return keys.map((k, i) =>
    cell(`${i === 0 ? `{#${loop}}` : ''}{${k}}${i === keys.length - 1 ? `{/${loop}}` : ''}`, {
      align: i === 0 ? 'center' : 'left',
    }),
  );
}

/** The smaller type of records and forms filled in on the spot (四号, 26 pt lines). */
export const recordStyle: ParaStyle = { sz: size.四号, line: 26 };

/** A letter's opening: heading, document number, then the addressee (the party unless named). */
export const letterHead = (title: string, who?: string): string[] => [...heading(title), numberLine(), salutation(who)];

/** A record's opening: heading, then an empty line before its labelled lines. */
export const recordHead = (title: string, issuer?: string): string[] => [...heading(title, issuer), para('')];

/** One labelled line per item (“标签：值”), as records list who, where and when. */
export const labelledLines = (style: ParaStyle, items: Array<[string, string]>): string[] =>
  items.map((item) => labelled([item], style));

/** A paragraph printed only when its field has a value: the condition tags drop out with their paragraphs. */
export const optionalBody = (key: string, style?: ParaStyle): string[] => [
  tagLine(`{#${key}}`),
  body(`{${key}}`, style),
  tagLine(`{/${key}}`),
];

/** Signature lines of several people, one under the other. */
export const signatureLines = (style: ParaStyle, ...who: string[]): string[] => who.map((w) => signatureLine(w, style));

/** A decision's opening: heading, document number, then the party's particulars. */
export const decisionHead = (title: string): string[] => [...heading(title), numberLine(), ...partyLines()];

/** The party in a record: its name under the record's own label, its code and representative, its address. */
export const partyRecordLines = (style: ParaStyle, label = '当事人'): string[] => [
  labelled([[label, '{partyName}']], style),
  labelled(
    [
      ['统一社会信用代码', '{partyUscc}'],
      ['法定代表人', '{partyLegalRep}'],
    ],
    style,
  ),
  labelled([['地址', '{partyAddress}']], style),
];
