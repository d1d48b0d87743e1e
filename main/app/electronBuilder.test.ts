/**
 * electron-builder itself, run here on electron-builder.yml: the Electron binary cannot be
 * downloaded on this machine, so a stand-in Electron folder (a file carrying a stock fuse wire) takes
 * its place (`electronDist`), and native modules are not rebuilt (`npmRebuild` off: that needs the
 * internet). What comes out is the unpacked Linux app the deb is made of, checked as the release job
 * checks the real one (scripts/release/checkPackage.ts): the fuses electron-builder flipped in the
 * binary, app.asar with only native code beside it, the update feed in app-update.yml.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asar from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuseProblems, readFuses, unpackedProblems } from '../../scripts/release/checkPackage.js';
import { builtInFeedUrl } from './updater.js';
import { builderConfig } from './testing/packedFiles.js';

const root = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'anjuan-builder-'));
const app = join(out, 'linux-unpacked');

/** A stock Electron's fuse wire: RunAsNode, NODE_OPTIONS, --inspect and file: privileges on; no asar checks. */
const stockWire = '10110001';

beforeAll(() => {
  if (
    !['dist/app/main.cjs', 'dist/core/utility.cjs', 'dist/preload/index.cjs', 'dist/renderer/index.html'].every((f) =>
      existsSync(join(root, f)),
    )
  ) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  }
  const dist = join(out, 'electron-dist');
  mkdirSync(join(dist, 'locales'), { recursive: true });
  writeFileSync(
    join(dist, 'electron'),
    Buffer.concat([
      Buffer.from('\x7fELF stand-in '),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, stockWire.length]),
      Buffer.from(stockWire),
    ]),
  );
  chmodSync(join(dist, 'electron'), 0o755);
  for (const f of [
    'LICENSE',
    'LICENSES.chromium.html',
    'version',
    'locales/zh-CN.pak',
    'locales/en-US.pak',
    'locales/fr.pak',
  ])
    writeFileSync(join(dist, f), 'x');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${dist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${out}`,
    ],
    { cwd: root, stdio: 'pipe', timeout: 240_000 },
  );
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('electron-builder on electron-builder.yml (stand-in Electron)', () => {
  it('names the executable anjuan and flips every fuse the config asks for', async () => {
    const config = await builderConfig(root);
    const fuses = readFuses(readFileSync(join(app, 'anjuan')));
    expect(
      fuseProblems(
        readFuses(
          Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from(stockWire)]),
        ),
        config.electronFuses as Record<string, boolean>,
      ).length,
    ).toBeGreaterThan(0);
    expect(fuseProblems(fuses, config.electronFuses as Record<string, boolean>)).toEqual([]);
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('packs the app into app.asar with the production modules, and leaves only native code beside it', () => {
    const resources = join(app, 'resources');
    expect(unpackedProblems(resources)).toEqual([]);
    const inside = new Set(
      asar.listPackage(join(resources, 'app.asar'), { isPack: false }).map((p) => p.replaceAll('\\', '/')),
    );
    for (const f of [
      '/package.json',
      '/dist/app/main.cjs',
      '/dist/core/utility.cjs',
      '/dist/preload/index.cjs',
      '/dist/renderer/index.html',
      '/templates/manifest.json',
      '/resources/fonts/NotoSerifSC-Regular.ttf',
      '/node_modules/electron-updater/package.json',
      '/node_modules/pdfjs-dist/package.json',
      '/node_modules/docx-preview/package.json',
      '/node_modules/jszip/package.json',
    ]) {
      expect(inside.has(f), f).toBe(true);
    }
    expect(
      [...inside].filter((f) =>
        /\.map$|\.test\.|^\/(docs|e2e|\.staging|main|scripts)\/|^\/dist\/bench\/|^\/node_modules\/electron\/|^\/node_modules\/better-sqlite3\/(src|deps)\//.test(
          f,
        ),
      ),
    ).toEqual([]);
  });

  it('writes the built-in update feed into app-update.yml', () => {
    const yml = readFileSync(join(app, 'resources', 'app-update.yml'), 'utf8');
    expect(yml).toMatch(/provider: generic/);
    expect(yml).toContain(`url: ${builtInFeedUrl}`);
  });
});
