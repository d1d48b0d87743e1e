/**
 * The discretion benchmark (行政处罚裁量基准) as data: violation types with their articles
 * and statutory bands, discretion factors with levels and weights, the calculation model, the
 * evidence each type and factor needs, keywords for recommendations and the repetition rules.
 * Shipped in resources/discretion/violations.json; the province replaces it by importing its table
 * (Guizhou 2023: 263 types), so every limit here is sized for that table, not for the sample.
 */
import { z } from 'zod';
import { base64File, boundedRecord, isoDate, key } from './primitives.js';
import { fineBand, violationType } from './reference.js';

/** A piece of evidence and the case records that provide it (document types or evidence kinds). */
export const evidenceItem = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  /** Document types (inspection-record …) or evidence kinds (photo, sampling …); empty: ticked by hand. */
  satisfiedBy: z.array(z.string().min(1).max(64)).max(20).default([]),
});
export type EvidenceItem = z.infer<typeof evidenceItem>;

/** One level of a factor; score 0 is the lightest, 1 the heaviest. */
export const discretionLevel = z.object({
  id: z.string().min(1).max(64),
  label: z.string().min(1).max(200),
  score: z.number().min(0).max(1),
});
export type DiscretionLevel = z.infer<typeof discretionLevel>;

/** A discretion factor (裁量因子): levels listed from the lightest to the heaviest. */
export const discretionFactor = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(100),
    /** Relative weight; the calculator divides by the sum of the weights of the factors that apply. */
    weight: z.number().positive().max(1000),
    levels: z.array(discretionLevel).min(2).max(12),
    /** 裁量证据: what proves the level chosen. */
    evidence: z.array(evidenceItem).max(20).default([]),
  })
  .superRefine((f, ctx) => {
    for (let i = 1; i < f.levels.length; i++) {
      if (f.levels[i]!.score < f.levels[i - 1]!.score) {
        ctx.addIssue({
          code: 'custom',
          message: `裁量因子“${f.name}”的等级须由轻到重排列，“${f.levels[i]!.label}”的分值低于前一等级`,
        });
      }
    }
    const ids = f.levels.map((l) => l.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: 'custom', message: `裁量因子“${f.name}”的等级编号“${dup}”重复` });
  });
export type DiscretionFactor = z.infer<typeof discretionFactor>;

/**
 * How the factors become a fine.
 * - weightedMax: 罚款 = 加权裁量分值 × 法定最高额 (weights of the chosen levels summed), kept inside the band.
 * - bandPerLevel: the weighted score picks a grade (e.g. 从轻 / 一般 / 从重); each grade is a slice
 *   [from, to] of the band (0 = minimum, 1 = maximum); inside the slice the score places the fine.
 */
export const calcGrade = z.object({
  name: z.string().min(1).max(20),
  /** The grade holds scores up to and including this one; the last grade must reach 1. */
  upToScore: z.number().min(0).max(1),
  from: z.number().min(0).max(1),
  to: z.number().min(0).max(1),
});
export const calcModel = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weightedMax') }),
  z.object({ kind: z.literal('bandPerLevel'), grades: z.array(calcGrade).min(1).max(10) }).superRefine((m, ctx) => {
    let prev = { upToScore: -1, to: 0 };
    for (const g of m.grades) {
      if (g.upToScore <= prev.upToScore)
        ctx.addIssue({ code: 'custom', message: `裁量档次“${g.name}”的分值上限须递增` });
      if (g.from > g.to) ctx.addIssue({ code: 'custom', message: `裁量档次“${g.name}”的区间起点大于终点` });
      if (g.from < prev.to)
        ctx.addIssue({ code: 'custom', message: `裁量档次“${g.name}”的区间与较轻档次重叠（须由轻到重递增）` });
      prev = g;
    }
    if (m.grades.at(-1)!.upToScore !== 1) ctx.addIssue({ code: 'custom', message: '最重的裁量档次分值上限须为1' });
  }),
]);
export type CalcModel = z.infer<typeof calcModel>;
export const calcModelNames: Record<CalcModel['kind'], string> = {
  weightedMax: '加权分值×法定最高额',
  bandPerLevel: '分档裁量（按裁量分值确定档次及幅度区间）',
};

