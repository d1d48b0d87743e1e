/** A statute as the library keeps it: one version of a law, split into articles, paragraphs and items. */

/** 项: （一）… inside a paragraph. */
export interface LawItem {
  number: number;
  /** （一）, as printed. */
  label: string;
  /** The item's text without its label; numbered sub-items (1. 2.) follow on new lines. */
  text: string;
}

/** 款: a paragraph of an article, with the items that belong to it. */
export interface LawParagraph {
  text: string;
  items: LawItem[];
}

export interface LawArticle {
  number: number;
  /** 0, or N for 第X条之N. */
  sub: number;
  /** 第九十九条 */
  label: string;
  /** The headings above the article (编, 章, 节), e.g. "第七章 法律责任"; empty when the law has none. */
  chapter: string;
  /** Line of the article's first line in the source file, for messages. */
  line: number;
  paragraphs: LawParagraph[];
  /** The whole article without its label: paragraphs on their own lines, each item on its own line. */
  text: string;
}

export interface LawHistoryEntry {
  date: string;
  event: string;
}

/** Where the date a version took effect comes from; shown to the user next to the date. */
export type EffectiveFromSource =
  | 'header' // a "YYYY年M月D日 施行" line above <!-- INFO END -->
  | 'final-article' // 本法自YYYY年M月D日起施行 in the text, on or after the version date
  | 'data' // resources/laws/effective-dates.json
  | 'input' // given at import
  | 'version-date'; // not stated: assumed to be the version date

export interface ParsedLaw {
  /** The title as printed: 中华人民共和国大气污染防治法. */
  fullName: string;
  /** The library's key: 大气污染防治法 (see lawKey). */
  shortName: string;
  /** Subtitle of a law split over several files (民法典 人格权编); empty otherwise. */
  part: string;
  /** The date of this text: the last revision or amendment (from the file name or the dated lines). */
  versionDate: string;
  versionDateSource: 'file-name' | 'history';
  effectiveFrom: string;
  effectiveFromSource: EffectiveFromSource;
  history: LawHistoryEntry[];
  /** Text between the header and the first article (e.g. a judicial interpretation's preamble). */
  preamble: string;
  articles: LawArticle[];
  /** Chinese notes for the import report (e.g. the text seems cut short); they do not stop the import. */
  warnings: string[];
}
