/**
 * The files electron-builder packs into app.asar from the project (node_modules aside), computed with
 * electron-builder's own matcher and default exclusions (app-builder-lib fileMatcher.ts), so the tests
 * see the list the release build will see. Paths relative to `root`, with '/' separators, sorted.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

interface Matcher {
  createFilter(): (file: string, stat: ReturnType<typeof lstatSync>) => boolean;
}

export async function builderConfig(root: string): Promise<Record<string, unknown>> {
  const require = createRequire(join(root, 'package.json'));
  const { getConfig } = require('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, file: string, extra: null): Promise<Record<string, unknown>>;
  };
  return getConfig(root, 'electron-builder.yml', null);
}

export async function packedFiles(root: string): Promise<string[]> {
  const require = createRequire(join(root, 'package.json'));
  const { getMainFileMatchers } = require('app-builder-lib/out/fileMatcher') as {
    getMainFileMatchers(
      appDir: string,
      dest: string,
      expand: (s: string) => string,
      options: object,
      packager: object,
      outDir: string,
      isElectronCompile: boolean,
    ): Matcher[];
  };
  const config = await builderConfig(root);
  const info = {
    projectDir: root,
    buildResourcesDir: 'build',
    config,
    isPrepackedAppAsar: false,
    debugLogger: { isEnabled: false, add() {} },
  };
  const [matcher] = getMainFileMatchers(
    root,
    join(root, '.asar-dest'),
    (s) => s,
    {},
    { info },
    join(root, 'release'),
    false,
  );
  const filter = matcher!.createFilter();
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      const stat = lstatSync(file);
      if (!filter(file, stat)) continue;
      if (stat.isDirectory()) walk(file);
      else out.push(relative(root, file).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}