/** Words an inspection record uses for the type; one entry counts once, whichever of its words matched. */
export const keywordEntry = z.object({
  words: z.array(z.string().min(1).max(30)).min(1).max(30),
  weight: z.number().positive().max(100).default(1),
});
export type KeywordEntry = z.infer<typeof keywordEntry>;

export const benchmarkEntry = violationType.extend({
  code: z.string().min(1).max(32),
  /** 个性因子 of the type, in addition to the benchmark's 共性因子 unless commonFactors is false. */
  factors: z.array(discretionFactor).max(20).default([]),
  commonFactors: z.boolean().default(true),
  /** Overrides the benchmark's model for this type. */
  model: calcModel.optional(),
  /** 违法证据 of the type, in addition to the benchmark's common ones. */
  evidence: z.array(evidenceItem).max(40).default([]),
  keywords: z.array(keywordEntry).max(60).default([]),
  /** GB/T 4754 industry codes (prefixes: 'A03' 畜牧业, 'Q84' 卫生) where the type is common. */
  industries: z
    .array(z.string().regex(/^[A-T]?\d{0,4}$/, '行业代码应如 C3011、A03 或 3011'))
    .max(40)
    .default([]),
  /** Whether the band was checked against the statute's text; the note says against what, or why not. */
  verified: z.boolean(),
  verifyNote: z.string().max(500).optional(),
  /**
   * The 生态环境法典's penalty clauses mostly say only 违反本法规定: the duty breached is then our
   * reading of 编 1–4, marked false here (with the reasoning in breachedNote) until a lawyer checks it.
   */
  breachedVerified: z.boolean().optional(),
  breachedNote: z.string().max(500).optional(),
});
export type BenchmarkEntry = z.infer<typeof benchmarkEntry>;

/** Prior penalties that count as repetition (再次违法): same party, decided within the window before the date. */
export const repetitionRule = z.object({
  id: z.string().min(1).max(64),
  label: z.string().min(1).max(200),
  windowMonths: z.number().int().positive().max(120),
  minPrior: z.number().int().positive().default(1),
  /** Which prior cases count: any violation, the same category, or the same type. */
  scope: z.enum(['any', 'category', 'type']),
  effect: z.string().min(1).max(500),
  source: z.string().min(1).max(500),
  verified: z.boolean(),
});
export type RepetitionRule = z.infer<typeof repetitionRule>;

export const benchmarkCategory = z.object({
  name: z.string().min(1).max(20),
  code: z.string().min(1).max(8),
  /** Number of types in Guizhou's 2023 table, where known (data note, not a check). */
  guizhouCount: z.number().int().nonnegative().optional(),
});

export const discretionBenchmark = z
  .object({
    version: z.string().min(1).max(40),
    name: z.string().min(1).max(200),
    source: z.string().max(500).default(''),
    /** Whether the factors, weights and levels are the province's own (false for the shipped sample). */
    verified: z.boolean().default(false),
    note: z.string().max(2000).optional(),
    effectiveFrom: isoDate.optional(),
    categories: z.array(benchmarkCategory).min(1).max(50),
    model: calcModel.default({ kind: 'weightedMax' }),
    /** Fines are rounded to this many yuan before being kept inside the band. */
    roundTo: z.number().positive().max(10_000).default(1),
    commonFactors: z.array(discretionFactor).max(20).default([]),
    commonEvidence: z.array(evidenceItem).max(40).default([]),
    repetition: z.array(repetitionRule).max(20).default([]),
    violations: z.array(benchmarkEntry).min(1).max(2000),
  })
  .superRefine((b, ctx) => {
    const categories = new Set(b.categories.map((c) => c.name));
    const ids = new Set<string>();
    const codes = new Set<string>();
    const commonIds = new Set(b.commonFactors.map((f) => f.id));
    b.violations.forEach((v, i) => {
      const path = ['violations', i];
      if (ids.has(v.id)) ctx.addIssue({ code: 'custom', path, message: `违法行为标识“${v.id}”重复` });
      if (codes.has(v.code)) ctx.addIssue({ code: 'custom', path, message: `违法行为编码“${v.code}”重复` });
      ids.add(v.id);
      codes.add(v.code);
      if (!categories.has(v.category))
        ctx.addIssue({ code: 'custom', path, message: `违法行为“${v.code}”的类别“${v.category}”不在类别表中` });
      const own = v.factors.map((f) => f.id);
      const clash = own.find((id, j) => own.indexOf(id) !== j || (v.commonFactors && commonIds.has(id)));
      if (clash) ctx.addIssue({ code: 'custom', path, message: `违法行为“${v.code}”的裁量因子“${clash}”重复` });
    });
  });
