import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { harnessScript } from '#core/documents/pdf/harness.js';
import {
  appEntryUrl,
  appSchemePrivileges,
  handleAppRequest,
  mimeType,
  pdfHarnessUrl,
  resolveStaticFile,
  type AppProtocolDeps,
} from './protocol.js';
import { PrintJobs, printPageScript } from './printPage.js';
import { contentSecurityPolicy } from './security.js';

const root = resolve('/srv/renderer');

describe('resolveStaticFile', () => {
  it('maps paths inside the root and index.html for / and client routes', () => {
    expect(resolveStaticFile('/', root, true)).toBe(join(root, 'index.html'));
    expect(resolveStaticFile('/assets/app-1.js', root, true)).toBe(join(root, 'assets', 'app-1.js'));
    expect(resolveStaticFile('/cases/123', root, true)).toBe(join(root, 'index.html'));
    expect(resolveStaticFile('/cases/123', root, false)).toBe(join(root, 'cases', '123'));
    expect(resolveStaticFile('/fonts/%E5%AE%8B%E4%BD%93.ttf', root, true)).toBe(join(root, 'fonts', '宋体.ttf'));
  });

  it('never leaves the root, however the path is dressed up', () => {
    for (const p of [
      '/../secret.txt',
      '/a/../../secret.txt',
      '/..%2f..%2fsecret.txt',
      '/%2e%2e/%2e%2e/etc/passwd.txt',
      '/..%5c..%5csecret.txt',
      '/x%00.js',
      '/%E0%A4%A.js',
      '/..',
    ]) {
      const got = resolveStaticFile(p, root, false);
      expect(got === null || got.startsWith(root + sep), `${p} → ${got}`).toBe(true);
    }
    expect(resolveStaticFile('/../secret.txt', root, false)).toBeNull();
    expect(resolveStaticFile('/a/..%2f..%2f..%2fsecret.txt', root, false)).toBeNull();
    expect(resolveStaticFile('/x%00.js', root, false)).toBeNull();
    expect(resolveStaticFile('/%E0%A4%A.js', root, false)).toBeNull();
  });
});

describe('mimeType', () => {
  it('gives module scripts a JavaScript type (Chromium refuses modules otherwise)', () => {
    expect(mimeType('a.js')).toMatch(/^text\/javascript/);
    expect(mimeType('pdf.worker.min.mjs')).toMatch(/^text\/javascript/);
    expect(mimeType('a.WOFF2')).toBe('font/woff2');
    expect(mimeType('78-EUC-H.bcmap')).toBe('application/octet-stream');
  });
});

