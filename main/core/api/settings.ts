/** Bureau settings kept in the `meta` table: small, typed, each with its default. */
import type { Services } from '../services.js';

const warnKey = 'setting.warnAheadWorkingDays';
export const defaultWarnAheadWorkingDays = 3;

export function warnAheadSetting(services: Pick<Services, 'db'>): number {
  const row = services.db.prepare('SELECT value FROM meta WHERE key = ?').get(warnKey) as { value: string } | undefined;
  return row ? Number(row.value) : defaultWarnAheadWorkingDays;
}

export function setWarnAheadSetting(services: Pick<Services, 'db'>, days: number): void {
  services.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(warnKey, String(days));
}
