/**
 * 行业检查要点 versions through the installChecklists use case (schema check, stored, offered at once when
 * newest). 同步 says which version inspections are offered now.
 */
import { installChecklists } from '#core/application/installChecklists.js';
import type { ReferenceApplier } from './types.js';

export const checklistsApplier: ReferenceApplier<'checklists'> = {
  async apply(services, payload, version) {
    const { added, inUse } = installChecklists(services, payload);
    if (!added) return [`行业检查要点 ${version} 版与本机已有的相同，未作更改`];
    const head = `行业检查要点：新版本 ${version}（${payload.checklists.length}个行业）`;
    return inUse.version === payload.version
      ? [`${head} 已启用，此后记录的现场检查按此版本勾选${payload.verified ? '' : '（尚未经核对）'}`]
      : [`${head} 已载入，但本机已有更新的版本 ${inUse.version}，现场检查仍按 ${inUse.version} 版勾选`];
  },
};
