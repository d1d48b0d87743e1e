/**
 * The law a case rests on, resolved from the date of its act (处罚法 art. 37, 生态环境法典 art. 1057):
 * the time rules kept as data (resources/laws/temporal-rules.json) and what the resolver answers.
 */
import { z } from 'zod';
import { isoDate, key, boundedRecord } from './primitives.js';
import { article, fineBand } from './reference.js';

const datedSource = z.object({ law: z.string().min(1), article: z.string().min(1), effectiveFrom: isoDate });

export const limitationRule = z.object({
  id: z.string().min(1),
  effectiveFrom: isoDate,
  law: z.string().min(1),
  article: z.string().min(1),
  years: z.number().int().positive(),
  harmYears: z.number().int().positive(),
  /** Which 立案 answer lengthens the period: 处罚法 art. 36's harm, or the Code's pollution harm (art. 1054). */
  harm: z.enum(['seriousHarm', 'pollutionHarm']),
  harmText: z.string().min(1),
  verified: z.boolean(),
  note: z.string().optional(),
});
export type LimitationRule = z.infer<typeof limitationRule>;

export const temporalRulesFile = z
  .object({
    version: z.string(),
    actDate: z.object({
      continuing: z.literal('end'),
      text: z.string().min(1),
      sources: z.array(datedSource).min(1),
      verified: z.boolean(),
    }),
    lighterLaw: z.object({ text: z.string().min(1), sources: z.array(datedSource).min(1), verified: z.boolean() }),
    limitation: z.array(limitationRule).min(1),
  })
  .loose();
export type TemporalRules = z.infer<typeof temporalRulesFile>;

/** What the case's figures give for a band: its limits in yuan, or why they cannot be worked out. */
export const bandInYuan = z.union([
  z.object({ ok: z.literal(true), min: z.number(), max: z.number(), basis: z.string() }),
  z.object({ ok: z.literal(false), problem: z.string() }),
]);

/** One violation type's provision, as it stands on one date. */
export const provisionView = z.object({
  typeId: z.string(),
  typeName: z.string(),
  breached: z.array(article),
  penaltyArticle: article,
  /** 《中华人民共和国生态环境法典》第一千一百零七条: how documents cite it. */
  citation: z.string(),
  /** The band the case falls in (the heavier one where the case is 情节严重 and the article sets one). */
  band: fineBand,
  bandText: z.string(),
  aggravated: z.boolean(),
  yuan: bandInYuan,
  penaltyText: z.string(),
});
export type ProvisionView = z.infer<typeof provisionView>;

export const legalBasisRule = z.enum([
  'in-force', // the provision in force on the day of the act still stands at decision
  'new-law-lighter', // replaced since, and the new provision punishes more lightly: the new one
  'old-law', // replaced since, and the new one is not lighter: the law of the act's day
  'not-illegal', // the new law no longer punishes the conduct
  'undecided', // cannot be decided on the data: a person must choose or supply a figure
]);
export type LegalBasisRule = z.infer<typeof legalBasisRule>;

export const legalBasis = z.object({
  actOn: isoDate,
  /** How the act's date was read (a continuing act is dated by its end), with its source. */
  actDateNote: z.string(),
  decisionOn: isoDate,
  rule: legalBasisRule,
  atAct: provisionView.nullable(),
  atDecision: provisionView.nullable(),
  /** The provision the decision applies; null when not-illegal or undecided. */
  applied: provisionView.nullable(),
  /** Several provisions replaced the one of the act's day: the case must say which describes its act. */
  candidates: z.array(z.object({ typeId: z.string(), typeName: z.string(), citation: z.string() })),
  /** The relation recorded in the article map, when one was followed. */
  mapping: z.object({ relation: z.string(), verified: z.boolean(), note: z.string() }).nullable(),
  /** Legal Chinese for the 调查报告 and the 决定书: the comparison and its result; '' when nothing changed. */
  statement: z.string(),
  /** Short explanation for the case page (what was compared, or what is missing). */
  reason: z.string(),
  needsReview: z.boolean(),
  /** The articles the rule rests on (处罚法 art. 37 and, from its commencement, 法典 art. 1057). */
  basis: z.array(z.string()),
});
export type LegalBasis = z.infer<typeof legalBasis>;

/** The case's figures the comparison may need. */
export const lawFigures = z.object({
  /** Amounts a band is counted from, by the band's label (建设项目总投资额, 违法所得 …), in yuan. */
  amounts: boundedRecord(key(100, '数额名称'), z.number().finite().nonnegative(), 50, 10_000, '数额').default({}),
  /** 情节严重 / 拒不改正: the heavier band where the article sets one. */
  aggravated: z.boolean().default(false),
  /** Which of several replacing provisions describes the act (a split article). */
  counterpartId: key(64, '对应条款标识').optional(),
  /** The day a continuing act ended, once known (it is dated by its end: 处罚法 art. 36, 法典 art. 1054). */
  actEndedOn: isoDate.optional(),
});
export type LawFigures = z.infer<typeof lawFigures>;

export const legalBasisInput = z.object({
  violationId: z.string().min(1).max(64),
  actOn: isoDate,
  continuing: z.boolean().default(false),
  decisionOn: isoDate.optional(),
  figures: lawFigures.default({ amounts: {}, aggravated: false }),
});
