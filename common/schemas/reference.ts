import { z } from 'zod';

export const enterprise = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  legalRepresentative: z.string(),
  address: z.string(),
  county: z.string(),
});
export type Enterprise = z.infer<typeof enterprise>;

export const enterpriseSearchInput = z.object({
  query: z.string().max(100).default(''),
  limit: z.number().int().min(1).max(100).default(20),
});

export const officer = z.object({
  id: z.string(),
  name: z.string(),
  certificateNo: z.string(),
  certificateValidUntil: z.string(),
  userId: z.string().nullable(),
});
export type Officer = z.infer<typeof officer>;

export const article = z.object({ law: z.string(), article: z.string(), text: z.string().optional() });
export type ArticleRef = z.infer<typeof article>;

/** Statutory band of a fine: a range in yuan, or a percentage of an amount (e.g. total investment). */
export const fineBand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('range'), min: z.number(), max: z.number() }),
  z.object({ kind: z.literal('percent'), of: z.string(), minPercent: z.number(), maxPercent: z.number() }),
]);
export type FineBand = z.infer<typeof fineBand>;

export const violationType = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  breached: z.array(article),
  penaltyArticle: article,
  band: fineBand,
  penaltyText: z.string(),
});
export type ViolationType = z.infer<typeof violationType>;
