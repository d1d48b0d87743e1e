/**
 * 电子档案包: export (a job with progress), verify and import (application/exportPackage.ts,
 * importPackage.ts). A package is uploaded from the page; only the CLI may name it by path.
 */
import { exportPackage, refuseUnlessBound } from '#core/application/exportPackage.js';
import { importPackage, verifyPackageOp } from '#core/application/importPackage.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';
import { refuseUnlessCli } from '../localFiles.js';

export const archivePackageHandlers: HandlerMap<
  'dossier.exportPackage' | 'dossier.verifyPackage' | 'dossier.importPackage'
> = {
  'dossier.exportPackage': ({ caseId }, ctx) => {
    const user = requireUser(ctx);
    // Refused at once (not bound, bound before the last change) rather than as a failed job.
    const state = ctx.services.cases.get(caseId);
    refuseUnlessBound(state);
    return ctx.services.jobs.start({
      op: 'dossier.exportPackage',
      owner: user.id,
      exclusive: `dossier.exportPackage:${caseId}`,
      busyMessage: '本案的电子档案包正在导出，请等待其完成',
      run: (ctl) => exportPackage(ctx.services, user, caseId, ctl),
    });
  },
  'dossier.verifyPackage': (input, ctx) => {
    if ('path' in input) refuseUnlessCli(ctx);
    return verifyPackageOp(input);
  },
  'dossier.importPackage': (input, ctx) => {
    requireUser(ctx);
    if ('path' in input) refuseUnlessCli(ctx);
    return importPackage(ctx.services, input);
  },
};
