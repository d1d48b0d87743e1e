/**
 * Citing the law from a case: an ArticleRef such as { law: '《中华人民共和国大气污染防治法》',
 * article: '第九十九条第二项' } resolved to the text in force on a date — or, when the library does
 * not hold it, a plain "条文未载入" with the reason, so documents keep citing by number and the UI
 * says the text is missing. On a date on or after a law's repeal (resources/laws/repeals.json) the
 * answer is that it is not in force — 已于2026年8月15日废止（…） — whether or not its text, or the
 * repealing law's, is loaded.
 */
import type { ArticleResolution, LawRepeal } from '#common/schemas/laws.js';
import type { ArticleRef } from '#common/schemas/reference.js';
import {
  articleLabel,
  citationText,
  lawKey,
  parseArticleCitation,
  type ArticleCitation,
} from '#core/domain/laws/citation.js';
import { formatChineseNumber } from '#core/domain/laws/numerals.js';
import { inForceOn } from '#core/domain/laws/inForce.js';
import { divisionsOf } from '#core/domain/laws/divisions.js';
import { repealedBy, repealView } from '#core/domain/laws/repeals.js';
import type { LawParagraph } from '#core/domain/laws/types.js';
import type { LawLibrary, StoredArticle } from '#core/store/lawLibrary.js';

type NotLoaded = Extract<ArticleResolution, { status: 'not-loaded' }>;
export type Loaded = Extract<ArticleResolution, { status: 'loaded' }>;

function displayName(law: string): string {
  return law.replace(/[《》\s\u3000]/g, '');
}

/** 3 → 三, for messages (a cited number beyond 9999 stays in digits). */
const cn = (n: number): string => (n >= 1 && n <= 9999 ? formatChineseNumber(n) : String(n));

function repealed(ref: Pick<ArticleRef, 'law' | 'article'>, fullName: string, r: LawRepeal): NotLoaded {
  const view = repealView(r);
  return {
    status: 'not-loaded',
    law: ref.law,
    article: ref.article,
    reason: 'repealed',
    citation: `《${fullName}》${ref.article.trim()}`,
    message: `《${fullName}》${view.text}`,
    repeal: view,
  };
}

function notLoaded(ref: Pick<ArticleRef, 'law' | 'article'>, reason: NotLoaded['reason'], detail: string): NotLoaded {
  return {
    status: 'not-loaded',
    law: ref.law,
    article: ref.article,
    reason,
    citation: `《${displayName(ref.law)}》${ref.article.trim()}`,
    message: `条文未载入：${detail}`,
  };
}

/** The cited 款 or 项 of an article; an item comes with its paragraph's opening words. */
function citedPart(
  paragraphs: LawParagraph[],
  c: ArticleCitation,
  label: string,
): { text: string | null; warning: string | null } {
  let paragraph: LawParagraph | null = null;
  if (c.paragraph) {
    paragraph = paragraphs[c.paragraph - 1] ?? null;
    if (!paragraph) return { text: null, warning: `${label}只有${paragraphs.length}款，没有第${cn(c.paragraph)}款` };
  }
  if (!c.item) {
    return {
      text: paragraph ? [paragraph.text, ...paragraph.items.map((i) => i.label + i.text)].join('\n') : null,
      warning: null,
    };
  }
  // 第九十九条第二项: the items of the article's (first) list when no 款 is named.
  const holder = paragraph ?? paragraphs.find((p) => p.items.length) ?? null;
  const item = holder?.items[c.item - 1];
  if (!holder || !item) {
    return { text: null, warning: `${label}${c.paragraph ? `第${cn(c.paragraph)}款` : ''}中没有第${cn(c.item)}项` };
  }
  return { text: `${holder.text}\n${item.label}${item.text}`, warning: null };
}

function loaded(a: StoredArticle, c: ArticleCitation): Loaded {
  const part = citedPart(a.paragraphs, c, a.label);
  return {
    status: 'loaded',
    law: a.lawId,
    fullName: a.fullName,
    citation: `《${a.fullName}》${citationText(c)}`,
    label: a.label,
    number: a.number,
    sub: a.sub,
    paragraph: c.paragraph,
    item: c.item,
    chapter: a.chapter,
    citedText: part.text ?? a.text,
    articleText: a.text,
    paragraphs: a.paragraphs,
    version: a.version,
    warning: part.warning,
    divisions: a.divisions ?? divisionsOf(a.chapter),
  };
}

/**
 * The article cited, in the version in force on `on` (default: the newest version loaded). A law
 * the repeal data ends before `on` is not in force then, whatever the library holds.
 */
export function resolveArticle(
  library: LawLibrary,
  ref: Pick<ArticleRef, 'law' | 'article'>,
  on?: string,
  repeals: readonly LawRepeal[] = [],
): ArticleResolution {
  const c = parseArticleCitation(ref.article);
  if (!c)
    return notLoaded(ref, 'bad-citation', `无法识别条文序号“${ref.article}”（应如“第九十九条”“第九十九条第二项”）`);
  const key = lawKey(ref.law);
  const fullName = library.fullName(key);
  const ended = on ? repealedBy(repeals, key, on) : null;
  if (ended) return repealed(ref, fullName ?? displayName(ref.law), ended);
  if (!fullName) return notLoaded(ref, 'law-not-loaded', `法律法规库中没有《${displayName(ref.law)}》`);
  const label = articleLabel(c.number, c.sub);
  const versions = library.articleVersions(key, c.number, c.sub);
  if (!versions.length) return notLoaded(ref, 'article-not-found', `已载入的《${fullName}》中没有${label}`);
  const chosen = on ? inForceOn(versions, on) : versions.at(-1)!;
  if (!chosen) {
    const loadedVersions = versions
      .map(
        (v) => `${v.version.versionDate}版（${v.effectiveFrom}起施行${v.effectiveTo ? `，至${v.effectiveTo}` : ''}）`,
      )
      .join('；');
    return notLoaded(ref, 'not-in-force', `《${fullName}》${label}在${on}没有有效的版本；已载入：${loadedVersions}`);
  }
  return loaded(chosen, c);
}
