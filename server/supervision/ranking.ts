/**
 * 绩效排行 of a viewer's subtree: the bureaus right below the one shown (or every county below it) and
 * the officers of its cases, scored by the weights in force — the latest the province published, else
 * the shipped resources/ranking/weights.json. Facts are brought up to date first, like the dashboards.
 */
import { rankingWeights, type Ranking, type RankingWeights } from '#common/sync/ranking.js';
import { chinaDate } from '#core/domain/dates.js';
import shippedFile from '../../resources/ranking/weights.json' with { type: 'json' };
import { provinceCode } from '../db/bureaus.js';
import { ServerError } from '../http/errors.js';
import { scopeOf, type SupervisionContext, type Viewer } from './dashboard.js';
import { refreshFacts } from './refresh.js';
import { bureauCounts, insertWeights, latestWeights, officerCounts, type CountRow } from './rankingStore.js';
import { rankRows, scoreUnit, type UnitCounts } from './rankingScore.js';

let shipped: RankingWeights | null = null;
export function shippedWeights(): RankingWeights {
  shipped ??= rankingWeights.parse(shippedFile);
  return shipped;
}

export async function weightsInForce(ctx: SupervisionContext): Promise<RankingWeights> {
  const published = await latestWeights(ctx.pool);
  // Checked at publication; a row that no longer parses (an older schema) falls back rather than failing every page.
  const parsed = published ? rankingWeights.safeParse(published) : null;
  return parsed?.success ? parsed.data : shippedWeights();
}

export async function publishWeights(
  ctx: SupervisionContext,
  admin: { id: string; bureauId: string },
  weights: RankingWeights,
): Promise<{ version: string }> {
  // The weights are the province's to set, like its reference data.
  if (admin.bureauId !== provinceCode)
    throw new ServerError('FORBIDDEN_BUREAU', '只有省级管理员可以发布绩效排行的权重');
  if (!(await insertWeights(ctx.pool, weights.version, weights, ctx.now(), admin.id)))
    throw new ServerError('VALIDATION', `权重方案 ${weights.version} 已经发布，发布后不能修改；请使用新的版本号`);
  return { version: weights.version };
}

function addCounts(into: UnitCounts, row: CountRow): void {
  const c = into[row.measure] ?? { numerator: 0, denominator: 0 };
  into[row.measure] = c;
  c.numerator += row.numerator;
  c.denominator += row.denominator;
  if (row.cases !== undefined) c.cases = (c.cases ?? 0) + row.cases;
}

export async function buildRanking(
  ctx: SupervisionContext,
  viewer: Viewer,
  q: { bureauId?: string; level: 'children' | 'counties'; from?: string; to?: string },
): Promise<Ranking> {
  const scope = scopeOf(ctx, viewer, q.bureauId);
  const today = chinaDate(ctx.now());
  await refreshFacts(ctx, today);
  const weights = await weightsInForce(ctx);
  const subtree = ctx.bureaus.subtree(scope);
  const all = subtree.map((id) => ctx.bureaus.get(id)!);
  // The units ranked: a county shows itself; otherwise the bureaus right below, or every county below.
  const units =
    all.length === 1
      ? all
      : q.level === 'counties'
        ? all.filter((b) => b.level === 'county')
        : all.filter((b) => b.parentId === scope);
  const unitOf = new Map<string, string>();
  for (const u of units) for (const id of ctx.bureaus.subtree(u.id)) unitOf.set(id, u.id);
  const period = q.from && q.to ? { from: q.from, to: q.to } : null;
  const [byBureau, byOfficer] = await Promise.all([
    bureauCounts(ctx.pool, subtree, today, period),
    officerCounts(ctx.pool, subtree, today, period),
  ]);
  const bureauTotals = new Map<string, UnitCounts>(units.map((u) => [u.id, {}]));
  for (const r of byBureau) {
    const u = unitOf.get(r.unit);
    if (u) addCounts(bureauTotals.get(u)!, r);
  }
  const officerTotals = new Map<string, UnitCounts>();
  for (const r of byOfficer.rows) {
    const c = officerTotals.get(r.unit) ?? {};
    officerTotals.set(r.unit, c);
    addCounts(c, r);
  }
  const parentName = (id: string) => {
    const b = ctx.bureaus.get(id);
    return b?.parentId ? (ctx.bureaus.get(b.parentId)?.name ?? '') : '';
  };
  return {
    bureau: ctx.bureaus.get(scope)!,
    today,
    period,
    weights: {
      version: weights.version,
      name: weights.name,
      measures: weights.measures.map(({ id, name, weight, minCount, explanation }) => ({
        id,
        name,
        weight,
        minCount,
        explanation,
      })),
    },
    bureaus: rankRows(
      units.map((u) =>
        scoreUnit({ id: u.id, name: u.name, bureauName: parentName(u.id) }, bureauTotals.get(u.id)!, weights),
      ),
    ),
    officers: rankRows(
      [...officerTotals].map(([id, counts]) => {
        const o = byOfficer.officers.get(id);
        const bureauName = o ? (ctx.bureaus.get(o.bureauId)?.name ?? o.bureauId) : '';
        return scoreUnit({ id, name: o?.name ?? id, bureauName }, counts, weights);
      }),
    ).slice(0, 500),
  };
}
