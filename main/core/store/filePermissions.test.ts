/**
 * “data files are created 0644”: on POSIX everything the core writes under the data
 * directory — the database and its WAL, blobs, added calendars, procedures and templates — is
 * owner-only (files 0600, folders 0700), whatever the umask; a data directory made before is tightened.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import { createCore } from '../core.js';
import { makePng } from '../testing/png.js';
import { openCase } from '../testing/scenario.js';
import { loadManifest } from '../documents/manifest.js';
import { templatesDir } from '../paths.js';
import { writeFileDurably } from './durableFile.js';
import { shippedDefinitionJson } from '../testing/shippedProcedures.js';

const posix = process.platform !== 'win32';
const mode = (p: string) => statSync(p).mode & 0o777;

/** Every file and folder under `root`, with its mode in octal. */
function modes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(root, { recursive: true, encoding: 'utf8' }))
    out[rel] = mode(join(root, rel)).toString(8);
  return out;
}

let t: TestCore;
let oldUmask: number;
beforeEach(() => {
  oldUmask = process.umask(0o022);
});
afterEach(async () => {
  process.umask(oldUmask);
  await t?.close();
});

describe.runIf(posix)('owner-only files under the data directory', () => {
  it('database, WAL, blobs, calendars, procedures and templates: files 0600, folders 0700', async () => {
    t = await createTestCore({ dir: mkdtempSync(join(tmpdir(), 'anjuan-perm-')) });
    const head = await t.login('head');
    const officer = await t.login('officer');
    const v = await openCase(t, officer, {});
    await t.call(officer, 'evidence.add', {
      caseId: v.state.id,
      fileName: 'p.png',
      contentBase64: makePng().toString('base64'),
      description: '排放口',
      takenOn: '2026-03-02',
      kind: 'photo',
    });
    await t.call(head, 'calendar.import', {
      calendar: { year: 2031, source: '测试', holidays: [['2031-01-01', '2031-01-01', '元旦']], workdays: [] },
    });
    await t.call(head, 'procedures.import', {
      definition: {
        ...shippedDefinitionJson('ordinary@2026.2'),
        version: '2026.10',
      },
    });
    const tpl = loadManifest().find((x) => x.id === 'filing-approval')!;
    await t.call(head, 'templates.import', {
      type: 'filing-approval',
      fileName: 'a.docx',
      contentBase64: readFileSync(join(templatesDir(), tpl.file)).toString('base64'),
    });

    const all = modes(t.dir);
    const files = Object.entries(all).filter(([rel]) => statSync(join(t.dir, rel)).isFile());
    const dirs = Object.entries(all).filter(([rel]) => statSync(join(t.dir, rel)).isDirectory());
    expect(files.map(([f]) => f)).toEqual(
      expect.arrayContaining(
        [
          'anjuan.sqlite',
          'anjuan.sqlite-wal',
          'calendars/cn-2031.json',
          'procedures/ordinary.2026.10.json',
          'templates/filing-approval/2026.1.1.docx',
        ].map((f) => f.split('/').join(sep)),
      ),
    );
    expect(files.some(([f]) => f.startsWith('blobs'))).toBe(true);
    expect(Object.fromEntries(files.filter(([, m]) => m !== '600'))).toEqual({});
    expect(Object.fromEntries(dirs.filter(([, m]) => m !== '700'))).toEqual({});
    expect(mode(t.dir).toString(8)).toBe('700');
  });

  it('a data directory made before (0755, database 0644) is tightened at start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-perm-old-'));
    await (await createCore({ dataDir: dir, demo: true })).close();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'anjuan.sqlite'), 0o644);
    t = await createTestCore({ dir });
    expect(mode(dir).toString(8)).toBe('700');
    expect(mode(join(dir, 'anjuan.sqlite')).toString(8)).toBe('600');
    await t.close();
    rmSync(dir, { recursive: true, force: true });
    t = undefined as unknown as TestCore;
  });

  it('the atomic writer replaces a 0644 file with a 0600 one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-perm-w-'));
    const f = join(dir, 'sub', 'x.json');
    writeFileDurably(f, Buffer.from('{}'));
    expect([mode(f), mode(join(dir, 'sub'))].map((m) => m.toString(8))).toEqual(['600', '700']);
    chmodSync(f, 0o644);
    writeFileDurably(f, Buffer.from('{"a":1}'));
    expect(mode(f).toString(8)).toBe('600');
    expect(relative(dir, f)).toBe(join('sub', 'x.json'));
    rmSync(dir, { recursive: true, force: true });
  });
});
