/**
 * Reads a statute in the Markdown format of shared/laws/法律法规模版.md:
 *
 *   # 中华人民共和国大气污染防治法          title (a second "# " line is the part of a split law)
 *   2018年10月26日 …第二次修正              dated history lines; "YYYY年M月D日 施行" gives commencement
 *   <!-- INFO END -->                       end of the header
 *   ## 第七章 法律责任                       headings (编, 章, 节) at any depth
 *   第九十九条 违反本法规定，…：              an article; the rest of its line is its first paragraph (款)
 *   （一）未依法取得排污许可证…；             an item (项) of the paragraph above
 *   前款规定的…                              any other line is a new paragraph
 *
 * Pure: the text and the file name in, a ParsedLaw or a LawFormatError (Chinese, with the line
 * number) out. Articles must run 第一条, 第二条, … without gaps, so a line that merely begins with
 * "第X条" inside a paragraph, or a lost article, is reported instead of being filed wrongly.
 */
import { articleLabel, lawKey } from './citation.js';
import { isCommencement, isoFromParts, statedEffectiveFrom } from './effectiveDate.js';
import { formatChineseNumber, numeralChars, parseChineseNumber } from './numerals.js';
import { isInfoEnd, sourceLines, type SourceLine } from './sourceLines.js';
import type { LawArticle, LawHistoryEntry, LawParagraph, ParsedLaw } from './types.js';
import { isValidDate } from '../dates.js';

export class LawFormatError extends Error {
  constructor(
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(line ? `第${line}行：${reason}` : reason);
  }
}

