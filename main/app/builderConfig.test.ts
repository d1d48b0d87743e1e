/**
 * The packaging config, checked as far as it can be without building installers here:
 * electron-builder's own loader and schema validation, then the keys security and packaging rely on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from './paths.js';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));

interface BuilderConfig {
  appId: string;
  productName: string;
  files: { filter: string[] }[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[] };
  nsis: Record<string, unknown>;
  linux: { target: string[]; maintainer?: string };
  publish: { provider: string; url: string }[];
}

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, file: string, extra: null): Promise<unknown>;
    validateConfiguration(config: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(root, 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false)); // throws on an unknown or mistyped key
  return config as BuilderConfig;
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };

describe('electron-builder.yml', () => {
  it('is valid for electron-builder and names the app', async () => {
    const c = await loadConfig();
    expect(c.appId).toBe('cn.gov.guizhou.anjuan');
    expect(c.productName).toBe('案卷');
  });

  it('packs the built app, resources and templates into the asar', async () => {
    const c = await loadConfig();
    const files = c.files.flatMap((f) => f.filter);
    expect(files).toEqual(expect.arrayContaining(['dist/**', 'resources/**', 'templates/**', 'package.json']));
    expect(c.asar).toBe(true);
    expect(pkg.main.startsWith('dist/')).toBe(true);
    // Everything the shell loads at run time is under a packed folder.
    const paths = appPaths(root);
    for (const p of [paths.preload, paths.coreUtility, paths.rendererDir]) expect(relative(root, p).split(/[\\/]/)[0]).toBe('dist');
  });

  it('unpacks the native SQLite module and the fonts, and rebuilds native modules for Electron', async () => {
    const c = await loadConfig();
    expect(c.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', 'resources/fonts/**']));
    expect(c.npmRebuild).toBe(true);
  });

  it('ships every module the bundles leave external as a production dependency', () => {
    const build = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
    const list = /const external = \[([^\]]*)\]/.exec(build)?.[1] ?? '';
    const externals = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!).filter((m) => m !== 'electron');
    expect(externals).toEqual(expect.arrayContaining(['better-sqlite3', 'electron-updater', 'pdfjs-dist']));
    for (const m of externals) expect(pkg.dependencies, m).toHaveProperty(m);
  });

  it('locks the Electron binary down with fuses', async () => {
    const c = await loadConfig();
    expect(c.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a Chinese NSIS installer for x64 with a per-machine choice, keeping data on uninstall', async () => {
    const c = await loadConfig();
    expect(c.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: false, selectPerMachineByDefault: true, installerLanguages: ['zh_CN'], deleteAppDataOnUninstall: false });
  });

  it('builds AppImage and deb for Linux (deb needs a maintainer)', async () => {
    const c = await loadConfig();
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.linux.maintainer).toMatch(/<[^>]+@[^>]+>/);
  });

  it('publishes to the generic https feed electron-updater reads', async () => {
    const c = await loadConfig();
    expect(c.publish).toEqual([{ provider: 'generic', url: 'https://anjuan-update.example.gov.cn/' }]);
  });
});
