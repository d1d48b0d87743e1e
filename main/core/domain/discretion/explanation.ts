/**
 * The calculator's explanation in Chinese: one line per step for the 裁量计算 panel, and one
 * paragraph (`explanationText`) for the 调查报告 and 决定书. Pure.
 */
import type { CalcStep, CalculationResult } from '#common/schemas/discretion.js';
import { yuanInText } from '#common/money.js';

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function summaryLines(r: CalculationResult, aggravatedWhen: string | null): string[] {
  const basis = r.basis ? `；本案${r.basis}，即${yuanInText(r.min)}至${yuanInText(r.max)}` : '';
  return [
    `违法行为：${r.violationName}（${r.violationCode}）。`,
    `处罚依据：${r.penaltyArticle}；法定罚款幅度：${r.bandText}${basis}${r.aggravated && aggravatedWhen ? `（适用“${aggravatedWhen}”的幅度）` : ''}。`,
    `裁量方法：${r.modelName}。`,
  ];
}

export function stepLine(s: CalcStep, i: number, totalWeight: number): string {
  const amount = s.amount === null ? '' : `，折合${yuanInText(s.amount)}`;
  return `${i + 1}. ${s.factor}：${s.level}（等级分值${s.score}，权重${s.weight}/${totalWeight}，加权分值${s.weightedScore}${amount}）。`;
}

/**
 * The paragraph a document embeds: the factors as found, the method and the amount, and — when it
 * happened — that the amount was brought back inside the statutory band.
 */
export function explanationText(r: CalculationResult): string {
  if (r.band.kind === 'none') return `${r.penaltyArticle}未规定罚款，不适用罚款裁量。`;
  const factors = r.steps.map((s) => `${s.factor}为“${s.level}”`).join('，');
  const method =
    r.model === 'weightedMax'
      ? `加权裁量分值为${r.score}，按“加权分值×法定最高额”计算为${yuanInText(r.raw)}`
      : `加权裁量分值为${r.score}，属于“${r.grade ?? ''}”档，按该档幅度计算为${yuanInText(r.raw)}`;
  const band = `法定罚款幅度为${r.bandText}${r.basis ? `，本案${r.basis}，即${yuanInText(r.min)}至${yuanInText(r.max)}` : ''}`;
  const clamp =
    r.clamped === 'min'
      ? `，低于法定最低额，依法按${yuanInText(r.min)}确定`
      : r.clamped === 'max'
        ? `，高于法定最高额，依法按${yuanInText(r.max)}确定`
        : '';
  return (
    `依据${r.penaltyArticle}，${band}。根据生态环境行政处罚裁量基准（${r.benchmarkVersion}版），综合考虑：${factors}；` +
    `${method}${clamp}，拟处罚款${yuanInText(r.fine)}。`
  );
}