describe('handleAppRequest', () => {
  let deps: AppProtocolDeps;
  let jobs: PrintJobs;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-protocol-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>案卷</title>');
    writeFileSync(join(rendererDir, 'assets', 'main.js'), 'export {}');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    jobs = new PrintJobs();
    deps = { rendererDir, pdfjsDir: resolve('node_modules/pdfjs-dist'), jobs, readFile: (p) => readFile(p) };
  });
  const get = (url: string, method = 'GET') => handleAppRequest({ url, method }, deps);

  it('serves the renderer with the CSP and nosniff', async () => {
    const r = await get(appEntryUrl);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('案卷');
    expect(r.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await get('app://anjuan/assets/main.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await get('app://anjuan/cases/42')).status).toBe(200);
  });

  it('answers 404 for missing files, traversal, other hosts and credentials in the URL', async () => {
    expect((await get('app://anjuan/assets/none.js')).status).toBe(404);
    expect((await get('app://anjuan/a/..%2f..%2f..%2fsecret.txt')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://x@anjuan/index.html')).status).toBe(404);
    expect((await get('app://anjuan/index.html', 'POST')).status).toBe(405);
  });

  it('serves the print page, only the needed parts of pdf.js, and queued PDFs by id', async () => {
    const page = await get('app://print/index.html?job=x');
    expect(await page.text()).toContain('print.mjs');
    expect(await (await get('app://print/print.mjs')).text()).toBe(printPageScript);
    const lib = await get('app://print/pdfjs/build/pdf.min.mjs');
    expect(lib.status).toBe(200);
    expect(lib.headers.get('content-type')).toMatch(/javascript/);
    expect((await get('app://print/pdfjs/cmaps/UniGB-UCS2-H.bcmap')).status).toBe(200);
    expect((await get('app://print/pdfjs/package.json')).status).toBe(404);
    expect((await get('app://print/pdfjs/build/..%2f..%2fpdfjs-dist%2fpackage.json')).status).toBe(404);
    const id = jobs.add(new TextEncoder().encode('%PDF-1.7 test'));
    const pdf = await get(`app://print/job/${id}.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(await pdf.text()).toBe('%PDF-1.7 test');
    expect((await get('app://print/job/not-queued.pdf')).status).toBe(404);
    jobs.remove(id);
    expect((await get(`app://print/job/${id}.pdf`)).status).toBe(404);
  });

  it('serves the PDF harness at app://pdf/: page, script, libraries and only plain .ttf files of the fonts folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-protocol-pdf-'));
    // The print fonts' folder: common/ served as fonts/<name>.ttf, full/ as fonts/full/<name>.ttf (printFonts.ts).
    mkdirSync(join(dir, 'common'));
    mkdirSync(join(dir, 'full'));
    writeFileSync(join(dir, 'common', 'NotoSerifSC-Regular.ttf'), 'ttf-bytes');
    writeFileSync(join(dir, 'full', 'NotoSerifSC-Regular.ttf'), 'full-ttf-bytes');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    writeFileSync(join(dir, 'jszip.js'), 'window.JSZip = 1');
    let fontsDir: string | null = null;
    const pdfDeps: AppProtocolDeps = {
      ...deps,
      pdfHarness: { scripts: () => ({ 'jszip.min.js': join(dir, 'jszip.js') }), fontsDir: () => fontsDir },
    };
    const get2 = (url: string) => handleAppRequest({ url, method: 'GET' }, pdfDeps);

    const page = await get2(pdfHarnessUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    // Every script is a same-origin file: the page runs under script-src 'self'.
    const html = await page.text();
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script src="jszip.min.js">',
      '<script src="docx-preview.js">',
      '<script src="harness.js">',
    ]);
    expect(html).not.toMatch(/<script>[^<]/);
    expect(await (await get2('app://pdf/harness.js')).text()).toBe(harnessScript);
    expect(await (await get2('app://pdf/jszip.min.js')).text()).toBe('window.JSZip = 1');
    expect((await get2('app://pdf/docx-preview.js')).status).toBe(404); // not in this stand-in's list

    expect((await get2('app://pdf/fonts/NotoSerifSC-Regular.ttf')).status).toBe(404); // no folder named yet
    fontsDir = dir;
    const font = await get2('app://pdf/fonts/NotoSerifSC-Regular.ttf');
    expect(font.headers.get('content-type')).toBe('font/ttf');
    expect(await font.text()).toBe('ttf-bytes');
    expect(await (await get2('app://pdf/fonts/full/NotoSerifSC-Regular.ttf')).text()).toBe('full-ttf-bytes');
    for (const bad of [
      'fonts/secret.txt',
      'fonts/..%2fsecret.txt',
      'fonts/../secret.txt',
      'fonts/none.ttf',
      'secret.txt',
      'jszip.js',
      'fonts/a/b.ttf',
      'fonts/common/NotoSerifSC-Regular.ttf',
      'fonts/full/..%2fsecret.txt',
      'fonts/full/../../secret.txt',
      'fonts/full/none.ttf',
    ]) {
      expect((await get2(`app://pdf/${bad}`)).status, bad).toBe(404);
    }
    // Without the harness deps (e.g. a test of the renderer alone) nothing is served there.
    expect((await get(pdfHarnessUrl)).status).toBe(404);
  });

  it('the app page cannot read print jobs through its own host', async () => {
    const id = jobs.add(new TextEncoder().encode('%PDF-1.7'));
    expect((await get(`app://anjuan/job/${id}.pdf`)).status).toBe(404);
    jobs.remove(id);
  });
});

describe('scheme privileges', () => {
  it('gives app: a real secure origin and never bypasses the CSP', () => {
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true });
    expect(appSchemePrivileges.privileges).not.toHaveProperty('bypassCSP');
  });
});
