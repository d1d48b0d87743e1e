/** The law library's contract: versioned articles, their import, look-up, search and citation. */
import { z } from 'zod';
import { isoDate } from './primitives.js';
import { article as articleRef } from './reference.js';

export const effectiveFromSources = ['header', 'final-article', 'data', 'input', 'version-date'] as const;
/** How the UI names the source of a version's commencement date. */
export const effectiveFromSourceNames: Record<(typeof effectiveFromSources)[number], string> = {
  header: '文本载明',
  'final-article': '附则条文载明',
  data: '施行日期表（未核实）',
  input: '导入时指定',
  'version-date': '未载明，按版本日期推定',
};

export const lawVersionInfo = z.object({
  versionDate: z.string(),
  /** Subtitle of a law split over several files; '' otherwise. */
  part: z.string(),
  effectiveFrom: z.string(),
  effectiveFromSource: z.enum(effectiveFromSources),
  /** Last day in force (inclusive); null while in force. */
  effectiveTo: z.string().nullable(),
  articleCount: z.number().int(),
  sourceName: z.string(),
  importedAt: z.string(),
});
export type LawVersionInfo = z.infer<typeof lawVersionInfo>;

export const lawInfo = z.object({
  /** The library's key: the short name, e.g. 大气污染防治法. */
  id: z.string(),
  fullName: z.string(),
  versions: z.array(lawVersionInfo),
});
export type LawInfo = z.infer<typeof lawInfo>;

export const lawItem = z.object({ number: z.number().int(), label: z.string(), text: z.string() });
export const lawParagraph = z.object({ text: z.string(), items: z.array(lawItem) });
export type LawParagraphView = z.infer<typeof lawParagraph>;

export const lawArticleView = z.object({
  number: z.number().int(),
  sub: z.number().int(),
  label: z.string(),
  chapter: z.string(),
  text: z.string(),
  paragraphs: z.array(lawParagraph),
});
export type LawArticleView = z.infer<typeof lawArticleView>;

const maxFileChars = 5_000_000;
export const lawFile = z.object({
  name: z.string().min(1, '缺少文件名').max(255),
  content: z.string().max(maxFileChars, '文件过大（不超过5MB）'),
});

/** Statute files (content read by the caller), or a folder of .md files on this workstation (CLI). */
export const lawImportInput = z.union([
  z.object({
    files: z.array(lawFile).min(1, '请选择至少一个文件').max(200),
    /** Overrides the commencement date for every file given (e.g. from the provincial server). */
    effectiveFrom: isoDate.optional(),
  }),
  z.object({ path: z.string().min(1, '请提供文件夹路径').max(1000) }),
], { error: '请提供 files（文件名和内容）或 path（文件夹路径）' });

export const lawImportResult = z.object({
  file: z.string(),
  status: z.enum(['added', 'updated', 'unchanged', 'skipped', 'failed']),
  law: z.string().nullable(),
  versionDate: z.string().nullable(),
  articleCount: z.number().int().nullable(),
  /** For 'failed': the Chinese error with its line number; for 'skipped': why. */
  message: z.string().nullable(),
  line: z.number().int().nullable(),
  warnings: z.array(z.string()),
  /** The version this import closed (its effective_to set), if any. */
  closed: z.object({ versionDate: z.string(), effectiveTo: z.string() }).nullable(),
});
export type LawImportResult = z.infer<typeof lawImportResult>;

export const lawImportOutput = z.object({
  results: z.array(lawImportResult),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
});
export type LawImportOutput = z.infer<typeof lawImportOutput>;

export const lawGetInput = z.object({
  law: z.string().min(1, '请指定法律').max(200),
  /** A version date; default the newest. */
  versionDate: isoDate.optional(),
});
export const lawGetOutput = z.object({
  id: z.string(),
  fullName: z.string(),
  version: lawVersionInfo,
  history: z.array(z.object({ date: z.string(), event: z.string() })),
  preamble: z.string(),
  articles: z.array(lawArticleView),
});
export type LawGetOutput = z.infer<typeof lawGetOutput>;

export const lawArticleInput = z.object({
  law: z.string().min(1, '请指定法律').max(200),
  article: z.string().min(1, '请指定条文').max(60),
  /** The article in force on this date; default the newest version. */
  on: isoDate.optional(),
});

export const notLoadedReasons = ['law-not-loaded', 'article-not-found', 'not-in-force', 'bad-citation'] as const;

