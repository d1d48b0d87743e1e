/**
 * Where the read-only parts of the app live (resources/, templates/, dist/renderer/).
 * Found by walking up from this file to the folder holding package.json, so the same code works
 * from sources (tsx, vitest), from the esbuild bundles in dist/, and inside a packaged app.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function startDir(): string {
  if (typeof __dirname !== 'undefined') return __dirname;
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return process.cwd();
  }
}

let cached: string | null = null;

export function appRoot(): string {
  if (process.env.ANJUAN_APP_ROOT) return process.env.ANJUAN_APP_ROOT;
  if (cached) return cached;
  let dir = startDir();
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) {
      cached = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`找不到程序目录（从 ${startDir()} 向上未找到 package.json 与 resources/）`);
    dir = up;
  }
}

export const resourcesDir = (): string => join(appRoot(), 'resources');
export const templatesDir = (): string => join(appRoot(), 'templates');
export const fontsDir = (): string => join(resourcesDir(), 'fonts');
