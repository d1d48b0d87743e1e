/** What every route may use, built once by `buildServer`: no globals, so tests start servers side by side. */
import type pg from 'pg';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import type { BureauTree } from '../db/bureauTree.js';
import type { RuleData } from '../reference/ruleFacts.js';

export interface ServerContext {
  pool: pg.Pool;
  bureaus: BureauTree;
  /** Every procedure definition by `id@version`: the workstation's resources/procedures and the versions the province published. */
  procedures: Map<string, ProcedureDefinition>;
  now: () => Date;
  /** How far ahead of the server's clock a pushed stamp may be (5 minutes). */
  maxClockAheadMs: number;
  /** The calendars, benchmarks and law data the guards of pushed events are judged with (reference/ruleFacts.ts). */
  rules: RuleData;
  /**
   * Whether pushed events are judged by the guards as well as by the procedure (push rule 6). Always in
   * a running server; off only for tests that seed synthetic case histories (dashboards, ledgers).
   */
  judgeGuards: boolean;
}
