/**
 * The app's code runs from its asar, tested without the Electron binary: the files
 * electron-builder's own matcher selects (testing/packedFiles.ts) are packed with @electron/asar, as
 * electron-builder packs them, with the same `asarUnpack`; the archive is checked, then extracted and
 * the core's utilityProcess bundle started from the extracted copy, under plain Node with a stand-in
 * for Electron's parentPort. It must start, log in and print a document (templates, fonts, law data,
 * the print harness's libraries) from what the asar holds, and write nothing into it (an asar is
 * read-only). What only Electron can show — its fs reading inside app.asar, utilityProcess.fork from
 * it, the fuses — is left to the release job (.github/workflows/release.yml), which starts the packed app.
 */
import { fork, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import * as asar from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '#core/paths.js';
import { fontconfigFile, fontEnv } from '#core/documents/pdf/fontconfig.js';
import { printFontsDir } from '#core/documents/pdf/printFonts.js';
import { chromiumExecutable } from '#core/documents/pdf/chromium.js';
import { appPaths } from './paths.js';
import { builderConfig, packedFiles } from './testing/packedFiles.js';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'anjuan-asar-'));
const archive = join(work, 'app.asar');
const extracted = join(work, 'extracted');
let files: string[] = [];

/** Every file under `dir` with its size and modification time: what "nothing was written" is checked against. */
function listing(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const f = join(d, name);
      if (f === join(extracted, 'node_modules')) continue;
      const s = statSync(f);
      if (s.isDirectory()) walk(f);
      else out.set(relative(dir, f), `${s.size}:${s.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

beforeAll(async () => {
  // `npm test` builds first; a bare `vitest run` on a fresh checkout builds here.
  if (
    !['dist/app/main.cjs', 'dist/core/utility.cjs', 'dist/preload/index.cjs', 'dist/renderer/index.html'].every((f) =>
      existsSync(join(root, f)),
    )
  ) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  }
  files = await packedFiles(root);
  const stage = join(work, 'stage');
  for (const f of files) {
    mkdirSync(dirname(join(stage, f)), { recursive: true });
    cpSync(join(root, f), join(stage, f));
  }
  const config = await builderConfig(root);
  const unpack = (config.asarUnpack as string[]).filter((p) => !p.startsWith('node_modules/'));
  await asar.createPackageWithOptions(stage, archive, {
    unpack: unpack.length === 1 ? unpack[0] : `{${unpack.join(',')}}`,
  });
  asar.extractAll(archive, extracted);
  // electron-builder puts the production dependencies beside the app's files; here, the project's.
  symlinkSync(join(root, 'node_modules'), join(extracted, 'node_modules'), 'dir');
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('app.asar', () => {
  it("holds package.json's entry, the preload, the core and the renderer, and only the packed files", () => {
    const inside = asar.listPackage(archive, { isPack: false }).map((p) => p.split(sep).join('/').replace(/^\//, ''));
    const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }).main;
    const paths = appPaths('');
    for (const f of [main, paths.preload, paths.coreUtility, join(paths.rendererDir, 'index.html')].map((p) =>
      p.split(sep).join('/').replace(/^\//, ''),
    )) {
      expect(inside, f).toContain(f);
    }
    const insideFiles = inside.filter((p) => !statSync(join(extracted, p)).isDirectory());
    expect(insideFiles.sort()).toEqual(files);
  });
});

/** The core bundle as Electron's utilityProcess runs it: `process.parentPort` stood in by Node's IPC channel. */
function startPackedCore(dataDir: string): {
  child: ChildProcess;
  call(message: object): Promise<unknown>;
  exited: Promise<number | null>;
} {
  const shim = join(work, 'parent-port.cjs');
  writeFileSync(
    shim,
    [
      'process.parentPort = {',
      "  on(event, fn) { if (event === 'message') process.on('message', (data) => fn({ data })); },",
      '  postMessage(m) { process.send(m); },',
      '};',
    ].join('\n'),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ANJUAN_DATA_DIR: dataDir,
    ANJUAN_DEMO: '1',
    ANJUAN_PDF_ENGINE: 'chromium',
  };
  delete env.ANJUAN_APP_ROOT; // found from the bundle's own place, as in the installed app
  const child = fork(join(extracted, 'dist', 'core', 'utility.cjs'), [], {
    execArgv: ['--require', shim],
    env,
    serialization: 'advanced',
    stdio: 'inherit',
  });
  const waiting = new Map<number, (v: unknown) => void>();
  child.on('message', (m) => {
    const { id } = m as { id?: number };
    if (typeof id === 'number') waiting.get(id)?.(m);
  });
  let next = 1;
  return {
    child,
    call: (message) =>
      new Promise((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        child.send({ id, ...message });
      }),
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

describe('the core runs from what the asar holds', () => {
  let core: ReturnType<typeof startPackedCore> | null = null;
  afterAll(() => {
    core?.child.kill();
  });

  it('starts, logs in, prints a document with the bundled templates, fonts and harness, and writes nothing into the app', async () => {
    const before = listing(extracted);
    const dataDir = mkdtempSync(join(tmpdir(), 'anjuan-asar-data-'));
    core = startPackedCore(dataDir);
    const reply = async (op: string, input: object, token: string | null = null) =>
      (
        (await core!.call({ envelope: { op, input, token } })) as {
          reply: { ok: boolean; value?: unknown; error?: { message: string } };
        }
      ).reply;

    const info = await reply('app.info', {});
    expect(info, JSON.stringify(info)).toMatchObject({ ok: true });
    const login = await reply('session.login', { username: 'head', password: 'head123' });
    expect(login, JSON.stringify(login)).toMatchObject({ ok: true });
    const token = (login.value as { token: string }).token;
    expect(await reply('procedures.list', {}, token)).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ id: 'ordinary' })]),
    });
    if (existsSync(chromiumExecutable())) {
      const printed = await reply('pdf.test', { engine: 'chromium' }, token);
      expect(printed, JSON.stringify(printed)).toMatchObject({
        ok: true,
        value: { engine: 'chromium', pages: expect.any(Number) },
      });
    } else {
      console.log(`asarPackage.test: no Chromium at ${chromiumExecutable()}: the print step is skipped`);
    }
    core.child.send({ shutdown: true });
    expect(await core.exited).toBe(0);
    expect(listing(extracted)).toEqual(before);
  }, 180_000);
});

describe('no path inside the app reaches another program', () => {
  // In the installed app those paths would name files inside app.asar, which no other program can open.
  const inside = (p: string): boolean => relative(appRoot(), p).split(sep)[0] !== '..';

  it('Chromium and LibreOffice get their fonts from print copies in the temp folder, and so does the Electron PDF window', async () => {
    const env = await fontEnv();
    expect(inside(env.FONTCONFIG_FILE!)).toBe(false);
    const fonts = await printFontsDir();
    expect(inside(fonts)).toBe(false);
    const conf = readFileSync(fontconfigFile(fonts), 'utf8');
    const dirs = [...conf.matchAll(/<(?:dir|cachedir)[^>]*>([^<]+)</g)].map((m) => m[1]!);
    expect(dirs.length).toBeGreaterThan(0);
    expect(dirs.filter(inside)).toEqual([]);
  });

  it('what only Node reads from the app (templates, resources, harness libraries) is packed (the run above used them)', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'templates/service-receipt.docx',
        'resources/fonts/NotoSerifSC-Regular.ttf',
        'resources/laws/citations.json',
      ]),
    );
  });
});