export type DiscretionBenchmark = z.infer<typeof discretionBenchmark>;

/* ---- operations ---- */

export const benchmarkVersionInfo = z.object({
  version: z.string(),
  name: z.string(),
  source: z.string(),
  verified: z.boolean(),
  types: z.number().int(),
  importedAt: z.string(),
  importedBy: z.string(),
  active: z.boolean(),
});

export const discretionListInput = z.object({ version: z.string().max(40).optional() });

export const calculateInput = z.object({
  violationId: z.string().min(1).max(64),
  /** factor id → level id, for every factor of the type. */
  levels: boundedRecord(key(64, '裁量因子'), key(64, '裁量等级'), 100, 20_000, '裁量因子'),
  /** The amount the band is counted from (investment, illegal income, disposal cost) or days / occurrences. */
  base: z.number().finite().nonnegative().nullable().optional(),
  /** The heavier band applies (情节严重, 逾期不改正) where the article sets one. */
  aggravated: z.boolean().default(false),
  /** A benchmark version other than the active one (e.g. the one a case used). */
  version: z.string().max(40).optional(),
  /** The day of the act: the calculation uses the type resting on the law of that day (a repealed type is followed to its successor). */
  on: isoDate.optional(),
});
export type CalculateInput = z.infer<typeof calculateInput>;

export const calcStep = z.object({
  factorId: z.string(),
  factor: z.string(),
  levelId: z.string(),
  level: z.string(),
  score: z.number(),
  weight: z.number(),
  /** weight / total weight × score. */
  weightedScore: z.number(),
  /** The step's share of the fine in yuan (weightedMax only). */
  amount: z.number().nullable(),
  evidence: z.array(z.string()),
});
export type CalcStep = z.infer<typeof calcStep>;

export const calculationResult = z.object({
  benchmarkVersion: z.string(),
  violationId: z.string(),
  violationCode: z.string(),
  violationName: z.string(),
  penaltyArticle: z.string(),
  model: z.enum(['weightedMax', 'bandPerLevel']),
  modelName: z.string(),
  band: fineBand,
  bandText: z.string(),
  aggravated: z.boolean(),
  /** The band in yuan, and how it follows from the base. */
  min: z.number(),
  max: z.number(),
  basis: z.string(),
  steps: z.array(calcStep),
  totalWeight: z.number(),
  /** Weighted score, 0 (lightest) … 1 (heaviest). */
  score: z.number(),
  grade: z.string().nullable(),
  /** Before rounding and before being kept inside the band. */
  raw: z.number(),
  fine: z.number(),
  /** Set when the computed amount left the band and was brought back to it. */
  clamped: z.enum(['min', 'max']).nullable(),
  /** The explanation, one line per step, in Chinese. */
  lines: z.array(z.string()),
});
export type CalculationResult = z.infer<typeof calculationResult>;
/** The result and the paragraph the 调查报告 / 决定书 embed (explanationText). */
export const calculateOutput = calculationResult.extend({ explanation: z.string() });

export const discretionExportOutput = z.object({ fileName: z.string(), contentBase64: z.string() });

