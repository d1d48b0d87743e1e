/**
 * A version of the 行业检查要点 published by the province, installed at the workstation: checked against the
 * schema, written under `<dataDir>/industry-checklists` and offered from the next request on when it is the
 * newest this desk has. Versions are immutable: the same version again with the same content changes
 * nothing, with other content it is refused. Inspections already recorded keep the items as they were
 * ticked (version and text are stored with them).
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { AppError } from '#common/errors.js';
import { industryChecklists, type IndustryChecklists } from '#common/schemas/industryChecklists.js';
import {
  checklistsFileName,
  checklistsInUse,
  forgetChecklistsInUse,
  installedChecklists,
  installedChecklistsDir,
  loadIndustryChecklists,
} from '#core/industryChecklistResource.js';
import type { Services } from '#core/services.js';
import { writeFileDurably } from '#core/store/durableFile.js';

export interface InstalledChecklists {
  /** False when this desk already had the version, alike. */
  added: boolean;
  /** The set offered now (the newest version, which may be another). */
  inUse: IndustryChecklists;
}

export function installChecklists(services: Services, payload: unknown): InstalledChecklists {
  const r = industryChecklists.safeParse(payload);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new AppError(
      'VALIDATION',
      `行业检查要点内容有误：${i.path.length ? `${i.path.join('.')}：` : ''}${i.message}`,
    );
  }
  const data = r.data;
  const known = [loadIndustryChecklists(), ...installedChecklists(services.dataDir)].find(
    (k) => k.version === data.version,
  );
  if (known) {
    if (isDeepStrictEqual(known, data)) return { added: false, inUse: checklistsInUse(services.dataDir) };
    throw new AppError('VALIDATION', `行业检查要点的版本 ${data.version} 已存在且内容不同，请使用新的版本号`);
  }
  const file = join(installedChecklistsDir(services.dataDir), checklistsFileName(data.version));
  writeFileDurably(file, Buffer.from(`${JSON.stringify(data, null, 1)}\n`, 'utf8'));
  forgetChecklistsInUse(services.dataDir);
  return { added: true, inUse: checklistsInUse(services.dataDir) };
}
