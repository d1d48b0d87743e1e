/**
 * The shipped 行业检查要点 (resources/industry-checklists/checklists.json), checked against its schema when
 * first read and kept; a file that does not pass fails the inspection form with the reason in Chinese.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '#common/errors.js';
import { industryChecklists, type IndustryChecklists } from '#common/schemas/industryChecklists.js';
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
