/** The law library's contract: versioned articles, their import, look-up, search and citation. */
import { z } from 'zod';
import { isoDate, key, plainText, searchText } from '#common/schemas/primitives.js';

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

/** The data's word that a law was repealed (resources/laws/repeals.json), as the UI shows it. */
export const lawRepealView = z.object({
  /** The first day the law is no longer in force. */
  repealedOn: z.string(),
  /** The last day in force: the day before. */
  lastDay: z.string(),
  /** 《中华人民共和国生态环境法典》第一千二百四十二条 */
  by: z.string(),
  /** 已于2026年8月15日废止（《中华人民共和国生态环境法典》第一千二百四十二条） */
  text: z.string(),
  verified: z.boolean(),
});
export type LawRepealView = z.infer<typeof lawRepealView>;

export const lawInfo = z.object({
  /** The library's key: the short name, e.g. 大气污染防治法. */
  id: z.string(),
  fullName: z.string(),
  versions: z.array(lawVersionInfo),
  /** Set when the data says the law was repealed; its versions end the day before. */
  repeal: lawRepealView.nullable().optional(),
});
export type LawInfo = z.infer<typeof lawInfo>;

export const lawItem = z.object({ number: z.number().int(), label: z.string(), text: z.string() });
export const lawParagraph = z.object({ text: z.string(), items: z.array(lawItem) });
export type LawParagraphView = z.infer<typeof lawParagraph>;

/** A level of a statute above its articles: 第五编 法律责任和附则, 第二分编, 第二章, 第三节 (domain/laws/divisions.ts). */
export const divisionKinds = ['编', '分编', '章', '节', '其他'] as const;
export const lawDivision = z.object({
  kind: z.enum(divisionKinds),
  number: z.number().int().nullable(),
  /** 第五编 */
  label: z.string(),
  /** 法律责任和附则; '' when the heading has none. */
  title: z.string(),
});
export type LawDivisionView = z.infer<typeof lawDivision>;

const articleKeyRef = z.object({ number: z.number().int(), sub: z.number().int(), label: z.string() });
/** One entry of a law's 目录: a division with its first and last article and the divisions below it. */
export interface LawOutlineNode extends LawDivisionView {
  key: string;
  first: z.infer<typeof articleKeyRef>;
  last: z.infer<typeof articleKeyRef>;
  articleCount: number;
  children: LawOutlineNode[];
}
export const lawOutlineNode: z.ZodType<LawOutlineNode> = lawDivision.extend({
  key: z.string(),
  first: articleKeyRef,
  last: articleKeyRef,
  articleCount: z.number().int(),
  children: z.lazy(() => z.array(lawOutlineNode)),
});

export const lawArticleView = z.object({
  number: z.number().int(),
  sub: z.number().int(),
  label: z.string(),
  chapter: z.string(),
  text: z.string(),
  paragraphs: z.array(lawParagraph),
  /** The levels above the article (编 → 分编 → 章 → 节), read from `chapter`. */
  divisions: z.array(lawDivision).optional(),
});
export type LawArticleView = z.infer<typeof lawArticleView>;

const maxFileChars = 5_000_000;
export const lawFile = z.object({
  name: z.string().min(1, '缺少文件名').max(255),
  content: z.string().max(maxFileChars, '文件过大（不超过5MB）'),
});

