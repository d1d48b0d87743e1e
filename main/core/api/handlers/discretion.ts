/** The discretion benchmark's operations (issue 5): list, versions, calculate, import, export. */
import { AppError } from '../../../../common/errors.js';
import { calculateFine } from '../../domain/discretion/calculate.js';
import { explanationText } from '../../domain/discretion/explanation.js';
import { readBenchmarkFiles, readBenchmarkPath, tableDefaults } from '../discretionImport.js';
import { benchmarkWorkbook } from '../discretionExport.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

type DiscretionOps = 'discretion.list' | 'discretion.versions' | 'discretion.calculate' | 'discretion.import' | 'discretion.export';

export const discretionHandlers: HandlerMap<DiscretionOps> = {
  'discretion.list': ({ version }, { services }) => services.discretion.benchmark(version),

  'discretion.versions': (_i, { services }) => services.discretion.versions(),

  'discretion.calculate': (input, { services }) => {
    const benchmark = services.discretion.benchmark(input.version);
    const entry = benchmark.violations.find((v) => v.id === input.violationId);
    if (!entry) throw new AppError('NOT_FOUND', `裁量基准（${benchmark.version}）中没有违法行为“${input.violationId}”`);
    const outcome = calculateFine(benchmark, entry, { levels: input.levels, base: input.base ?? null, aggravated: input.aggravated });
    if (!outcome.ok) throw new AppError('VALIDATION', outcome.problems.join('；'), { problems: outcome.problems });
    return { ...outcome.result, explanation: explanationText(outcome.result) };
  },

  'discretion.import': async (input, ctx) => {
    const { services } = ctx;
    const user = requireUser(ctx);
    const files = 'path' in input
      ? readBenchmarkPath(input.path)
      : input.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.contentBase64, 'base64') }));
    const benchmark = await readBenchmarkFiles(files, tableDefaults(services.discretion.benchmark(), input.version));
    const saved = services.discretion.saveImported(benchmark, files.map((f) => f.name).join('、'), services.clock.now().toISOString(), user.name);
    const factors = benchmark.commonFactors.length + benchmark.violations.reduce((n, v) => n + v.factors.length, 0);
    return { version: saved.version, types: benchmark.violations.length, factors, changed: saved.changed };
  },

  'discretion.export': async ({ version }, { services }) => {
    const benchmark = services.discretion.benchmark(version);
    const bytes = await benchmarkWorkbook(benchmark);
    return { fileName: `裁量基准-${benchmark.version}.xlsx`, contentBase64: bytes.toString('base64') };
  },
};
