/**
 * The name a generated document bears: its title line as rendered. Most titles are fixed, but some
 * name the measure the clerk chose (“{seizureMeasure}决定书” prints 查封决定书, 扣押决定书 or
 * 查封、扣押决定书; “责令{restrictionMeasure}决定书”; “同意{deferralKind}缴纳罚款通知书”), and the
 * 卷内目录, the bookmarks, the history and every reference to the document must call it what it says,
 * not by the template's generic name (查封(扣押)决定书).
 *
 * The title line is the one set in 二号 (22 pt, the size of a 执法文书's name: scripts/templates/blocks.ts
 * `heading`). A template without one, or whose 二号 line does not end as the template's name ends (a
 * bureau's template that sets its own name in 二号, say), keeps the template's name.
 */
import PizZip from 'pizzip';
import { decodeXml } from './xmlText.js';

/** 二号 in half-points, as w:sz gives it. */
const titleSize = '44';

/** Letter-spaced titles (送 达 回 证, 备 考 表) are the same words: spaces are typography, not the name. */
export const unspaced = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/** The text of each paragraph of a document body set in 二号, in order. */
export function titleLines(documentXml: string): string[] {
  const out: string[] = [];
  for (const p of documentXml.split(/<\/w:p>/)) {
    if (!new RegExp(`<w:sz w:val="${titleSize}"\\s*/>`).test(p)) continue;
    const text = [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1] ?? '')).join('');
    if (unspaced(text)) out.push(unspaced(text));
  }
  return out;
}

/**
 * The document's own title: its first 二号 line ending as `templateName` ends (决定书, 通知书 …), or
 * `templateName` itself when there is none.
 */
export function documentHeading(docx: PizZip | Buffer, templateName: string): string {
  const zip = Buffer.isBuffer(docx) ? new PizZip(docx) : docx;
  const xml = zip.file('word/document.xml')?.asText() ?? '';
  const name = unspaced(templateName);
  const ending = name.slice(-2);
  return titleLines(xml).find((line) => line.endsWith(ending)) ?? name;
}
