/**
 * 绩效排行 (docs/server.md "绩效排行"): the measures and their weights are data — a versioned JSON the
 * province publishes (resources/ranking/weights.json is the first version) — and every score says how
 * it was computed. Shared by the server and the portal page.
 */
import { z } from 'zod';
import { bureauView } from './enrolment.js';

/**
 * What can be measured is code (each needs its own count); how much each counts, its name and its
 * minimum sample are data. Each rate is "higher is better".
 */
export const rankingMeasureIds = ['onTime', 'reviewUnchanged', 'fileReview'] as const;
export type RankingMeasureId = (typeof rankingMeasureIds)[number];

export const rankingMeasureIdsText: Record<RankingMeasureId, string> = {
  onTime: '本机关期限按期完成率',
  reviewUnchanged: '审核审批未被退回率',
  fileReview: '案卷评查得分率',
};

export const rankingWeights = z
  .object({
    version: z.string().regex(/^\d{4}\.\d{1,3}$/, '版本号应形如 2027.1'),
    name: z.string().trim().min(1, '请填写权重方案的名称').max(100, '名称最多100字'),
    measures: z
      .array(
        z
          .object({
            id: z.enum(rankingMeasureIds, {
              error: `没有这个考核指标；可用的指标：${rankingMeasureIds.map((m) => `${m}（${rankingMeasureIdsText[m]}）`).join('、')}`,
            }),
            name: z.string().trim().min(1, '请填写指标名称').max(40, '指标名称最多40字'),
            weight: z.number({ error: '权重应为数字' }).min(0, '权重不能为负数').max(100, '权重最大为100'),
            /** Fewer items than this: the rate is shown but not counted in the total (too few to judge). */
            minCount: z.number().int().min(1).max(100_000).default(1),
            explanation: z.string().max(500, '说明最多500字').default(''),
          })
          .strict(),
      )
      .min(1, '至少需要一个考核指标'),
  })
  .strict()
  .superRefine((w, ctx) => {
    const seen = new Set<string>();
    for (const m of w.measures) {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', message: `考核指标 ${m.id} 重复出现` });
      seen.add(m.id);
    }
    if (!w.measures.some((m) => m.weight > 0)) ctx.addIssue({ code: 'custom', message: '至少一个指标的权重应大于0' });
  });
export type RankingWeights = z.infer<typeof rankingWeights>;

const bureauId = z.string().regex(/^\d{6}$/, '单位代码应为6位行政区划代码');

/** 2026-02-30 parses (as 03-02): a real day reads back as itself. */
function isRealDay(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应形如 2026-01-31');

export const rankingQuery = z
  .object({
    bureauId: bureauId.optional(),
    /** A period, both days included: the measures count the cases decided or closed in it. Absent: every case. */
    from: day.optional(),
    to: day.optional(),
    /** children: the bureaus right below (a prefecture's counties; the province's prefectures); counties: every county below. */
    level: z
      .enum(['children', 'counties'], { error: 'level 只能是 children（下一级单位）或 counties（全部县级单位）' })
      .default('children'),
  })
  .strict()
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined))
      ctx.addIssue({ code: 'custom', message: '统计期间应同时填写开始日期和结束日期' });
    for (const d of [q.from, q.to])
      if (d !== undefined && !isRealDay(d)) ctx.addIssue({ code: 'custom', message: `${d} 不是有效的日期` });
    if (q.from && q.to && q.from > q.to)
      ctx.addIssue({ code: 'custom', message: `统计期间的开始日期（${q.from}）晚于结束日期（${q.to}）` });
  });

export const rankingMeasureScore = z.object({
  id: z.enum(rankingMeasureIds),
  name: z.string(),
  weight: z.number(),
  /** null: no data for this measure at all (暂无数据). */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  rate: z.number().nullable(),
  /** 案卷评查: how many cases' scores were added up (null for the other measures, whose sample is the denominator). */
  cases: z.number().nullable().default(null),
  /** How the figure was reached, in words (案卷评查: the cases, the points, the average score). */
  detail: z.string().default(''),
  /** Whether the rate enters the total: it has data, its weight is above 0 and its sample is big enough. */
  counted: z.boolean(),
  note: z.string(),
});
export type RankingMeasureScore = z.infer<typeof rankingMeasureScore>;

export const rankingRow = z.object({
  id: z.string(),
  name: z.string(),
  /** For an officer: the bureau of his cases. */
  bureauName: z.string(),
  /** 1 is best; null when no measure could be counted. Equal totals share a rank. */
  rank: z.number().nullable(),
  /** 0–100, rounded to 0.1; null: 暂无数据. */
  total: z.number().nullable(),
  measures: z.array(rankingMeasureScore),
  /** How the total was computed, in words and figures. */
  formula: z.string(),
});
export type RankingRow = z.infer<typeof rankingRow>;

export const ranking = z.object({
  bureau: bureauView,
  today: z.string(),
  /** The period counted (cases decided or closed in it); null: every case. */
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  weights: z.object({
    version: z.string(),
    name: z.string(),
    measures: z.array(
      z.object({ id: z.string(), name: z.string(), weight: z.number(), minCount: z.number(), explanation: z.string() }),
    ),
  }),
  bureaus: z.array(rankingRow),
  officers: z.array(rankingRow),
});
export type Ranking = z.infer<typeof ranking>;
