/** The enterprise directory's operations: search, an enterprise's page, import (a job). */
import { ownCounty } from '#core/application/jurisdiction.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';
import { importEnterpriseFile, readEnterpriseFile } from '#core/application/importEnterprises.js';
import { enterprisePage } from '#core/application/enterprisePage.js';
import { refuseUnlessCli } from '../localFiles.js';

export const enterpriseHandlers: HandlerMap<'enterprises.search' | 'enterprises.get' | 'enterprises.import'> = {
  // The bureau's own county first (application/jurisdiction.ts).
  'enterprises.search': ({ query, limit }, { services }) =>
    services.directory.searchEnterprises(query, limit, ownCounty(services) ?? undefined),

  'enterprises.get': ({ id }, ctx) => enterprisePage(ctx.services, id, requireUser(ctx)), // scoped by caseAccess

  // Answers at once with a job id; jobs.get follows the import and gives its report.
  'enterprises.import': (input, ctx) => {
    const { services } = ctx;
    const user = requireUser(ctx);
    if ('path' in input) refuseUnlessCli(ctx);
    const file =
      'path' in input
        ? readEnterpriseFile(input.path)
        : { name: input.fileName, bytes: Buffer.from(input.contentBase64, 'base64'), uploaded: true };
    const importCtx = {
      store: services.enterprises,
      regions: services.enterpriseData.regions,
      columns: services.enterpriseData.columns,
      now: () => services.clock.now(),
    };
    return services.jobs.start({
      op: 'enterprises.import',
      owner: user.id,
      exclusive: 'enterprises',
      busyMessage: '另一个企业名录导入正在进行，请等待其完成或取消后再导入',
      run: (ctl) => importEnterpriseFile(importCtx, file, input.encoding, ctl),
    });
  },
};
