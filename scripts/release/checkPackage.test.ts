/**
 * The release job's check of a built package (checkPackage.ts), on stand-ins here: a fuse wire in a
 * fake binary, the unpacked files beside app.asar, and the glibc symbols of this machine's own
 * better-sqlite3-multiple-ciphers build (compiled on Debian 12: glibc 2.34+, which 统信UOS 20 / 银河麒麟 V10 cannot load).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPackage, fuseNames, fuseProblems, glibcProblems, glibcVersions, readFuses, unpackedProblems } from './checkPackage.js';

const root = join(import.meta.dirname, '..', '..');

/** A binary with a V1 fuse wire: '1' enabled, '0' disabled, in fuseNames' order. */
const binaryWith = (wire: string): Buffer => Buffer.concat([Buffer.from('\x7fELF…code…'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length]), Buffer.from(wire), Buffer.from('…more code')]);

const wanted = {
  runAsNode: false, enableCookieEncryption: true, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true, grantFileProtocolExtraPrivileges: false,
};

describe('fuses read from the binary', () => {
  it('reads the wire and finds what differs from electron-builder.yml', () => {
    const flipped = binaryWith('01001100');
    expect(readFuses(flipped)).toEqual(Object.fromEntries(fuseNames.map((n, i) => [n, '01001100'[i] === '1'])));
    expect(fuseProblems(readFuses(flipped), wanted)).toEqual([]);
    // A stock Electron: RunAsNode and the inspector on, no asar checks.
    expect(fuseProblems(readFuses(binaryWith('10110001')), wanted)).toEqual([
      '熔丝 runAsNode 应为 false，程序中为 true',
      '熔丝 enableCookieEncryption 应为 true，程序中为 false',
      '熔丝 enableNodeOptionsEnvironmentVariable 应为 false，程序中为 true',
      '熔丝 enableNodeCliInspectArguments 应为 false，程序中为 true',
      '熔丝 enableEmbeddedAsarIntegrityValidation 应为 true，程序中为 false',
      '熔丝 onlyLoadAppFromAsar 应为 true，程序中为 false',
      '熔丝 grantFileProtocolExtraPrivileges 应为 false，程序中为 true',
    ]);
    expect(() => readFuses(Buffer.from('not electron'))).toThrow(/找不到熔丝/);
  });

  it('a whole unpacked app: the binary\'s fuses against electron-builder.yml, app.asar and the native module beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-unpacked-'));
    writeFileSync(join(dir, 'anjuan.exe'), binaryWith('01001100'));
    mkdirSync(join(dir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release'), { recursive: true });
    writeFileSync(join(dir, 'resources', 'app.asar'), 'asar');
    writeFileSync(join(dir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'), 'windows addon');
    if (process.platform !== 'linux') expect(checkPackage(dir, root, '2.28')).toEqual([]);
    else expect(checkPackage(dir, root, '2.28')).toEqual([expect.stringMatching(/^无法读取 resources\/app\.asar\.unpacked\/.*better_sqlite3\.node 所需的glibc版本/)]);
  });
});

describe('what lies beside app.asar', () => {
  it('only native code, and the SQLite addon must be there', () => {
    const res = mkdtempSync(join(tmpdir(), 'anjuan-res-'));
    expect(unpackedProblems(res)).toEqual([`${res} 中没有 app.asar`, 'app.asar.unpacked 中没有 better_sqlite3.node']);
    writeFileSync(join(res, 'app.asar'), '');
    const put = (p: string) => { mkdirSync(dirname(join(res, 'app.asar.unpacked', p)), { recursive: true }); writeFileSync(join(res, 'app.asar.unpacked', p), ''); };
    put('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
    put('node_modules/better-sqlite3-multiple-ciphers/package.json');
    expect(unpackedProblems(res)).toEqual([]);
    // A native module electron-builder unpacks whole (pdfjs-dist's optional canvas): its folder is allowed.
    put('node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node');
    put('node_modules/@napi-rs/canvas-linux-x64-gnu/package.json');
    expect(unpackedProblems(res)).toEqual([]);
    // sharp's libvips: a shared library in a package of its own, with no .node (asarUnpack node_modules/@img/**).
    put('node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.8.18.8');
    put('node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64.node');
    expect(unpackedProblems(res)).toEqual([]);
    // ffmpeg: a program in its platform's package (asarUnpack node_modules/@ffmpeg-installer/*-*/**); not the installer's JS.
    put('node_modules/@ffmpeg-installer/linux-x64/ffmpeg');
    put('node_modules/@ffmpeg-installer/linux-x64/package.json');
    expect(unpackedProblems(res)).toEqual([]);
    put('node_modules/@ffmpeg-installer/ffmpeg/index.js');
    expect(unpackedProblems(res)).toEqual(['不应在app.asar之外的文件：node_modules/@ffmpeg-installer/ffmpeg/index.js']);
    rmSync(join(res, 'app.asar.unpacked', 'node_modules/@ffmpeg-installer/ffmpeg'), { recursive: true });
    put('node_modules/@img/other/readme.md');
    expect(unpackedProblems(res)).toEqual(['不应在app.asar之外的文件：node_modules/@img/other/readme.md']);
    rmSync(join(res, 'app.asar.unpacked', 'node_modules/@img/other'), { recursive: true });
    put('resources/fonts/NotoSerifSC-Regular.ttf');
    expect(unpackedProblems(res)).toEqual(['不应在app.asar之外的文件：resources/fonts/NotoSerifSC-Regular.ttf']);
  });
});

describe('the glibc a native module needs', () => {
  it('parses objdump -T and refuses a module newer than UOS 20 / Kylin V10 can load', () => {
    const text = '0000 DF *UND* 0000 (GLIBC_2.14) memcpy\n0000 DF *UND* 0000 (GLIBC_2.2.5) free\n0000 DF *UND* 0000 (GLIBC_2.34) pthread_create\n';
    expect(glibcVersions(text)).toEqual(['2.2.5', '2.14', '2.34']);
    expect(glibcProblems('x.node', ['2.2.5', '2.14', '2.28'], '2.28')).toEqual([]);
    expect(glibcProblems('x.node', ['2.2.5', '2.34'], '2.28')).toEqual([expect.stringMatching(/^x\.node 需要 glibc 2\.34，高于 2\.28/)]);
  });

  const require = createRequire(join(root, 'package.json'));
  const addon = join(dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), 'build', 'Release', 'better_sqlite3.node');
  const hasObjdump = (() => { try { execFileSync('objdump', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
  it.skipIf(process.platform !== 'linux' || !hasObjdump)('reads this machine\'s better-sqlite3-multiple-ciphers build', () => {
    const versions = glibcVersions(execFileSync('objdump', ['-T', addon], { encoding: 'utf8' }));
    expect(versions.length).toBeGreaterThan(0);
    console.log(`checkPackage.test: this machine's better_sqlite3.node needs glibc ${versions.at(-1)}`);
  });
});