/** 32 MB, as the import reads from a path (api/discretionImport.ts). */
export const maxDiscretionFileBytes = 32 * 1024 * 1024;
export const importFile = z.object({
  name: z.string().min(1).max(200),
  contentBase64: base64File(maxDiscretionFileBytes, '裁量基准表'),
});
export const discretionImportInput = z.union([
  z.object({ files: z.array(importFile).min(1).max(5), version: z.string().min(1).max(40).optional() }),
  /** CLI: a .xlsx file, or a folder of CSV files. */
  z.object({ path: z.string().min(1).max(1000), version: z.string().min(1).max(40).optional() }),
]);
export const importProblem = z.object({ sheet: z.string(), line: z.number().int().nullable(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblem>;
export const discretionImportOutput = z.object({
  version: z.string(),
  types: z.number().int(),
  factors: z.number().int(),
  /** false when the same version with the same content was already loaded. */
  changed: z.boolean(),
});

/* ---- recommendations ---- */

export const recommendViolationsInput = z.object({
  text: z.string().trim().min(1, '请填写现场检查情况').max(10_000),
  /** GB/T 4754 code of the party's industry, if known. */
  industry: z.string().max(10).optional(),
  /** The party, whose industry code the directory holds (used when `industry` is not given). */
  enterpriseId: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(20).default(5),
  /** The day of the act (or of the inspection): only types resting on the law of that day are ranked. Today when absent. */
  on: isoDate.optional(),
});
export const recommendation = z.object({
  violationId: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  /** 《…》第X条: the penalty article, so the officer sees which law the suggestion rests on. */
  citation: z.string(),
  score: z.number(),
  matched: z.array(z.string()),
  industryMatched: z.boolean(),
});
export type Recommendation = z.infer<typeof recommendation>;
export const recommendViolationsOutput = z.object({ benchmarkVersion: z.string(), results: z.array(recommendation) });

export const missingEvidenceInput = z.union([
  z.object({ caseId: key(64, '案件标识').min(1), present: z.array(z.string().max(64)).max(200).default([]) }),
  z.object({ violationId: key(64, '违法行为标识').min(1), present: z.array(z.string().max(64)).max(200).default([]) }),
]);
export const evidenceCheck = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['违法证据', '裁量证据']),
  factor: z.string().nullable(),
  present: z.boolean(),
  satisfiedBy: z.array(z.string()),
  matchedBy: z.array(z.string()),
});
export type EvidenceCheck = z.infer<typeof evidenceCheck>;
export const missingEvidenceOutput = z.object({
  violationId: z.string(),
  violationName: z.string(),
  benchmarkVersion: z.string(),
  items: z.array(evidenceCheck),
  missing: z.array(z.string()),
});

export const priorViolationsInput = z.object({
  enterpriseId: key(64, '当事人标识').min(1),
  /** The date of the new violation. */
  date: isoDate,
  /** The type of the new violation, to apply category / type scopes. */
  violationId: key(64, '违法行为标识').optional(),
  /** The case being decided, left out of its own priors. */
  excludeCaseId: key(64, '案件标识').optional(),
});
export const priorCase = z.object({
  caseId: z.string(),
  number: z.string(),
  violationId: z.string(),
  violationName: z.string(),
  category: z.string().nullable(),
  decidedOn: z.string(),
  fine: z.number(),
});
export type PriorCase = z.infer<typeof priorCase>;
/**
 * a prior penalty in a case the caller may not see (an officer not on it) is shown by its
 * decision date only; the rules still count it (docs/security.md “跨案件的查询”).
 */
export const priorCaseView = z.discriminatedUnion('restricted', [
  priorCase.extend({ restricted: z.literal(false) }),
  z.object({ restricted: z.literal(true), decidedOn: z.string() }),
]);
export type PriorCaseView = z.infer<typeof priorCaseView>;
export const priorViolationsOutput = z.object({
  enterpriseId: z.string(),
  date: z.string(),
  priors: z.array(priorCaseView),
  rules: z.array(
    z.object({
      /** `caseIds`: the counted cases the caller may see; `otherCases`: how many more it counts. */
      id: z.string(),
      label: z.string(),
      applies: z.boolean(),
      caseIds: z.array(z.string()),
      otherCases: z.number().int(),
      windowFrom: z.string(),
      effect: z.string(),
      source: z.string(),
      verified: z.boolean(),
    }),
  ),
  /** No decided penalty before the date at all (行政处罚法 art. 33(1) 初次违法). */
  firstViolation: z.boolean(),
  note: z.string(),
});
