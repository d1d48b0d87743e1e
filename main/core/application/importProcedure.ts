/**
 * New procedure versions installed at the workstation: by a head or administrator
 * (`procedures.import`) or published by the province and applied at sync. Each is checked by the
 * same domain code the loader and the server run (`domain/procedure/published.ts`), stored as a full
 * definition under `<dataDir>/procedures` (where the loader reads it at the next start) and used from
 * the next request on: a new case or track follows the newest version in force on its day
 * (`currentProcedure`); a running one keeps the version it recorded.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '#common/errors.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import { checkProcedureVersions } from '#core/domain/procedure/published.js';
import type { Services } from '#core/services.js';
import { writeFileDurably } from '#core/store/durableFile.js';

export const addedProcedureDir = (services: Services) => join(services.dataDir, 'procedures');

export interface InstalledProcedures {
  /** The versions installed now. */
  added: ProcedureDefinition[];
  /** The versions given that this workstation already had, alike. */
  same: ProcedureDefinition[];
}

/**
 * Installs every version given, or none: one that fails its check refuses the set (VALIDATION, the
 * reason in Chinese) and a failed write removes the files already written, so nothing changes.
 */
export function installProcedureVersions(services: Services, items: readonly unknown[]): InstalledProcedures {
  const checked = checkProcedureVersions(services.procedures, items);
  if (!checked.ok) throw new AppError('VALIDATION', checked.reason, checked.problems);
  const written: string[] = [];
  try {
    for (const { definition: d, json } of checked.added) {
      const file = join(addedProcedureDir(services), `${d.id}.${d.version}.json`);
      writeFileDurably(file, Buffer.from(`${JSON.stringify(json, null, 1)}\n`, 'utf8'));
      written.push(file);
    }
  } catch (e) {
    for (const f of written) rmSync(f, { force: true });
    throw e;
  }
  for (const { definition: d } of checked.added) services.procedures.set(`${d.id}@${d.version}`, d);
  return { added: checked.added.map((a) => a.definition), same: checked.same };
}

/** `procedures.import`: one new version; a version this workstation has is refused (versions are immutable). */
export function importProcedure(services: Services, definition: unknown): ProcedureDefinition {
  const { added, same } = installProcedureVersions(services, [definition]);
  if (same[0])
    throw new AppError('VALIDATION', `程序“${same[0].name}”的版本 ${same[0].version} 已存在，请使用新的版本号`);
  return added[0]!;
}
