import { afterEach, describe, expect, it } from 'vitest';
import { createPdfEngine, detectEngines } from './engines.js';
import { findSoffice } from './libreoffice.js';
import { rejectedAppError } from '#core/testing/appError.js';

const saved = { chromium: process.env.ANJUAN_CHROMIUM, soffice: process.env.ANJUAN_SOFFICE };
afterEach(() => {
  for (const [k, v] of [
    ['ANJUAN_CHROMIUM', saved.chromium],
    ['ANJUAN_SOFFICE', saved.soffice],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('engine choice', () => {
  it('finds no engine whose program is missing', async () => {
    process.env.ANJUAN_CHROMIUM = '/nonexistent/chromium';
    process.env.ANJUAN_SOFFICE = '/nonexistent/soffice';
    expect(await detectEngines()).toEqual([]);
    const e = await rejectedAppError(createPdfEngine('auto'));
    expect(e.code).toBe('PDF_ENGINE_UNAVAILABLE');
    expect(e.message).toContain('/nonexistent/chromium');
    expect((await rejectedAppError(createPdfEngine('libreoffice'))).code).toBe('PDF_ENGINE_UNAVAILABLE');
    expect((await rejectedAppError(createPdfEngine('chromium'))).code).toBe('PDF_ENGINE_UNAVAILABLE');
  });

  if (!findSoffice())
    console.warn('LibreOffice fallback test skipped: no soffice on PATH (install LibreOffice, or set ANJUAN_SOFFICE).');
  it.skipIf(!findSoffice())('falls back to LibreOffice when Chromium is missing', async () => {
    process.env.ANJUAN_CHROMIUM = '/nonexistent/chromium';
    const engine = await createPdfEngine('auto');
    expect(engine.name).toBe('libreoffice');
    await engine.close();
  });
});

describe('finding a Chromium-family browser', () => {
  it('takes ANJUAN_CHROMIUM alone when set, else looks for Edge and Chrome on Windows', async () => {
    const { chromiumCandidates } = await import('./chromium.js');
    expect(chromiumCandidates({ ANJUAN_CHROMIUM: 'D:\\b\\chrome.exe' }, 'win32')).toEqual(['D:\\b\\chrome.exe']);
    const win = chromiumCandidates({ PROGRAMFILES: 'C:\\Program Files' }, 'win32');
    expect(win).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(chromiumCandidates({}, 'linux')[0]).toBe('/usr/bin/chromium');
  });
});
