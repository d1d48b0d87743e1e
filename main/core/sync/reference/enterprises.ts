/**
 * The enterprise directory through the enterprises.import use case's checks and keyed writes: a row
 * with errors is reported and skipped, as in a clerk's import; a payload without the required columns
 * is refused. Written in transactions of about a quarter of a second, so a clerk's request waits at
 * most that long while 90,000 enterprises go in.
 */
import { AppError } from '#common/errors.js';
import { importEnterpriseRows } from '#core/application/importEnterprises.js';
import { noJob, type JobControl } from '#core/jobs/jobRunner.js';
import type { ReferenceApplier } from './types.js';

const sliceMs = 250;

/** Lets other requests in between slices (the sync round runs on the core's thread). */
function yielding(): JobControl {
  return {
    ...noJob,
    breathe: () => new Promise<void>((resolve) => setImmediate(resolve)),
  };
}

export const enterprisesApplier: ReferenceApplier<'enterprises'> = {
  async apply(services, payload, version) {
    const ctx = {
      store: services.enterprises,
      regions: services.enterpriseData.regions,
      columns: services.enterpriseData.columns,
      now: () => services.clock.now(),
    };
    const r = await importEnterpriseRows(
      ctx,
      `省级下发企业名录 ${version}`,
      payload.header,
      payload.rows,
      yielding(),
      sliceMs,
    );
    if (r.fileProblems.length) throw new AppError('VALIDATION', r.fileProblems.join('；'));
    if (!r.added && !r.updated && !r.rejected)
      return [`企业名录 ${version} 版与本机相同，未作更改（${r.unchanged}家）`];
    const first = r.rejectedRows[0];
    return [
      `企业名录 ${version} 版：${[
        r.added ? `新增${r.added}家` : '',
        r.updated ? `更新${r.updated}家` : '',
        r.unchanged ? `${r.unchanged}家未变` : '',
        r.rejected
          ? `${r.rejected}行有误未导入（如第${first!.line}行“${first!.name}”：${first!.reasons.join('，')}）`
          : '',
      ]
        .filter(Boolean)
        .join('，')}`,
    ];
  },
};
