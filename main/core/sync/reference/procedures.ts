/**
 * Procedure versions through the same use case as procedures.import (checked by the domain's own
 * check, stored, used at once). 同步 says for each new version when new cases follow it: the newest
 * version in force on a case's day is the one it opens under, so a version that starts later, or one
 * older than a version already in force, says so rather than "已生效".
 */
import { today } from '#core/application/caseView.js';
import { installProcedureVersions } from '#core/application/importProcedure.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import { versionInForce } from '#core/domain/procedure/versions.js';
import type { Services } from '#core/services.js';
import type { ReferenceApplier } from './types.js';

function whatChanged(services: Services, def: ProcedureDefinition, on: string): string {
  const head = `办案程序：${def.name} 新版本 ${def.version}`;
  if (def.effectiveFrom && def.effectiveFrom > on) {
    const meanwhile = versionInForce(services.procedures.values(), def.id, on);
    return `${head} 将于${def.effectiveFrom}起生效${meanwhile ? `，此前新立案件仍按 ${meanwhile.version} 版办理` : ''}`;
  }
  const inForce = versionInForce(services.procedures.values(), def.id, on);
  if (inForce && inForce.version !== def.version)
    return `${head} 已载入，但本机已有更新的版本 ${inForce.version}，新立案件仍按 ${inForce.version} 版办理`;
  return `${head} 已生效（${def.effectiveFrom ? `${def.effectiveFrom} 起` : '即日起'}），新立案件按此版本办理，在办案件仍按原版本`;
}

export const proceduresApplier: ReferenceApplier<'procedures'> = {
  async apply(services, payload, version) {
    const { added } = installProcedureVersions(services, payload.definitions);
    const on = today(services);
    return added.length
      ? added.map((d) => whatChanged(services, d, on))
      : [`办案程序 ${version} 版与本机所用程序相同，未作更改`];
  },
};
