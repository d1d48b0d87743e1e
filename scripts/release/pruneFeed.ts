/**
 * Keeps an update folder (a USB stick, a LAN share, the provincial feed) to the last two versions
 *: the newest, which electron-updater installs, and the one before, which a clerk reinstalls
 * by hand when the newest fails to start (main/app/launchGuard.ts says how). Installers, their
 * blockmaps and signatures of older versions are removed; the indexes (latest*.yml) stay.
 *   npx tsx scripts/release/pruneFeed.ts <folder> [--dry-run]
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** anjuan-<version>-setup-x64.exe, anjuan-<version>-amd64.deb … (+ .blockmap, .asc, .sig). */
const installer = /^anjuan-(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)-(setup-[a-z0-9_]+|amd64|arm64|armhf|i386)\.(exe|deb)(\.blockmap|\.asc|\.sig)?$/;

const compare = (a: string, b: string): number => {
  const [x, y] = [a.split(/[.-]/), b.split(/[.-]/)];
  for (let i = 0; i < 3; i++) if (Number(x[i]) !== Number(y[i])) return Number(x[i]) - Number(y[i]);
  // 1.0.0-beta < 1.0.0
  if (x.length !== y.length) return x.length > 3 && y.length === 3 ? -1 : y.length > 3 && x.length === 3 ? 1 : 0;
  return a < b ? -1 : a > b ? 1 : 0;
};

/** The files to remove: for each platform and arch, those of every version but the newest two. */
export function filesToPrune(names: string[], keep = 2): string[] {
  const byKind = new Map<string, Set<string>>();
  for (const n of names) {
    const m = installer.exec(n);
    if (!m) continue;
    const kind = `${m[2]}.${m[3]}`;
    if (!byKind.has(kind)) byKind.set(kind, new Set());
    byKind.get(kind)!.add(m[1]!);
  }
  const drop = new Set<string>();
  for (const [kind, versions] of byKind) {
    for (const v of [...versions].sort(compare).slice(0, -keep)) drop.add(`${v}|${kind}`);
  }
  return names.filter((n) => {
    const m = installer.exec(n);
    return m ? drop.has(`${m[1]}|${m[2]}.${m[3]}`) : false;
  }).sort();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) { console.error('用法：pruneFeed.ts <更新文件夹> [--dry-run]'); process.exit(2); }
  const doomed = filesToPrune(readdirSync(dir));
  for (const f of doomed) {
    if (!process.argv.includes('--dry-run')) rmSync(join(dir, f));
    console.log(`${process.argv.includes('--dry-run') ? '将删除' : '已删除'} ${f}`);
  }
  if (!doomed.length) console.log('无须清理：每种安装程序最多保留两个版本');
}
