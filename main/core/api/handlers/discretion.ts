/** The discretion benchmark's operations: list, versions, calculate, import, export. */
import { AppError } from '#common/errors.js';
import { calculateFine } from '#core/domain/discretion/calculate.js';
import { explanationText } from '#core/domain/discretion/explanation.js';
import { readBenchmarkFiles, readBenchmarkPath, tableDefaults } from '#core/application/importDiscretion.js';
import { benchmarkWorkbook } from '#core/application/exportDiscretion.js';
import type { HandlerMap } from '../types.js';
import type { BenchmarkEntry } from '#common/schemas/discretion.js';
import { typeStandingOn } from '#core/domain/legalBasis/standingType.js';
import type { Services } from '#core/services.js';
import { typeIndex } from '#core/application/legalBasis.js';
import { requireUser } from '../types.js';
import { refuseUnlessCli } from '../localFiles.js';

type DiscretionOps =
  | 'discretion.list'
  | 'discretion.versions'
  | 'discretion.calculate'
  | 'discretion.import'
  | 'discretion.export';

/** The type resting on the law of the act's day for the one chosen (a repealed type is followed to its successor). */
function standingEntry(
  services: Services,
  entries: BenchmarkEntry[],
  chosen: BenchmarkEntry,
  on: string,
): BenchmarkEntry {
  const s = typeStandingOn({ ...typeIndex(services), types: entries }, chosen, on);
  if (s.kind === 'type') return entries.find((e) => e.id === s.type.id) ?? chosen;
  const why =
    s.kind === 'choice'
      ? `有多个对应的违法行为类型（${s.types.map((t) => t.name).join('、')}），请选择其一`
      : s.kind === 'none'
        ? s.why
        : '新的规定不认为该行为违法';
  throw new AppError('VALIDATION', `${on}适用的规定无法确定：${why}`);
}

export const discretionHandlers: HandlerMap<DiscretionOps> = {
  'discretion.list': ({ version }, { services }) => services.discretion.benchmark(version),

  'discretion.versions': (_i, { services }) => services.discretion.versions(),

  'discretion.calculate': (input, { services }) => {
    const benchmark = services.discretion.benchmark(input.version);
    const chosen = benchmark.violations.find((v) => v.id === input.violationId);
    if (!chosen)
      throw new AppError('NOT_FOUND', `裁量基准（${benchmark.version}）中没有违法行为“${input.violationId}”`);
    const entry = input.on ? standingEntry(services, benchmark.violations, chosen, input.on) : chosen;
    const outcome = calculateFine(benchmark, entry, {
      levels: input.levels,
      base: input.base ?? null,
      aggravated: input.aggravated,
    });
    if (!outcome.ok) throw new AppError('VALIDATION', outcome.problems.join('；'), { problems: outcome.problems });
    return { ...outcome.result, explanation: explanationText(outcome.result) };
  },

  'discretion.import': (input, ctx) => {
    const { services } = ctx;
    const user = requireUser(ctx);
    if ('path' in input) refuseUnlessCli(ctx);
    const files =
      'path' in input
        ? readBenchmarkPath(input.path)
        : input.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.contentBase64, 'base64') }));
    // A job: read and checked (cancellable, nothing written), then saved in one transaction.
    return services.jobs.start({
      op: 'discretion.import',
      owner: user.id,
      exclusive: 'discretion',
      busyMessage: '另一次裁量基准导入正在进行，请等待其完成后再导入',
      run: async (ctl) => {
        ctl.progress('读取和校验裁量基准表', 0, files.length);
        const benchmark = await readBenchmarkFiles(
          files,
          tableDefaults(services.discretion.benchmark(), input.version),
          () => ctl.breathe(),
        );
        ctl.pastCancelling('保存裁量基准');
        const saved = services.discretion.saveImported(
          benchmark,
          files.map((f) => f.name).join('、'),
          services.clock.now().toISOString(),
          user.name,
        );
        const factors = benchmark.commonFactors.length + benchmark.violations.reduce((n, v) => n + v.factors.length, 0);
        return { version: saved.version, types: benchmark.violations.length, factors, changed: saved.changed };
      },
    });
  },

  'discretion.export': async ({ version }, { services }) => {
    const benchmark = services.discretion.benchmark(version);
    const bytes = await benchmarkWorkbook(benchmark);
    return { fileName: `裁量基准-${benchmark.version}.xlsx`, contentBase64: bytes.toString('base64') };
  },
};
