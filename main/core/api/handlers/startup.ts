/** What the core found when it started: damaged data files it set aside. */
import { startupReport } from '#core/dataFiles.js';
import type { HandlerMap } from '../types.js';
import type { DatabaseCheck } from '#common/schemas/startup.js';
import type { DeferredCheckState } from '#core/store/integrity.js';

/** The after-start check of the database (store/integrity.ts), in the report's words. */
export function databaseCheckReport(s: DeferredCheckState): DatabaseCheck {
  if (s.state === 'damaged') {
    return {
      state: 'damaged',
      finishedAt: s.finishedAt,
      message: `启动后的数据库完整性检查发现数据表“${s.table}”已损坏（${s.result.slice(0, 200)}）。请不要继续录入，尽快由负责人或系统管理员在“本局设置 → 数据备份”中从最近的完好备份恢复。`,
    };
  }
  return { state: s.state, finishedAt: s.state === 'ok' ? s.finishedAt : null, message: null };
}

export const startupHandlers: HandlerMap<'app.startupReport'> = {
  'app.startupReport': (_input, { services }) => ({
    warnings: startupReport(services.dataDir, services.dataFileWarnings),
    databaseCheck: databaseCheckReport(services.databaseCheck.state),
  }),
};
