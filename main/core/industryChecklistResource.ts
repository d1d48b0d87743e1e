/**
 * The 行业检查要点 in use: the shipped set (resources/industry-checklists/checklists.json) and the versions the
 * province published since (installed under `<dataDir>/industry-checklists`, one file a version); the newest
 * version is offered. Each file is checked against its schema when read; a shipped file that does not pass
 * fails the inspection form with the reason in Chinese, an installed one that no longer passes is left out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '#common/errors.js';
import { industryChecklists, type IndustryChecklists } from '#common/schemas/industryChecklists.js';
import { newestChecklists } from './domain/industryChecklists.js';
import { resourcesDir } from './paths.js';

let cached: IndustryChecklists | null = null;

export function loadIndustryChecklists(file?: string): IndustryChecklists {
  if (cached && !file) return cached;
  const r = industryChecklists.safeParse(
    JSON.parse(readFileSync(file ?? join(resourcesDir(), 'industry-checklists', 'checklists.json'), 'utf8')),
  );
  if (!r.success) throw new AppError('INTERNAL', `行业检查要点数据不完整：${r.error.issues[0]?.message ?? ''}`);
  if (!file) cached = r.data;
  return r.data;
}

export const installedChecklistsDir = (dataDir: string) => join(dataDir, 'industry-checklists');

/** A version's file name: its characters that are not safe in a file name replaced (the version itself is inside). */
export const checklistsFileName = (version: string) => `${version.replace(/[^0-9A-Za-z.-]/g, '_')}.json`;

/** The versions installed under the data directory, each as read and checked. */
export function installedChecklists(dataDir: string): IndustryChecklists[] {
  const dir = installedChecklistsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      try {
        const r = industryChecklists.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
        if (r.success) return [r.data];
      } catch {
        /* unreadable: reported below, as a file that does not pass */
      }
      console.error('[anjuan] 行业检查要点文件未载入（内容有误）：', f);
      return [];
    });
}

const inUse = new Map<string, IndustryChecklists>();

/** The set offered on this desk now (kept until `forgetChecklistsInUse`, which an install calls). */
export function checklistsInUse(dataDir: string): IndustryChecklists {
  let data = inUse.get(dataDir);
  if (!data) {
    data = newestChecklists([loadIndustryChecklists(), ...installedChecklists(dataDir)]);
    inUse.set(dataDir, data);
  }
  return data;
}

export function forgetChecklistsInUse(dataDir: string): void {
  inUse.delete(dataDir);
}
