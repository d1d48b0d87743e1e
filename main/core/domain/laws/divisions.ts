/**
 * The levels of a statute — 编, 分编, 章, 节 — as structured data, and a law's outline (目录) built
 * from them. The parser keeps the headings above an article as one string ("第五编 法律责任和附则
 * 第二章 法律责任分则 第三节 违反排污许可管理规定", see parse.ts headingText: "第N章" + a space + the
 * title without spaces); divisionsOf reads it back. Pure, linear in the number of articles.
 */
import { numeralChars, parseChineseNumber } from './numerals.js';

/** 编, 分编, 章, 节; 其他 for 篇, 部分 and unnumbered headings (附件 …). */
export type DivisionKind = '编' | '分编' | '章' | '节' | '其他';

export interface LawDivision {
  kind: DivisionKind;
  /** 第五编 → 5; null for a heading without a number. */
  number: number | null;
  /** 第五编, as printed; the heading itself when it has no number. */
  label: string;
  /** 法律责任和附则; '' when the heading has no title. */
  title: string;
}

const numbered = new RegExp(`^第([${numeralChars}]+)(分编|编|章|节|篇|部分)$`);

/** "第五编 法律责任和附则 第二章 法律责任分则" → [{ 编 5 … }, { 章 2 … }]. */
export function divisionsOf(chapter: string): LawDivision[] {
  const out: LawDivision[] = [];
  let open: LawDivision | null = null; // a numbered division still waiting for its title
  let other: string[] = []; // words of an unnumbered heading
  const flushOther = (): void => {
    if (other.length) out.push({ kind: '其他', number: null, label: other.join(' '), title: '' });
    other = [];
  };
  for (const word of chapter.split(/\s+/).filter(Boolean)) {
    const m = numbered.exec(word);
    if (m) {
      flushOther();
      const kind = m[2] as string;
      open = {
        kind: kind === '篇' || kind === '部分' ? '其他' : (kind as DivisionKind),
        number: parseChineseNumber(m[1]!),
        label: word,
        title: '',
      };
      out.push(open);
    } else if (open && !open.title) {
      // Division titles have no spaces (the parser removes them), so one word is the whole title.
      open.title = word;
    } else {
      open = null;
      other.push(word);
    }
  }
  flushOther();
  return out;
}

export function divisionText(d: LawDivision): string {
  return d.title ? `${d.label} ${d.title}` : d.label;
}

/** Where an article stands: "第五编 法律责任和附则 › 第二章 法律责任分则 › 第三节 …"; '' if nowhere. */
export function placeText(divisions: readonly LawDivision[]): string {
  return divisions.map(divisionText).join(' › ');
}

export interface ArticleKeyRef {
  number: number;
  sub: number;
  label: string;
}

export interface OutlineNode extends LawDivision {
  /** The divisions above and including this one, joined: unique within a law, stable across imports. */
  key: string;
  first: ArticleKeyRef;
  last: ArticleKeyRef;
  articleCount: number;
  children: OutlineNode[];
}

interface OutlineInput {
  number: number;
  sub: number;
  label: string;
  chapter: string;
}

/**
 * The 目录: 编 → 分编 → 章 → 节, each with its first and last article. Consecutive articles with the
 * same headings belong to the same node; a heading that comes back after another one (which a
 * well-formed law never does) makes a new node rather than reordering the text.
 */
export function lawOutline(articles: readonly OutlineInput[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  let path: OutlineNode[] = []; // the open nodes, outermost first
  let lastChapter: string | null = null;
  let lastDivisions: LawDivision[] = [];
  for (const a of articles) {
    const ref = { number: a.number, sub: a.sub, label: a.label };
    const divisions = a.chapter === lastChapter ? lastDivisions : divisionsOf(a.chapter);
    lastChapter = a.chapter;
    lastDivisions = divisions;
    // Keep the open nodes that match this article's headings from the top; open new ones below.
    let same = 0;
    while (same < path.length && same < divisions.length && path[same]!.key === keyOf(divisions, same)) same++;
    path = path.slice(0, same);
    for (let i = same; i < divisions.length; i++) {
      const node: OutlineNode = {
        ...divisions[i]!,
        key: keyOf(divisions, i),
        first: ref,
        last: ref,
        articleCount: 0,
        children: [],
      };
      (i === 0 ? roots : path[i - 1]!.children).push(node);
      path.push(node);
    }
    for (const node of path) {
      node.last = ref;
      node.articleCount++;
    }
  }
  return roots;
}

function keyOf(divisions: readonly LawDivision[], upTo: number): string {
  return divisions
    .slice(0, upTo + 1)
    .map(divisionText)
    .join(' ');
}

/** Every node of an outline, depth first (for counting and look-ups). */
export function outlineNodes(outline: readonly OutlineNode[]): OutlineNode[] {
  return outline.flatMap((n) => [n, ...outlineNodes(n.children)]);
}