const n = `[${numeralChars}]+`;
const articlePattern = new RegExp(`^第(${n})条(?:之(${n}))?(?:\\s+(.*))?$`, 's');
const itemPattern = new RegExp(`^[（(](${n})[）)]\\s*(.*)$`, 's');
const subItemPattern = /^\d+[.．、]/;
const headingPattern = /^(#{1,6})\s*(.*)$/;
const datedPattern = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$/;
const divisionPattern = new RegExp(`^(第${n}(?:分编|编|章|节|部分))\\s*(.*)$`);

/** Checks that the input is a Markdown text at all, before reading it as a statute. */
export function checkLawSource(fileName: string, content: string): void {
  if (!/\.(md|markdown)$/i.test(fileName))
    throw new LawFormatError(null, `不是Markdown文件（应为 .md 文件）：${fileName}`);
  if (content.includes('\u0000')) throw new LawFormatError(null, '文件含有二进制内容，不是文本文件');
  // U+FFFD is what a UTF-8 decoder leaves where bytes were not UTF-8 (e.g. a GBK file).
  const bad = content.indexOf('\ufffd');
  if (bad >= 0) {
    const line = content.slice(0, bad).split(/\r\n|\r|\n/).length;
    throw new LawFormatError(line, '文本不是UTF-8编码（可能是GBK编码），请另存为UTF-8后再导入');
  }
  if (!content.replace(/[\s\u200b\ufeff]/g, '')) throw new LawFormatError(null, '文件为空');
}

export function parseLawMarkdown(fileName: string, content: string): ParsedLaw {
  checkLawSource(fileName, content);
  const lines = skipFrontMatter(sourceLines(content));
  const end = lines.findIndex(isInfoEnd);
  if (end < 0) throw new LawFormatError(null, '缺少说明结束标记 <!-- INFO END -->（见法律法规模版.md）');
  const header = readHeader(lines.slice(0, end));
  const body = readBody(lines.slice(end + 1), header.part !== '');
  const version = versionDateOf(fileName, header.history);
  const stated = statedEffectiveFrom(header.history, version.date, body.articles);
  return {
    fullName: header.title,
    shortName: lawKey(header.title),
    part: header.part,
    versionDate: version.date,
    versionDateSource: version.source,
    effectiveFrom: stated?.date ?? version.date,
    effectiveFromSource: stated?.source ?? 'version-date',
    history: header.history,
    preamble: body.preamble,
    articles: body.articles,
    warnings: warningsOf(body.articles),
  };
}

/**
 * Things worth a look that do not stop the import. A text with no commencement clause in its last
 * articles has often been cut short when it was copied (the 附则 is missing).
 */
function warningsOf(articles: LawArticle[]): string[] {
  const warnings: string[] = [];
  const last = articles.at(-1)!;
  if (!articles.slice(-3).some((a) => /施行/.test(a.text))) {
    warnings.push(`最后的条文（${last.label}）中没有施行日期条款，文本可能不完整`);
  }
  return warnings;
}

/** The template file itself (法律法规模版.md, marked bookHidden) is not a law. */
export function isTemplateFile(fileName: string, content: string): boolean {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  return (
    /法律法规模[版板]/.test(base) || /^---\s*\n(?:.*\n)*?bookHidden:\s*true\s*\n/.test(content.replace(/\r\n?/g, '\n'))
  );
}

function skipFrontMatter(lines: SourceLine[]): SourceLine[] {
  const first = lines.findIndex((l) => l.text !== '');
  if (first < 0 || lines[first]!.text !== '---') return lines;
  const close = lines.findIndex((l, i) => i > first && l.text === '---');
  if (close < 0) throw new LawFormatError(lines[first]!.no, '文件开头的 --- 区块没有结束的 ---');
  return lines.slice(close + 1);
}

function readHeader(lines: SourceLine[]): { title: string; part: string; history: LawHistoryEntry[] } {
  let title = '';
  let part = '';
  const history: LawHistoryEntry[] = [];
  for (const line of lines) {
    if (!line.text) continue;
    const h = headingPattern.exec(line.text);
    if (h) {
      if (h[1] !== '#')
        throw new LawFormatError(line.no, `说明部分（<!-- INFO END --> 之前）只能有一级标题，不应有“${line.text}”`);
      const text = h[2]!.trim();
      if (!text) throw new LawFormatError(line.no, '标题为空');
      if (!title) title = text;
      else if (!part) part = text;
      else throw new LawFormatError(line.no, `多余的标题“${text}”：只能有法律名称和一个副标题`);
      continue;
    }
    const d = datedPattern.exec(line.text);
    if (d) {
      const date = isoFromParts(d[1]!, d[2]!, d[3]!);
      if (!date) throw new LawFormatError(line.no, `日期无效：${d[1]}年${d[2]}月${d[3]}日`);
      history.push({ date, event: d[4]!.trim() });
    }
    // Other header lines are notes (the template allows them); they are not part of the law.
  }
  if (!title)
    throw new LawFormatError(lines[0]?.no ?? 1, '缺少法律名称：第一行应为“# 法律名称”，如“# 中华人民共和国行政处罚法”');
  return { title, part, history };
}

function versionDateOf(
  fileName: string,
  history: LawHistoryEntry[],
): { date: string; source: ParsedLaw['versionDateSource'] } {
  const m = /[（(](\d{4}-\d{2}-\d{2})[)）][^/\\]*$/.exec(fileName);
  if (m) {
    if (!isValidDate(m[1]!)) throw new LawFormatError(null, `文件名中的日期无效：${m[1]}`);
    return { date: m[1]!, source: 'file-name' };
  }
  const dates = history
    .filter((h) => !isCommencement(h.event))
    .map((h) => h.date)
    .sort();
  const last = dates.at(-1);
  if (!last)
    throw new LawFormatError(
      null,
      '无法确定版本日期：文件名中没有日期（如“行政处罚法(2021-01-22).md”），说明部分也没有“YYYY年M月D日 通过/修正”行',
    );
  return { date: last, source: 'history' };
}

interface Body {
  preamble: string;
  articles: LawArticle[];
}

/** The text after the header: headings, articles, their paragraphs and items. */
function readBody(lines: SourceLine[], isPart: boolean): Body {
  const headings: Array<{ level: number; text: string }> = [];
  const articles: LawArticle[] = [];
  const preamble: string[] = [];
  let article: LawArticle | null = null;

  const finish = (): void => {
    if (!article) return;
    const text = articleText(article.paragraphs);
    if (!text) throw new LawFormatError(article.line, `${article.label}没有内容`);
    article.text = text;
    articles.push(article);
    article = null;
  };

  for (const line of lines) {
    if (!line.text) continue;
    const h = headingPattern.exec(line.text);
    if (h) {
      if (h[1] === '#') throw new LawFormatError(line.no, `正文中出现一级标题“${line.text}”：一个文件只能包含一部法律`);
      finish();
      const level = h[1]!.length;
      while (headings.length && headings.at(-1)!.level >= level) headings.pop();
      const text = headingText(h[2]!);
      if (text) headings.push({ level, text });
      continue;
    }
    const a = articlePattern.exec(line.text);
    if (a) {
      finish();
      article = startArticle(line, a, articles.at(-1) ?? null, isPart, headings.map((x) => x.text).join(' '));
      continue;
    }
    const current: LawArticle | null = article;
    if (!current) {
      preamble.push(line.text);
      continue;
    }
    addLine(current, line);
  }
  finish();
  if (!articles.length)
    throw new LawFormatError(null, '未找到任何条文：条文应以“第一条 ”开头，写在 <!-- INFO END --> 之后');
  return { preamble: preamble.join('\n'), articles };
}

function headingText(raw: string): string {
  const text = raw.trim();
  const d = divisionPattern.exec(text);
  // 第一章　总　　则 → 第一章 总则: the official texts space out short headings.
  if (d) return `${d[1]} ${d[2]!.replace(/\s+/g, '')}`.trim();
  return text.replace(/\s+/g, ' ');
}

function startArticle(
  line: SourceLine,
  m: RegExpExecArray,
  previous: LawArticle | null,
  isPart: boolean,
  chapter: string,
): LawArticle {
  const number = parseChineseNumber(m[1]!);
  const sub = m[2] ? parseChineseNumber(m[2]) : 0;
  if (!number || sub === null) throw new LawFormatError(line.no, `条文序号无法识别：“${line.text.slice(0, 12)}”`);
  const label = articleLabel(number, sub);
  if (previous) {
    const next = number === previous.number && sub === previous.sub + 1;
    const following = number === previous.number + 1 && sub === 0;
    if (!next && !following) {
      throw new LawFormatError(line.no, `条文序号不连续：${previous.label}（第${previous.line}行）之后是${label}`);
    }
  } else if (!isPart && (number !== 1 || sub !== 0)) {
    throw new LawFormatError(line.no, `第一个条文应为第一条，实为${label}（分编文件须有副标题）`);
  }
  const first = (m[3] ?? '').trim();
  return { number, sub, label, chapter, line: line.no, paragraphs: [{ text: first, items: [] }], text: '' };
}

function addLine(article: LawArticle, line: SourceLine): void {
  const paragraph = article.paragraphs.at(-1)!;
  const item = itemPattern.exec(line.text);
  if (item) {
    const number = parseChineseNumber(item[1]!);
    const expected = (paragraph.items.at(-1)?.number ?? 0) + 1;
    if (number !== expected) {
      throw new LawFormatError(
        line.no,
        `${article.label}中项的序号不连续：应为（${formatChineseNumber(expected)}），实为“${line.text.slice(0, 8)}”`,
      );
    }
    paragraph.items.push({ number, label: `（${item[1]}）`, text: item[2]!.trim() });
    return;
  }
  if (subItemPattern.test(line.text)) {
    // 1. 2. 3. under an item (the judicial interpretations use them): part of that item's text.
    const last = paragraph.items.at(-1);
    if (last) last.text += `\n${line.text}`;
    else paragraph.text += `${paragraph.text ? '\n' : ''}${line.text}`;
    return;
  }
  // "第X条" alone on its line: the next line is its first paragraph.
  if (article.paragraphs.length === 1 && !paragraph.text && !paragraph.items.length) paragraph.text = line.text;
  else article.paragraphs.push({ text: line.text, items: [] });
}

export function articleText(paragraphs: LawParagraph[]): string {
  return paragraphs
    .map((p) => [p.text, ...p.items.map((i) => `${i.label}${i.text}`)].filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n');
}
