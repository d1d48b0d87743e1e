import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { harnessScript } from './harness.js';
import { harnessFile, harnessScriptFiles } from './harnessFiles.js';

describe("the print harness's files (served by the Chromium engine and at app://pdf/)", () => {
  it("has no inline script, so it runs under script-src 'self'", () => {
    const page = harnessFile('harness.html', () => ({}), null);
    expect(page).toMatchObject({ contentType: 'text/html; charset=utf-8' });
    const html = (page as { text: string }).text;
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      '<script src="jszip.min.js">',
      '<script src="docx-preview.js">',
      '<script src="harness.js">',
    ]);
    expect(harnessFile('harness.js', () => ({}), null)).toEqual({
      contentType: 'text/javascript; charset=utf-8',
      text: harnessScript,
    });
    expect(harnessScript).toContain('window.anjuanRender = async function');
  });

  it('resolves the libraries only when one is asked for, and serves nothing else', () => {
    const scripts = vi.fn(() => ({ 'jszip.min.js': '/lib/jszip.min.js' }));
    harnessFile('harness.html', scripts, '/fonts');
    harnessFile('fonts/NotoSansSC-Regular.ttf', scripts, '/fonts');
    expect(scripts).not.toHaveBeenCalled();
    expect(harnessFile('jszip.min.js', scripts, null)).toEqual({
      contentType: 'text/javascript; charset=utf-8',
      file: '/lib/jszip.min.js',
    });
    expect(harnessFile('toString.js', scripts, null)).toBeNull();
    // fonts/<name>.ttf is the common print font, fonts/full/<name>.ttf the full one (printFonts.ts).
    expect(harnessFile('fonts/NotoSansSC-Regular.ttf', scripts, '/fonts')).toEqual({
      contentType: 'font/ttf',
      file: join('/fonts', 'common', 'NotoSansSC-Regular.ttf'),
    });
    expect(harnessFile('fonts/full/NotoSansSC-Regular.ttf', scripts, '/fonts')).toEqual({
      contentType: 'font/ttf',
      file: join('/fonts', 'full', 'NotoSansSC-Regular.ttf'),
    });
    for (const bad of [
      'fonts/NotoSansSC-Regular.ttf',
      'fonts/full/NotoSansSC-Regular.ttf',
      'fonts/../x.ttf',
      'fonts/full/../x.ttf',
      'fonts/full/../../x.ttf',
      'fonts/a/b.ttf',
      'fonts/full/a/b.ttf',
      'fonts/common/x.ttf',
      'fonts/full/',
      'fonts/full.ttf/x.ttf',
      'fonts/full/x.otf',
      'fonts/x.otf',
      'fonts//x.ttf',
      'fonts/full//x.ttf',
      'package.json',
      '',
    ]) {
      expect(
        harnessFile(bad, scripts, bad.startsWith('fonts/Noto') || bad.startsWith('fonts/full/Noto') ? null : '/fonts'),
        bad,
      ).toBeNull();
    }
  });

  it("declares each document font's full face before its common one, so the common face is tried first", () => {
    const html = (harnessFile('harness.html', () => ({}), null) as { text: string }).text;
    const faces = [
      ...html.matchAll(
        /@font-face\{font-family:"([^"]+)";src:([^;]+);font-weight:(\d+);(?:unicode-range:([^;]+);)?\}/g,
      ),
    ].map(([, family, src, weight, range]) => ({ family, src: src ?? '', weight, range }));
    const of = (family: string, weight: string): typeof faces =>
      faces.filter((f) => f.family === family && f.weight === weight);
    expect(of('仿宋', '400')).toEqual([
      {
        family: '仿宋',
        weight: '400',
        src: 'url("fonts/full/NotoSerifSC-Regular.ttf") format("truetype")',
        range: 'U+3400-4DBF,U+4E00-9FFF,U+F900-FAFF,U+20000-3FFFF',
      },
      {
        family: '仿宋',
        weight: '400',
        src: 'local("Noto Serif SC"),local("NotoSerifSC-Regular"),url("fonts/NotoSerifSC-Regular.ttf") format("truetype")',
        range: undefined,
      },
    ]);
    expect(of('宋体', '700').map((f) => f.src)).toEqual([
      'url("fonts/full/NotoSerifSC-Bold.ttf") format("truetype")',
      'local("Noto Serif SC Bold"),local("NotoSerifSC-Bold"),url("fonts/NotoSerifSC-Bold.ttf") format("truetype")',
    ]);
    expect(of('黑体', '400').map((f) => f.src)).toEqual([
      'url("fonts/full/NotoSansSC-Regular.ttf") format("truetype")',
      'local("Noto Sans SC"),local("NotoSansSC-Regular"),url("fonts/NotoSansSC-Regular.ttf") format("truetype")',
    ]);
    // Every full face takes only the Han blocks and names no local font (local() would find the common one).
    for (const f of faces.filter((x) => x.src.includes('fonts/full/'))) {
      expect(f.src).not.toContain('local(');
      expect(f.range).toBe('U+3400-4DBF,U+4E00-9FFF,U+F900-FAFF,U+20000-3FFFF');
    }
    expect(faces.filter((x) => x.src.includes('fonts/full/')).length * 2).toBe(faces.length);
  });

  it('finds jszip and docx-preview from the app root', () => {
    const files = harnessScriptFiles(process.cwd());
    expect(files['jszip.min.js']).toMatch(/jszip[\\/]dist[\\/]jszip\.min\.js$/);
    expect(files['docx-preview.js']).toMatch(/docx-preview[\\/]dist[\\/]docx-preview(\.min)?\.js$/);
  });
});
