/**
 * The dashboards: a viewer sees its own bureau's subtree (a county itself, a prefecture its counties,
 * the province all — server/db/bureauTree.ts) and may narrow it to a bureau below. Facts are brought
 * up to date first (refresh.ts), then counted in SQL (store.ts).
 */
import type { Dashboard, Measure, SupervisionCaseEvents, SupervisionCaseList } from '#common/sync/supervision.js';
import { chinaDate } from '#core/domain/dates.js';
import type { BureauTree } from '../db/bureauTree.js';
import { ServerError } from '../http/errors.js';
import { dueSoonUntil } from './facts.js';
import { refreshFacts, type SupervisionDeps } from './refresh.js';
import { caseEvents, caseList, caseOf, dashboardRows } from './store.js';

export interface Viewer {
  bureauId: string;
}

export interface SupervisionContext extends SupervisionDeps {
  bureaus: BureauTree;
  now: () => Date;
}

/** The bureau whose subtree is shown: the viewer's own, or one below it; a neighbour's or a parent's is refused. */
export function scopeOf(ctx: SupervisionContext, viewer: Viewer, bureauId?: string): string {
  const id = bureauId ?? viewer.bureauId;
  if (!ctx.bureaus.get(id)) throw new ServerError('NOT_FOUND', `没有代码为 ${id} 的单位`);
  if (!ctx.bureaus.isWithin(id, viewer.bureauId))
    throw new ServerError('FORBIDDEN_BUREAU', '无权查看该单位的案件：只能查看本单位及下级单位的案件');
  return id;
}

/** For each warning horizon the procedures use, the last day that counts as "due soon" today. */
function soonLimits(ctx: SupervisionContext, today: string): Record<string, string> {
  const horizons = new Set([...ctx.procedures.values()].map((d) => d.warnAheadWorkingDays));
  return Object.fromEntries([...horizons].map((h) => [String(h), dueSoonUntil(ctx.calendar, today, h)]));
}

export async function buildDashboard(ctx: SupervisionContext, viewer: Viewer, bureauId?: string): Promise<Dashboard> {
  const scope = scopeOf(ctx, viewer, bureauId);
  const today = chinaDate(ctx.now());
  await refreshFacts(ctx, today);
  const names = new Map([...ctx.procedures.values()].map((d) => [d.id, d.name]));
  const rows = await dashboardRows(ctx.pool, ctx.bureaus.subtree(scope), today, soonLimits(ctx, today), names);
  return { bureau: ctx.bureaus.get(scope)!, today, ...rows };
}

const fineTitles: Record<string, string> = { decided: '已决定罚款', collected: '已收缴罚款', outstanding: '未缴罚款' };

export async function listCases(
  ctx: SupervisionContext,
  viewer: Viewer,
  q: { bureauId?: string; measure: Measure; key: string; limit: number },
): Promise<SupervisionCaseList> {
  const scope = scopeOf(ctx, viewer, q.bureauId);
  if (q.measure === 'fines' && !fineTitles[q.key])
    throw new ServerError('VALIDATION', '罚没款统计项只有 decided（已决定）、collected（已收缴）、outstanding（未缴）');
  const today = chinaDate(ctx.now());
  await refreshFacts(ctx, today);
  const rows = await caseList(
    ctx.pool,
    ctx.bureaus.subtree(scope),
    q.measure,
    q.key,
    q.limit,
    today,
    soonLimits(ctx, today),
  );
  const titles: Record<Measure, string> = {
    state: q.key === 'closed' ? '已结案' : '处于该环节的案件',
    violation: '该违法类型的案件',
    overdue: '已逾期的案件',
    dueSoon: '即将到期的案件',
    step: '经过该环节的案件',
    fines: fineTitles[q.key] ?? '',
    officer: '该人员承办的在办案件',
  };
  return {
    title: titles[q.measure],
    total: rows[0] ? Number(rows[0].total) : 0,
    cases: rows.map((r) => ({
      id: r.id,
      number: r.number,
      bureauId: r.bureau_id,
      bureauName: ctx.bureaus.get(r.bureau_id)?.name ?? r.bureau_id,
      party: r.party,
      nodeName: r.closed ? '已结案' : r.node_name,
      closed: r.closed,
      violationName: r.violation_name,
      detail: r.detail,
    })),
  };
}

const eventNames: Record<string, string> = {
  'case.opened': '立案',
  'document.generated': '生成文书',
  'document.finalised': '文书定稿',
  'evidence.added': '添加证据',
  'track.started': '启动程序',
  'dossier.built': '组卷',
  'review.ran': '案卷评查',
  'review.responded': '答复评查扣分',
  'dossier.arranged': '调整卷内顺序',
  'case.lawFiguresRecorded': '记录法律适用信息',
};

/** A case's events, for a viewer whose subtree holds the case; another bureau's case is refused as unknown. */
export async function caseEventsFor(
  ctx: SupervisionContext,
  viewer: Viewer,
  caseId: string,
): Promise<SupervisionCaseEvents> {
  const c = await caseOf(ctx.pool, caseId);
  if (!c) throw new ServerError('NOT_FOUND', '没有这个案件');
  if (!ctx.bureaus.isWithin(c.bureau_id, viewer.bureauId))
    throw new ServerError('FORBIDDEN_BUREAU', '无权查看该案件：它不属于本单位或下级单位');
  const s = c.state;
  const def = ctx.procedures.get(`${s.procedure.id}@${s.procedure.version}`);
  const nodeName = (id: string) => def?.nodes.find((n) => n.id === id)?.name ?? id;
  const events = await caseEvents(ctx.pool, caseId);
  return {
    case: {
      id: c.id,
      number: s.number,
      bureauId: c.bureau_id,
      bureauName: ctx.bureaus.get(c.bureau_id)?.name ?? c.bureau_id,
      party: s.party.name,
      nodeName: s.closedOn ? '已结案' : nodeName(s.node),
      closed: s.closedOn !== null,
      violationName: s.violation.name,
    },
    events: events.map((e) => {
      let summary = eventNames[e.type] ?? e.type;
      if (e.type === 'action.performed') {
        const p = e.payload as { action?: string; to?: string | null };
        const action = def?.actions.find((a) => a.id === p.action)?.name ?? String(p.action ?? '');
        summary = p.to ? `${action} → ${nodeName(p.to)}` : action;
      }
      return { seq: e.seq, type: e.type, at: e.at, actorName: e.actor_name, summary };
    }),
  };
}
