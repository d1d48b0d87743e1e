import { z } from 'zod';
import { searchText } from './primitives.js';

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
  query: searchText(100).default(''),
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

/**
 * Statutory band of a fine (discretion benchmark). Kinds, each as the statutes word them:
 * - range: 处十万元以上一百万元以下的罚款 (min 0 for 处五万元以下).
 * - percent: 处建设项目总投资额百分之一以上百分之五以下的罚款 (环评法 art. 31).
 * - multiple: 处所需处置费用三倍以上五倍以下的罚款，所需处置费用不足二十万元的，按二十万元计算
 *   (固废法 art. 112: minBase); 违法所得10万元以上的，处违法所得1倍以上5倍以下；没有违法所得或者
 *   违法所得不足10万元的，处1万元以上10万元以下 (放射性同位素条例 art. 52: fallback).
 * - perUnit: 处每次5千元以上2万元以下 (排污许可条例 art. 37), or an amount per day.
 * - fixed: one amount; none: the provision sets no fine (警告, 责令… only).
 */
/** Units of a per-unit fine: per day, per occurrence, per square metre or metre (生态环境法典 arts. 1216–1217). */
export const perUnits = ['日', '次', '平方米', '米'] as const;

export const fineBand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('range'), min: z.number().nonnegative(), max: z.number().positive() }),
  z.object({
    kind: z.literal('percent'),
    of: z.string(),
    minPercent: z.number().nonnegative(),
    maxPercent: z.number().positive(),
  }),
  z.object({
    kind: z.literal('multiple'),
    of: z.string().min(1),
    minTimes: z.number().nonnegative(),
    maxTimes: z.number().positive(),
    /** 不足X元的，按X元计算. */
    minBase: z.number().positive().optional(),
    /** 没有(或不足 below 元)的，处 min–max 元. */
    fallback: z
      .object({ below: z.number().nonnegative(), min: z.number().nonnegative(), max: z.number().positive() })
      .optional(),
  }),
  z.object({
    kind: z.literal('perUnit'),
    unit: z.enum(perUnits),
    minPerUnit: z.number().nonnegative(),
    maxPerUnit: z.number().positive(),
  }),
  z.object({ kind: z.literal('fixed'), amount: z.number().positive() }),
  z.object({ kind: z.literal('none') }),
]);
export type FineBand = z.infer<typeof fineBand>;
export type FineBandKind = FineBand['kind'];

/**
 * Kinds of penalty (行政处罚法 art. 9) and the orders the environmental statutes attach to them
 * (责令限制生产、停产整治; 移送公安机关拘留 under 环境保护法 art. 63).
 */
export const penaltyKinds = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令限制生产',
  '责令停产整治',
  '责令停产停业',
  '责令停业关闭',
  '限制从业',
  '拘留移送',
  '按日连续处罚',
  '责令改正',
  '责令停止建设',
  '责令恢复原状',
  '其他',
] as const;
export const penaltyKind = z.enum(penaltyKinds);
export type PenaltyKind = z.infer<typeof penaltyKind>;

export const violationType = z.object({
  id: z.string(),
  /** The benchmark's own number for the type (e.g. JS-001); optional for entries older than the benchmark. */
  code: z.string().optional(),
  name: z.string(),
  category: z.string(),
  breached: z.array(article),
  penaltyArticle: article,
  band: fineBand,
  penaltyText: z.string(),
  /** What the penalty article provides besides the fine; '罚款' when it sets one. */
  penalties: z.array(z.object({ kind: penaltyKind, note: z.string().optional() })).optional(),
  /** A heavier band the article sets for 情节严重 / 逾期不改正 (e.g. 土壤污染防治法 art. 87). */
  aggravated: z.object({ when: z.string().min(1), band: fineBand }).optional(),
});
export type ViolationType = z.infer<typeof violationType>;