/** A cited article: its loaded text, or why it is not loaded (the citation by number still stands). */
export const articleResolution = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('loaded'),
    law: z.string(),
    fullName: z.string(),
    /** 《中华人民共和国大气污染防治法》第九十九条第二项 */
    citation: z.string(),
    label: z.string(),
    number: z.number().int(),
    sub: z.number().int(),
    paragraph: z.number().int().nullable(),
    item: z.number().int().nullable(),
    chapter: z.string(),
    /** The cited paragraph or item (an item with its paragraph's opening words); the whole article if none is cited. */
    citedText: z.string(),
    articleText: z.string(),
    paragraphs: z.array(lawParagraph),
    version: lawVersionInfo,
    /** E.g. the cited 款 does not exist in this version. */
    warning: z.string().nullable(),
  }),
  z.object({
    status: z.literal('not-loaded'),
    law: z.string(),
    article: z.string(),
    citation: z.string(),
    reason: z.enum(notLoadedReasons),
    /** 条文未载入：… */
    message: z.string(),
  }),
]);
export type ArticleResolution = z.infer<typeof articleResolution>;

export const lawCiteInput = z.object({
  refs: z.array(articleRef).min(1).max(50),
  on: isoDate.optional(),
});

export const lawSearchInput = z.object({
  query: z.string().trim().min(1, '请输入检索词').max(100, '检索词过长（不超过100字）'),
  law: z.string().max(200).optional(),
  /** Only versions in force on this date; default the newest version of each law. */
  on: isoDate.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const highlightSegment = z.object({ text: z.string(), hit: z.boolean() });
export type HighlightSegment = z.infer<typeof highlightSegment>;
export const lawSearchHit = z.object({
  law: z.string(),
  fullName: z.string(),
  label: z.string(),
  number: z.number().int(),
  sub: z.number().int(),
  chapter: z.string(),
  versionDate: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  snippet: z.array(highlightSegment),
});
export type LawSearchHit = z.infer<typeof lawSearchHit>;
export const lawSearchOutput = z.object({ total: z.number().int(), rows: z.array(lawSearchHit) });

export const lawApplicableInput = z.object({
  law: z.string().min(1).max(200),
  article: z.string().min(1).max(60),
  violationOn: isoDate,
  decisionOn: isoDate,
});
export const lawApplicableOutput = z.object({
  rule: z.enum(['unchanged', 'old-law', 'new-law-lighter', 'not-illegal', 'old-law-unverified', 'not-loaded']),
  chosen: articleResolution.nullable(),
  atViolation: articleResolution,
  atDecision: articleResolution.nullable(),
  reason: z.string(),
  needsReview: z.boolean(),
  basis: z.string(),
  /** The mapping entry used to find the new provision, if any (resources/laws/article-map.json). */
  mapping: z.object({ relation: z.string(), effectiveFrom: z.string(), verified: z.boolean(), note: z.string() }).nullable(),
});
export type LawApplicableOutput = z.infer<typeof lawApplicableOutput>;

/**
 * resources/laws/article-map.json: old articles to the ones that replace them (a sector law's
 * article → the 生态环境法典's, or an article renumbered by a revision). Data, updatable without
 * a release; entries not checked against the promulgated text carry verified: false.
 */
export const articleMapEntry = z.object({
  from: z.object({ law: z.string().min(1), article: z.string().min(1) }),
  to: z.array(z.object({ law: z.string().min(1), article: z.string().min(1) })),
  relation: z.enum(['renumbered', 'amended', 'merged', 'split', 'not-illegal']),
  /** The day the replacement takes effect. */
  effectiveFrom: isoDate,
  note: z.string().default(''),
  verified: z.boolean(),
});
export type ArticleMapEntry = z.infer<typeof articleMapEntry>;
export const articleMapFile = z.object({ version: z.string(), mappings: z.array(articleMapEntry) }).loose();

/** resources/laws/effective-dates.json: commencement dates the texts do not state (amending decisions). */
export const effectiveDatesFile = z.object({
  version: z.string(),
  dates: z.array(z.object({
    law: z.string().min(1),
    versionDate: isoDate,
    effectiveFrom: isoDate,
    source: z.string(),
    verified: z.boolean(),
  })),
}).loose();
export type EffectiveDatesFile = z.infer<typeof effectiveDatesFile>;
