/**
 * When backups are taken and which are kept, as data in one place: the scheduler and the
 * pruning read this object, nothing else holds a number of its own.
 *
 * Keeping: the newest backup of each of the last `daily` days that have one, then the newest of each
 * of the `weekly` calendar weeks (Monday to Sunday) before those days, and the newest `safety`
 * backups taken before a restore. The newest backup of all is always kept. Days and weeks are
 * counted in China time (the core's dates), from the backups' own times, never from the wall clock.
 */
import { chinaDate } from '../domain/dates.js';
import type { BackupKind } from '#common/schemas/backup.js';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  safety: number;
}

export interface BackupPolicy {
  /** An automatic backup is due when the newest daily or manual backup is this old. */
  intervalHours: number;
  /** The first look after the core starts (the start itself is not slowed down). */
  firstCheckAfterMinutes: number;
  /** How often the core looks whether a backup is due. */
  checkEveryMinutes: number;
  keep: RetentionPolicy;
}

export const backupPolicy: BackupPolicy = {
  intervalHours: 24,
  firstCheckAfterMinutes: 2,
  checkEveryMinutes: 60,
  keep: { daily: 7, weekly: 4, safety: 3 },
};

export interface Dated {
  id: string;
  kind: BackupKind;
  createdAt: string;
}

/** Monday of the week of a YYYY-MM-DD date. */
function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/** The ids to keep; every other backup may be removed. */
export function backupsToKeep(backups: readonly Dated[], keep: RetentionPolicy): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const kept = new Set<string>();
  if (newestFirst[0]) kept.add(newestFirst[0].id);

  const regular = newestFirst.filter((b) => b.kind !== 'safety');
  const days = new Set<string>();
  let oldestDailyDay: string | null = null;
  for (const b of regular) {
    const day = chinaDate(new Date(b.createdAt));
    if (days.has(day)) continue;
    if (days.size >= keep.daily) break;
    days.add(day);
    oldestDailyDay = day;
    kept.add(b.id);
  }
  const weeks = new Set<string>();
  for (const b of regular) {
    const day = chinaDate(new Date(b.createdAt));
    if (oldestDailyDay !== null && day >= oldestDailyDay) continue;
    const week = weekOf(day);
    if (weeks.has(week)) continue;
    if (weeks.size >= keep.weekly) break;
    weeks.add(week);
    kept.add(b.id);
  }
  for (const b of newestFirst.filter((x) => x.kind === 'safety').slice(0, keep.safety)) kept.add(b.id);
  return kept;
}

/** Whether an automatic backup is due at `now`: none yet, or the newest daily/manual one is `intervalHours` old. */
export function backupDue(
  backups: readonly Dated[],
  now: Date,
  policy: Pick<BackupPolicy, 'intervalHours'> = backupPolicy,
): boolean {
  const newest = backups
    .filter((b) => b.kind !== 'safety')
    .map((b) => Date.parse(b.createdAt))
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => b - a)[0];
  return newest === undefined || now.getTime() - newest >= policy.intervalHours * 3600_000;
}
