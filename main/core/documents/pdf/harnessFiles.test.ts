import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { harnessScript } from './harness.js';
import { harnessFile, harnessScriptFiles } from './harnessFiles.js';

describe('the print harness\'s files (served by the Chromium engine and at app://pdf/)', () => {
  it('has no inline script, so it runs under script-src \'self\'', () => {
    const page = harnessFile('harness.html', () => ({}), null);
    expect(page).toMatchObject({ contentType: 'text/html; charset=utf-8' });
    const html = (page as { text: string }).text;
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="jszip.min.js">', '<script src="docx-preview.js">', '<script src="harness.js">']);
    expect(harnessFile('harness.js', () => ({}), null)).toEqual({ contentType: 'text/javascript; charset=utf-8', text: harnessScript });
    expect(harnessScript).toContain('window.anjuanRender = async function');
  });

  it('resolves the libraries only when one is asked for, and serves nothing else', () => {
    const scripts = vi.fn(() => ({ 'jszip.min.js': '/lib/jszip.min.js' }));
    harnessFile('harness.html', scripts, '/fonts');
    harnessFile('fonts/NotoSansSC-Regular.ttf', scripts, '/fonts');
    expect(scripts).not.toHaveBeenCalled();
    expect(harnessFile('jszip.min.js', scripts, null)).toEqual({ contentType: 'text/javascript; charset=utf-8', file: '/lib/jszip.min.js' });
    expect(harnessFile('toString.js', scripts, null)).toBeNull();
    expect(harnessFile('fonts/NotoSansSC-Regular.ttf', scripts, '/fonts')).toEqual({ contentType: 'font/ttf', file: join('/fonts', 'NotoSansSC-Regular.ttf') });
    for (const bad of ['fonts/NotoSansSC-Regular.ttf', 'fonts/../x.ttf', 'fonts/a/b.ttf', 'fonts/x.otf', 'package.json', '']) {
      expect(harnessFile(bad, scripts, bad.startsWith('fonts/Noto') ? null : '/fonts'), bad).toBeNull();
    }
  });

  it('finds jszip and docx-preview from the app root', () => {
    const files = harnessScriptFiles(process.cwd());
    expect(files['jszip.min.js']).toMatch(/jszip[\\/]dist[\\/]jszip\.min\.js$/);
    expect(files['docx-preview.js']).toMatch(/docx-preview[\\/]dist[\\/]docx-preview(\.min)?\.js$/);
  });
});
