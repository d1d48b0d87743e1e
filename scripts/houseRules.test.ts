/**
 * Rules of the house that the import graph cannot show (the rest: .dependency-cruiser.cjs).
 *
 * SQL only in `main/core/store`: the store owns the schema, so a query elsewhere breaks when a migration
 * changes a table and escapes the store's tests. A source file of the core outside the store (tests and
 * the test support in main/core/testing aside, which inspect databases as a test does) must neither call
 * `.prepare(`/`.pragma(`/`.exec(` on a database nor hold SQL text. Offenders would be listed below (none are
 * left); the list only shrinks: a listed file that no longer has SQL fails too, so that its entry is removed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Files of the core outside the store that still run SQL themselves, to be moved into store/. */
const sqlOutsideStore: string[] = [];

/** A call that runs SQL on a better-sqlite3 database (`.exec(` only on something named like one: RegExp has exec too). */
const sqlCall = /\.(prepare|pragma)\(|\b(db|\w+Db|database)\.exec\(/;
/** A string or template literal that opens with an SQL statement. */
const sqlText =
  /[`'"]\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|ALTER|DROP|PRAGMA|WITH|BEGIN|COMMIT|ATTACH|VACUUM)\s/;

/**
 * The code without its comments, which may name SQL (`PRAGMA quick_check`) without running it. Only
 * comments that open a line: a string may hold `/*` (a glob) or `//` (an address).
 */
function withoutComments(source: string): string {
  return source
    .replace(/^\s*\/\*[\s\S]*?\*\//gm, '')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}

/** What in `source` runs or holds SQL (a statement's text may open on the line after its quote). */
function sqlFound(source: string): string[] {
  const code = withoutComments(source);
  return [sqlCall, sqlText].flatMap((re) => [...code.matchAll(new RegExp(re, 'g'))].map((m) => m[0].trim()));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

describe('SQL only in main/core/store', () => {
  it('finds SQL calls and SQL text, not comments or regular expressions', () => {
    expect(sqlFound("const r = services.db.prepare('SELECT 1').get();")).toEqual(['.prepare(', "'SELECT"]);
    expect(sqlFound('db.exec(`CREATE TABLE t (a)`);')).toEqual(['db.exec(', '`CREATE']);
    expect(sqlFound("this.db.pragma('journal_mode = WAL');")).toEqual(['.pragma(']);
    expect(sqlFound('const q = `\n  DELETE FROM cases WHERE id = ?`;')).toEqual(['`\n  DELETE']);
    expect(sqlFound('/** Passes `PRAGMA quick_check`. */\n// SELECT nothing\nconst m = /^(\\d+)$/.exec(s);')).toEqual(
      [],
    );
    expect(sqlFound("const label = '选择案件';")).toEqual([]);
  });

  it('no source file of the core outside the store runs SQL, except the listed ones', () => {
    const offenders = sourceFiles('main/core')
      .filter((f) => !f.startsWith('main/core/store/') && !f.startsWith('main/core/testing/'))
      .filter((f) => sqlFound(readFileSync(join(root, f), 'utf8')).length > 0);
    const unlisted = offenders.filter((f) => !sqlOutsideStore.includes(f));
    expect(unlisted, 'move this SQL into main/core/store (a function there, called from here)').toEqual([]);
    const moved = sqlOutsideStore.filter((f) => !offenders.includes(f));
    expect(moved, 'no SQL left here: remove it from sqlOutsideStore').toEqual([]);
  });
});
