/**
 * A synthetic enterprise directory of any size, for tests, the bench and trying the import:
 *   npm exec tsx scripts/generate-enterprises.ts -- --count 90910 --out /tmp/名录.csv [--bad-rows 20] [--encoding gbk|utf-8|utf-8-bom] [--seed N]
 *   ... --out /tmp/名录.xlsx
 * Prints the bad rows it made (line and kind) so the import report can be checked against them.
 */
import { writeFileSync } from 'node:fs';
import { syntheticDirectory } from '#core/seed/syntheticDirectory.js';
import { directoryCsvText, encodeCsv, writeDirectoryXlsx, type CsvEncoding } from '#core/seed/directoryFile.js';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const count = Number(flag(args, '--count') ?? '1000');
  const out = flag(args, '--out');
  const badRows = Number(flag(args, '--bad-rows') ?? '0');
  const encoding = (flag(args, '--encoding') ?? 'utf-8') as CsvEncoding;
  const seed = Number(flag(args, '--seed') ?? '20261127');
  if (
    !out ||
    !/\.(csv|xlsx)$/i.test(out) ||
    !Number.isInteger(count) ||
    count < 1 ||
    !Number.isInteger(badRows) ||
    badRows < 0 ||
    !['utf-8', 'utf-8-bom', 'gbk'].includes(encoding)
  ) {
    console.error(
      '用法：tsx scripts/generate-enterprises.ts --count N --out 文件.csv|文件.xlsx [--bad-rows K] [--encoding gbk|utf-8|utf-8-bom] [--seed N]',
    );
    return 2;
  }
  const t0 = performance.now();
  const dir = syntheticDirectory(count, { seed, badRows });
  if (/\.xlsx$/i.test(out)) await writeDirectoryXlsx(out, dir.rows);
  else writeFileSync(out, encodeCsv(directoryCsvText(dir.rows), encoding));
  console.log(`已生成 ${count} 家企业 → ${out}（${((performance.now() - t0) / 1000).toFixed(1)} 秒）`);
  for (const b of dir.bad) console.log(`错误行：第${b.index + 2}行 ${b.kind}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
