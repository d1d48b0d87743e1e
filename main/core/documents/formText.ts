/**
 * What a clerk types into a template's form, read into the shapes documents print: lists (one
 * item a line, columns split by ｜), amounts in yuan, and choices from a closed set. A value that
 * cannot be read is refused with a Chinese message naming the field, never printed half-read.
 * Pure.
 */
import { AppError } from '#common/errors.js';

/** A row of a list of things: seized equipment, preserved evidence, confiscated goods. */
export interface ItemRow {
  seq: number;
  name: string;
  spec: string;
  quantity: string;
  note: string;
}
/** A row of a 采样取证登记单. */
export interface SampleRow {
  seq: number;
  code: string;
  name: string;
  point: string;
  quantity: string;
  items: string;
}
/** A row of a 移送材料清单. */
export interface MaterialRow {
  seq: number;
  name: string;
  copies: string;
  pages: string;
  note: string;
}

const columnSplit = /\s*[|｜\t]\s*/;
const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

// “1号造粒机1台”, “废塑料颗粒3.5吨”: the count and its unit at the end of a name.
const quantityAtEnd =
  /^(.+?)\s*(\d+(?:\.\d+)?\s*(?:台|套|个|件|辆|吨|千克|公斤|kg|桶|袋|箱|只|根|块|张|份|处|间|座|条|组|批|立方米|m³|平方米|米|升|L|瓶|本|册))$/u;

/**
 * One item a line; a line with ｜ (or | or a tab) gives name｜spec｜quantity｜note, a plain line may
 * list several things separated by 、 or ；, each with its count at the end (“引风机1台”).
 */
export function itemRows(text: string): ItemRow[] {
  const out: Array<Omit<ItemRow, 'seq'>> = [];
  for (const line of lines(text)) {
    if (columnSplit.test(line)) {
      const [name = '', spec = '', quantity = '', ...note] = line.split(columnSplit);
      out.push({ name, spec, quantity, note: note.join('；') });
      continue;
    }
    for (const piece of line
      .split(/[、；;]/)
      .map((p) => p.trim().replace(/[。，,]$/u, ''))
      .filter(Boolean)) {
      const m = quantityAtEnd.exec(piece);
      out.push(
        m ? { name: m[1]!, spec: '', quantity: m[2]!, note: '' } : { name: piece, spec: '', quantity: '', note: '' },
      );
    }
  }
  return out.map((r, i) => ({ seq: i + 1, ...r }));
}

/** 样品编号｜样品名称｜采样点位｜数量｜监测项目, one sample a line. */
export function sampleRows(text: string): SampleRow[] {
  return lines(text).map((line, i) => {
    const [code = '', name = '', point = '', quantity = '', ...items] = line.split(columnSplit);
    return { seq: i + 1, code, name, point, quantity, items: items.join('、') };
  });
}

/** 名称｜份数｜页数｜备注, one item a line; a plain line may list several names separated by 、. */
export function materialRows(text: string): MaterialRow[] {
  const out: Array<Omit<MaterialRow, 'seq'>> = [];
  for (const line of lines(text)) {
    if (columnSplit.test(line)) {
      const [name = '', copies = '', pages = '', ...note] = line.split(columnSplit);
      out.push({ name, copies, pages, note: note.join('；') });
    } else {
      for (const name of line
        .split(/[、；;]/)
        .map((p) => p.trim().replace(/[。，,]$/u, ''))
        .filter(Boolean))
        out.push({ name, copies: '1', pages: '', note: '' });
    }
  }
  return out.map((r, i) => ({ seq: i + 1, ...r }));
}

function refuse(key: string, message: string): never {
  throw new AppError('VALIDATION', message, [{ path: key, message }]);
}

/** An amount in yuan as typed: 100000, 100,000, 1234.5 or ¥2,000.00元. */
export function parseYuan(key: string, label: string, text: string): number {
  const cleaned = text.replace(/[,，\s¥￥元]/gu, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned))
    refuse(key, `${label}应为金额（元），如 100000 或 1234.50，实际填写：“${text}”`);
  return Number(cleaned);
}

/** One of a closed set of words (查封/扣押, 延期/分期 …), as the law names them. */
export function parseChoice<T extends string>(key: string, label: string, text: string, choices: readonly T[]): T {
  const v = text.trim() as T;
  if (!choices.includes(v))
    refuse(key, `${label}应填写${choices.map((c) => `“${c}”`).join('或')}，实际填写：“${text}”`);
  return v;
}

/** A limit the law sets on a typed figure, refused with the article that sets it. */
export function refuseBeyond(key: string, message: string): never {
  refuse(key, message);
}
