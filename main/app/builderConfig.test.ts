/**
 * The packaging config, checked as far as it can be without building installers here:
 * electron-builder's own loader and schema validation, then the keys security and packaging rely on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from './paths.js';
import { builtInFeedUrl } from './updater.js';
import { packedFiles } from './testing/packedFiles.js';

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
  win: { target: { target: string; arch: string[] }[]; verifyUpdateCodeSignature?: boolean };
  nsis: Record<string, unknown>;
  linux: { target: { target: string; arch: string[] }[]; maintainer?: string };
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

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};

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
    for (const p of [paths.preload, paths.coreUtility, paths.rendererDir])
      expect(relative(root, p).split(/[\\/]/)[0]).toBe('dist');
  });

  it('unpacks only native code, and rebuilds native modules for Electron', async () => {
    const c = await loadConfig();
    // Fonts stay in the asar (under its integrity check): other programs get print copies in the temp folder.
    expect(c.asarUnpack).toEqual([
      'node_modules/better-sqlite3-multiple-ciphers/**',
      '**/*.node',
      'node_modules/@img/sharp-*/**',
      'node_modules/onnxruntime-node/bin/**',
      'node_modules/@ffmpeg-installer/*-*/**',
    ]);
    expect(c.npmRebuild).toBe(true);
  });

  it("packs the bundles, resources and templates, and no sources, tests, docs or notes (electron-builder's own matcher)", async () => {
    const files = await packedFiles(root);
    for (const f of [
      'package.json',
      'dist/app/main.cjs',
      'dist/core/utility.cjs',
      'dist/core/ocrWorker.cjs', // the OCR worker thread, read from inside app.asar (ocr/workerEngine.ts)
      'dist/preload/index.cjs',
      'dist/renderer/index.html',
      'resources/procedures/ordinary.v2.json',
      'resources/fonts/NotoSerifSC-Regular.ttf',
      'resources/fonts/OFL.txt',
      'templates/manifest.json',
    ]) {
      expect(files, f).toContain(f);
    }
    const tops = new Set(files.map((f) => f.split('/')[0]));
    expect([...tops].sort()).toEqual(['dist', 'package.json', 'resources', 'templates']);
    expect(
      files.filter(
        (f) =>
          /\.(test|spec)\.|\.map$|\.tsx?$/.test(f) ||
          /^(docs|\.staging|e2e|main|scripts|common|renderer\/src)\//.test(f) ||
          f.startsWith('dist/bench/'),
      ),
    ).toEqual([]);
  });

  it('ships every module the bundles leave external as a production dependency', () => {
    const build = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
    const list = /const external = \[([^\]]*)\]/.exec(build)?.[1] ?? '';
    const externals = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!).filter((m) => m !== 'electron');
    expect(externals).toEqual(
      expect.arrayContaining(['better-sqlite3-multiple-ciphers', 'electron-updater', 'pdfjs-dist']),
    );
    for (const m of externals) expect(pkg.dependencies, m).toHaveProperty(m);
  });

  it('packages a supported Electron: 43, 44 or 45 on 2026-12-07 (docs/decisions.md), not the 41 that had left support', () => {
    const range = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
    ).devDependencies.electron!;
    const installed = (
      JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }
    ).version;
    expect(Number(/\d+/.exec(range)![0])).toBeGreaterThanOrEqual(45);
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(45);
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

  it('builds a Chinese NSIS installer for x64: per-user or per-machine (chosen, or /allusers /currentuser with /S), elevation allowed, data kept on uninstall', async () => {
    const c = await loadConfig();
    expect(c.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    // oneClick false + perMachine false = the assisted installer with the install-mode page; silent /S honours /allusers.
    expect(c.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: true,
      allowElevation: true,
      installerLanguages: ['zh_CN'],
      deleteAppDataOnUninstall: false,
    });
    const assisted = readFileSync(require.resolve('app-builder-lib/templates/nsis/assistedInstaller.nsh'), 'utf8');
    expect(assisted).toMatch(/GetOptions\} \$R0 "\/allusers"/);
    expect(assisted).toMatch(/GetOptions\} \$R0 "\/currentuser"/);
    // An update is installed only when signed by the same publisher as the running app (once signed).
    expect(c.win.verifyUpdateCodeSignature).toBe(true);
  });

  it('builds deb for 信创 Linux on x64 and arm64, no AppImage (deb needs a maintainer)', async () => {
    const c = await loadConfig();
    expect(c.linux.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    expect(c.linux.maintainer).toMatch(/<[^>]+@[^>]+>/);
  });

  it('publishes to the generic feed electron-updater reads, the one the updater knows as built in', async () => {
    const c = await loadConfig();
    expect(c.publish).toEqual([{ provider: 'generic', url: builtInFeedUrl }]);
  });
});
