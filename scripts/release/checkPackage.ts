/**
 * Checks a packaged app the way only a built package can be checked, in the release job
 * after electron-builder (.github/workflows/release.yml):
 *   npx tsx scripts/release/checkPackage.ts release/linux-unpacked [--max-glibc 2.28]
 *   npx tsx scripts/release/checkPackage.ts release/win-unpacked
 * - the fuses in the Electron binary are the ones electron-builder.yml asks for (read from the binary);
 * - app.asar is there, and only native code is unpacked beside it;
 * - better-sqlite3-multiple-ciphers's addon is there, and on Linux needs no newer glibc than `--max-glibc` (2.28: 统信UOS 20
 *   and 银河麒麟 V10). An addon compiled on a recent distribution (glibc 2.34+) would not load there.
 * Exit status 1 and a Chinese list of problems when anything is wrong.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** electron/fuses' sentinel: the fuse wire follows it (version byte 1, length byte, one character per fuse). */
const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');

/** Fuse wire V1, in order (electron/fuses FuseV1Options), by electron-builder's names. */
export const fuseNames = [
  'runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges',
] as const;

export type FuseValue = boolean | 'removed' | 'inherit';

export function readFuses(binary: Buffer): Record<string, FuseValue> {
  const at = binary.indexOf(sentinel);
  if (at < 0) throw new Error('Electron程序中找不到熔丝（fuse）标记');
  const wire = at + sentinel.length;
  // The version is a number (1), the fuses are the characters '0' and '1' (electron/fuses).
  if (binary[wire] !== 1) throw new Error(`未知的熔丝版本 ${binary[wire]}`);
  const length = binary[wire + 1]!;
  const out: Record<string, FuseValue> = {};
  for (let i = 0; i < length; i++) {
    const b = binary[wire + 2 + i];
    out[fuseNames[i] ?? `fuse${i}`] = b === 0x31 ? true : b === 0x30 ? false : b === 0x72 ? 'removed' : 'inherit';
  }
  return out;
}

export function fuseProblems(actual: Record<string, FuseValue>, expected: Record<string, boolean>): string[] {
  return Object.entries(expected).filter(([k, v]) => actual[k] !== v)
    .map(([k, v]) => `熔丝 ${k} 应为 ${v}，程序中为 ${String(actual[k] ?? '不存在')}`);
}

const compareVersions = (a: string, b: string): number => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/** The GLIBC_x.y symbol versions an ELF file needs, from `objdump -T`, lowest first. */
export function glibcVersions(objdumpText: string): string[] {
  return [...new Set([...objdumpText.matchAll(/GLIBC_(\d+\.\d+(?:\.\d+)?)/g)].map((m) => m[1]!))].sort(compareVersions);
}

export function glibcProblems(file: string, versions: string[], max: string): string[] {
  const newest = versions.at(-1);
  return newest && compareVersions(newest, max) > 0
    ? [`${file} 需要 glibc ${newest}，高于 ${max}（统信UOS、银河麒麟不能加载）：请改用为旧版glibc编译的预编译文件，或在glibc ${max}的环境中编译`]
    : [];
}

/**
 * Everything beside app.asar must belong to a native module (asarUnpack: better-sqlite3-multiple-ciphers, sharp's @img
 * packages, ffmpeg's platform package, and the package folder of any other `.node`, which electron-builder unpacks whole); app.asar
 * and the SQLite addon must be there.
 */
export function unpackedProblems(resources: string): string[] {
  const problems: string[] = [];
  if (!existsSync(join(resources, 'app.asar'))) problems.push(`${resources} 中没有 app.asar`);
  const unpacked = join(resources, 'app.asar.unpacked');
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const f = join(d, n);
      if (statSync(f).isDirectory()) walk(f);
      else files.push(relative(unpacked, f).split(sep).join('/'));
    }
  };
  if (existsSync(unpacked)) walk(unpacked);
  if (!files.some((f) => f.startsWith('node_modules/better-sqlite3-multiple-ciphers/') && f.endsWith('/better_sqlite3.node'))) problems.push('app.asar.unpacked 中没有 better_sqlite3.node');
  const packageOf = (f: string): string => f.split('/').slice(0, f.split('/')[1]?.startsWith('@') ? 3 : 2).join('/');
  const nativePackages = new Set(files.filter((f) => f.endsWith('.node') && f.startsWith('node_modules/')).map(packageOf));
  // sharp's libvips (asarUnpack node_modules/@img/**): shared libraries its addon loads by path, in packages of their own.
  const sharpNative = (f: string): boolean => /^node_modules\/@img\/sharp-[a-z0-9-]+\//.test(f);
  // ffmpeg (asarUnpack node_modules/@ffmpeg-installer/*-*/**): a program started by path, in its platform's package.
  const ffmpegProgram = (f: string): boolean => /^node_modules\/@ffmpeg-installer\/[a-z0-9]+-[a-z0-9]+\//.test(f);
  for (const f of files) {
    if (!f.startsWith('node_modules/better-sqlite3-multiple-ciphers/') && !f.endsWith('.node') && !nativePackages.has(packageOf(f)) && !sharpNative(f) && !ffmpegProgram(f)) problems.push(`不应在app.asar之外的文件：${f}`);
  }
  return problems;
}

function expectedFuses(root: string): Record<string, boolean> {
  const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?:[ \t]+\w+: (?:true|false)\n)+)/m.exec(yml)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/(\w+): (true|false)/g)].map((m) => [m[1]!, m[2] === 'true']));
}

export function checkPackage(dir: string, root: string, maxGlibc: string): string[] {
  const exe = ['anjuan.exe', 'anjuan'].map((n) => join(dir, n)).find(existsSync);
  if (!exe) return [`${dir} 中没有 anjuan 程序`];
  const resources = join(dir, 'resources');
  const problems = [...fuseProblems(readFuses(readFileSync(exe)), expectedFuses(root)), ...unpackedProblems(resources)];
  if (process.platform === 'linux') {
    const unpacked = join(resources, 'app.asar.unpacked');
    const addons: string[] = [];
    const walk = (d: string): void => { for (const n of readdirSync(d)) { const f = join(d, n); if (statSync(f).isDirectory()) walk(f); else if (f.endsWith('.node')) addons.push(f); } };
    if (existsSync(unpacked)) walk(unpacked);
    for (const f of addons) {
      let text: string;
      try {
        text = execFileSync('objdump', ['-T', f], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      } catch (e) {
        problems.push(`无法读取 ${relative(dir, f)} 所需的glibc版本（objdump：${(e as Error).message.split('\n')[0]}）`);
        continue;
      }
      problems.push(...glibcProblems(relative(dir, f), glibcVersions(text), maxGlibc));
    }
  }
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const i = args.indexOf('--max-glibc');
  const max = i >= 0 ? args[i + 1]! : '2.28';
  if (!dir) { console.error('用法：checkPackage.ts <解包目录> [--max-glibc 2.28]'); process.exit(2); }
  const problems = checkPackage(dir, join(import.meta.dirname, '..', '..'), max);
  if (problems.length) { console.error(problems.map((p) => `✗ ${p}`).join('\n')); process.exit(1); }
  console.log(`✓ ${dir}：熔丝、app.asar、本地模块均符合要求`);
}