/** Statute files (content read by the caller), or a folder of .md files on this workstation (CLI). */
export const lawImportInput = z.union(
  [
    z.object({
      files: z.array(lawFile).min(1, '请选择至少一个文件').max(200),
      /** Overrides the commencement date for every file given (e.g. from the provincial server). */
      effectiveFrom: isoDate.optional(),
    }),
    z.object({ path: z.string().min(1, '请提供文件夹路径').max(1000) }),
  ],
  { error: '请提供 files（文件名和内容）或 path（文件夹路径）' },
);

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
  /** The law is repealed on data: its versions end the day before (effectiveTo). */
  repealed: lawRepealView.extend({ effectiveTo: z.string() }).nullable().optional(),
  /** The text's own repealing clause (生态环境法典 art. 1242), checked against resources/laws/repeals.json. */
  repealClause: z
    .object({
      article: z.string(),
      effectiveFrom: z.string().nullable(),
      laws: z.array(z.string()),
      agrees: z.boolean(),
      /** Chinese, one per disagreement (also listed in warnings). */
      problems: z.array(z.string()),
    })
    .nullable()
    .optional(),
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
  /** 目录: 编 → 分编 → 章 → 节 with their article ranges; empty for a law without headings. */
  outline: z.array(lawOutlineNode).optional(),
  repeal: lawRepealView.nullable().optional(),
});
export type LawGetOutput = z.infer<typeof lawGetOutput>;

export const lawArticleInput = z.object({
  law: z.string().min(1, '请指定法律').max(200),
  article: z.string().min(1, '请指定条文').max(60),
  /** The article in force on this date; default the newest version. */
  on: isoDate.optional(),
});

export const notLoadedReasons = [
  'law-not-loaded',
  'article-not-found',
  'not-in-force',
  'bad-citation',
  'repealed',
] as const;

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
    /** The levels above the article (编 → 分编 → 章 → 节). */
    divisions: z.array(lawDivision).optional(),
  }),
  z.object({
    status: z.literal('not-loaded'),
    law: z.string(),
    article: z.string(),
    citation: z.string(),
    reason: z.enum(notLoadedReasons),
    /** 条文未载入：…, or for 'repealed': 《…》已于…废止（…）. */
    message: z.string(),
    /** For 'repealed': the data's repeal (whether or not the law's text is loaded). */
    repeal: lawRepealView.optional(),
  }),
]);
export type ArticleResolution = z.infer<typeof articleResolution>;

export const lawCiteInput = z.object({
  refs: z
    .array(
      z.object({ law: key(200, '法律名称'), article: key(60, '条文'), text: plainText(5000, '条文内容').optional() }),
    )
    .min(1)
    .max(50),
  on: isoDate.optional(),
});

export const lawSearchInput = z.object({
  query: searchText(100).min(1, '请输入检索词'),
  law: key(200, '法律名称').optional(),
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
  /** Where the article stands (编 → 分编 → 章 → 节). */
  divisions: z.array(lawDivision).optional(),
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
  mapping: z
    .object({ relation: z.string(), effectiveFrom: z.string(), verified: z.boolean(), note: z.string() })
    .nullable(),
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

/**
 * resources/laws/repeals.json: when a law took effect and when it was repealed, as data, so "the
 * article in force on a date" is answered even before a text is imported (生态环境法典 art. 1242).
 */
export const lawCommencement = z.object({
  law: z.string().min(1),
  effectiveFrom: isoDate,
  source: z.string(),
  verified: z.boolean(),
});
export const lawRepeal = z.object({
  law: z.string().min(1),
  /** The first day the law is no longer in force. */
  repealedOn: isoDate,
  by: z.object({ law: z.string().min(1), article: z.string().min(1) }),
  source: z.string(),
  verified: z.boolean(),
});
export type LawCommencement = z.infer<typeof lawCommencement>;
export type LawRepeal = z.infer<typeof lawRepeal>;
export const repealsFile = z
  .object({ version: z.string(), commencements: z.array(lawCommencement), repeals: z.array(lawRepeal) })
  .loose();

/** resources/laws/effective-dates.json: commencement dates the texts do not state (amending decisions). */
export const effectiveDatesFile = z
  .object({
    version: z.string(),
    dates: z.array(
      z.object({
        law: z.string().min(1),
        versionDate: isoDate,
        effectiveFrom: isoDate,
        source: z.string(),
        verified: z.boolean(),
      }),
    ),
  })
  .loose();
export type EffectiveDatesFile = z.infer<typeof effectiveDatesFile>;
