/**
 * Brings the supervision facts up to date before a dashboard is read: only the cases whose head moved
 * since (or that have none yet, or whose deadlines slide while suspended and were evaluated another
 * day) are worked out again, in batches, under an advisory lock so two viewers never rebuild the same
 * case at once. After a push of a few cases this costs a few milliseconds.
 */
import type pg from 'pg';
import type { WorkingCalendar } from '#core/domain/calendar.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import { inTransaction } from '../db/pool.js';
import { caseFacts } from './facts.js';
import { rankingFacts, type RankingFacts } from './rankingFacts.js';
import { writeRankingFacts } from './rankingStore.js';
import { refreshLock, staleCases, stepEvents, writeFacts } from './store.js';

export interface SupervisionDeps {
  pool: pg.Pool;
  procedures: ReadonlyMap<string, ProcedureDefinition>;
  calendar: WorkingCalendar;
}

/** Returns how many cases were worked out again. */
export async function refreshFacts(deps: SupervisionDeps, today: string, batch = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await inTransaction(deps.pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [refreshLock]);
      const stale = await staleCases(tx, today, batch);
      if (!stale.length) return 0;
      const events = await stepEvents(
        tx,
        stale.map((c) => c.id),
      );
      const ranking: RankingFacts[] = [];
      const facts = stale.flatMap((c) => {
        try {
          const f = caseFacts(deps.procedures, deps.calendar, c, events.get(c.id) ?? [], today);
          ranking.push(rankingFacts(deps.procedures, deps.calendar, c, today)); // 绩效排行
          return [f];
        } catch (e) {
          // One unreadable projection must not hide every other case from the dashboards.
          console.error(`[anjuan-server] 案件 ${c.id} 的监督数据无法计算：`, e instanceof Error ? e.message : e);
          return [];
        }
      });
      await writeFacts(tx, facts);
      await writeRankingFacts(tx, ranking);
      return facts.length === stale.length ? stale.length : 0;
    });
    total += n;
    if (n < batch) return total;
  }
}
