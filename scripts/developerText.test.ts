/**
 * No developer text on screen: every string the renderer's screens write (string literals and JSX
 * text, comments and imports left out) is free of paths, table file names, raw digests and engine
 * names; a hash is never sliced onto the page. The list is renderer/src/util/developerText.ts; the e2e
 * specs check the rendered pages with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { developerTextIn } from '../renderer/src/util/developerText.js';

const root = join(import.meta.dirname, '..', 'renderer', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e): string[] => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !p.endsWith('developerText.ts') ? [p] : [];
  });
}

/** What may end up on screen: string literals and JSX text, with comments and import lines left out. */
function shownText(code: string): string {
  const bare = code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
    .replace(/^\s*import .*$/gm, '');
  const literals = [...bare.matchAll(/(['"`])((?:\\.|(?!\1)[^\\])*?)\1/g)].map((m) => m[2]);
  const jsxText = [...bare.matchAll(/[>}]([^<>{}]+)[<{]/g)].map((m) => m[1]);
  return [...literals, ...jsxText, bare.match(/\{[^}]*[hH]ash\.slice\([^)]*\)[^}]*\}/g)?.join('\n') ?? ''].join('\n');
}

describe('developer text', () => {
  it('the list catches each known pattern and passes plain Chinese', () => {
    expect(developerTextIn('请在施行日期表（resources/laws/effective-dates.json）中补充')).toHaveLength(2);
    expect(developerTextIn(`SHA-256 ${'ab'.repeat(32)}`)).toEqual([`原始哈希值：${'ab'.repeat(32)}`]);
    expect(developerTextIn('已加密（SQLCipher 4）')).toEqual(['加密引擎名称：SQLCipher']);
    expect(developerTextIn('历史记录完整，未被篡改（共 12 条）。')).toEqual([]);
  });

  it('no screen writes a path, a table file name, a digest or an engine name, nor slices a hash onto the page', () => {
    const found: string[] = [];
    for (const file of sources(root)) {
      const text = shownText(readFileSync(file, 'utf8'));
      for (const hit of developerTextIn(text)) found.push(`${relative(root, file)}: ${hit}`);
      if (/\{[^}]*[hH]ash\.slice\(/.test(text)) found.push(`${relative(root, file)}: 页面显示哈希值`);
    }
    expect(found).toEqual([]);
  });
});
