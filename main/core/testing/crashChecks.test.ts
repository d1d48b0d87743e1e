/**
 * The crash checks find what they look for: a directory broken on purpose in each way a crash
 * could break it is reported, and a clean one is not (else "zero violations" would prove nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareBase, killFractions } from './crashHarness.js';
import { checkDataDir } from './crashChecks.js';
import type { CrashBase } from './crashOps.js';
import { databaseFile } from '../backup/layout.js';
import { openDatabase } from '../store/db.js';
import { seededRandom } from '../seed/random.js';

let work: string;
let base: CrashBase;
let n = 0;
const copy = (): string => {
  const dir = join(work, `copy-${n++}`);
  cpSync(base.dataDir, dir, { recursive: true });
  return dir;
};
const firstBlob = (dir: string): string => {
  const sub = readdirSync(join(dir, 'blobs'))[0]!;
  return join(dir, 'blobs', sub, readdirSync(join(dir, 'blobs', sub))[0]!);
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'anjuan-crash-checks-'));
  base = await prepareBase(work, 'quick', 200);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('crash checks', () => {
  it('a clean directory: no violation, and the operation is redone', async () => {
    const r = await checkDataDir(copy(), base, 'evidence');
    expect(r).toMatchObject({ violations: [], progress: '0 of 3 photos added', tempFiles: 0 });
  });

  it('a referenced file gone or damaged is reported', async () => {
    const dir = copy();
    unlinkSync(firstBlob(dir));
    const r = await checkDataDir(dir, base, 'evidence');
    expect(r.violations.join('\n')).toMatch(/file is missing or damaged/);
  });

  it('a projection out of step with its events is reported', async () => {
    const dir = copy();
    const db = openDatabase(join(dir, databaseFile));
    db.prepare("UPDATE cases SET node = 'closed', state = json_set(state, '$.node', 'closed')").run();
    db.close();
    const r = await checkDataDir(dir, base, 'dossier');
    expect(r.violations.join('\n')).toMatch(/projection differs from a replay/);
  });

  it('a temporary file of a killed write is counted and swept; any other stray file is reported', async () => {
    const dir = copy();
    const blob = firstBlob(dir);
    const tmp = join(blob, '..', `.${'a'.repeat(62)}.4242.0badcafe.tmp`);
    writeFileSync(tmp, 'half');
    writeFileSync(join(dir, 'blobs', 'stray.part'), 'x');
    const r = await checkDataDir(dir, base, 'evidence');
    expect(r.tempFiles).toBe(1);
    expect(r.violations).toEqual(['file left that the start-up sweep does not remove: blobs/stray.part']);
  });

  it('an import that is not a prefix of its file is reported', async () => {
    const dir = copy();
    const db = openDatabase(join(dir, databaseFile));
    const later = base.importUsccs[5]!;
    db.prepare(`INSERT INTO enterprises (id, name, uscc, legal_representative, address, county, county_code, industry_code, longitude, latitude,
      permit_numbers, key_polluter, initials, fingerprint, source, imported_at, search_seq) VALUES (?, '测试企业', ?, '', '', '', '', '', NULL, NULL, '[]', '[]', '', '', ?, NULL, NULL)`).run(
      `ent-${later}`,
      later,
      base.importFileName,
    );
    db.close();
    const r = await checkDataDir(dir, base, 'import');
    expect(r.violations.join('\n')).toMatch(/1 rows present but not the file's first 1/);
  });

  it('kill points: one seeded draw in each of n strata of the duration', () => {
    const f = killFractions(seededRandom(1), 4);
    expect(f).toEqual(killFractions(seededRandom(1), 4));
    expect(f).not.toEqual(killFractions(seededRandom(2), 4));
    f.forEach((x, i) => {
      expect(x).toBeGreaterThanOrEqual(i / 4);
      expect(x).toBeLessThan((i + 1) / 4);
    });
  });
});
